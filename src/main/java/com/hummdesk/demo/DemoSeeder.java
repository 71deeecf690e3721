package com.hummdesk.demo;

import com.hummdesk.accounts.AccountService;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.security.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Loads the demo account: an owner, four agents with different skills, languages and capacities, teams billing
 * and technical, an API inbox, contacts, a few hundred conversations in English, Finnish and German, and a
 * published knowledge base (resources demo/kb) that the drafts cite.
 */
public final class DemoSeeder {
    /** Imports markdown articles (file name to content) into an account, published (the knowledge import). */
    @FunctionalInterface
    public interface ArticleImport {
        void importPublished(long accountId, Map<String, byte[]> files);
    }

    private static final int CONVERSATIONS = 300;
    private static final int CONTACTS = 80;

    private final Database db;
    private final AccountService accounts;
    private final DemoRepository repository = new DemoRepository();
    private final ArticleImport articles;

    public DemoSeeder(Database db, AccountService accounts, ArticleImport articles) {
        this.db = db;
        this.accounts = accounts;
        this.articles = articles;
    }

    public void seedIfMissing(PrintStream out) {
        if (accounts.findUserByEmail(DemoData.OWNER_EMAIL).isEmpty()) {
            long accountId = seed();
            out.println("Loaded the demo account (id " + accountId + ") with " + DemoData.ARTICLES.size()
                    + " knowledge-base articles.");
        }
        printLogins(out);
    }

    /** Returns the new account's id. Deterministic: the same data on every machine. */
    public long seed() {
        var created =
                accounts.createAccount(DemoData.ACCOUNT_NAME, "Olivia Owner", DemoData.OWNER_EMAIL, DemoData.PASSWORD);
        long accountId = created.accountId();
        var agentIds = new ArrayList<Long>();
        for (var agent : DemoData.AGENTS) {
            agentIds.add(accounts.addMember(
                    accountId,
                    agent.name(),
                    agent.email(),
                    DemoData.PASSWORD,
                    Role.valueOf(agent.role().toUpperCase(Locale.ROOT))));
        }
        db.runInAccount(accountId, tx -> {
            var teams = new HashMap<String, Long>();
            teams.put("billing", repository.insertTeam(tx, accountId, "billing", "Payments, invoices and refunds"));
            teams.put("technical", repository.insertTeam(tx, accountId, "technical", "Bugs, outages and how-to"));
            for (int i = 0; i < DemoData.AGENTS.size(); i++) {
                var agent = DemoData.AGENTS.get(i);
                repository.setAgentProfile(tx, accountId, agentIds.get(i), agent);
                repository.addTeamMember(tx, accountId, teams.get(agent.team()), agentIds.get(i));
            }
            long inboxId = repository.insertInbox(tx, accountId, "Website API", DemoData.INBOX_PUBLIC_ID);
            var contactIds = insertContacts(tx, accountId);
            insertConversations(tx, accountId, inboxId, contactIds, agentIds, teams);
        });
        importArticles(accountId);
        return accountId;
    }

    /** The articles are resources, listed in DemoData: a jar cannot list a folder. */
    private void importArticles(long accountId) {
        var files = new LinkedHashMap<String, byte[]>();
        for (var name : DemoData.ARTICLES) {
            try (var in = Objects.requireNonNull(DemoSeeder.class.getResourceAsStream("/demo/kb/" + name), name)) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the demo article " + name, e);
            }
        }
        articles.importPublished(accountId, files);
    }

    private List<Long> insertContacts(org.jooq.DSLContext tx, long accountId) {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < CONTACTS; i++) {
            var first = DemoData.FIRST_NAMES.get(i % DemoData.FIRST_NAMES.size());
            var last = DemoData.LAST_NAMES.get((i * 7) % DemoData.LAST_NAMES.size());
            var email = (first + "." + last + i + "@example.com")
                    .toLowerCase(Locale.ROOT)
                    .replace("ä", "a")
                    .replace("ö", "o")
                    .replace("ü", "u");
            ids.add(repository.insertContact(tx, accountId, first + " " + last, email));
        }
        return ids;
    }

    private void insertConversations(
            org.jooq.DSLContext tx,
            long accountId,
            long inboxId,
            List<Long> contactIds,
            List<Long> agentIds,
            java.util.Map<String, Long> teams) {
        var random = new Random(42);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var statuses = List.of("open", "open", "open", "pending", "resolved", "resolved", "snoozed");
        for (int i = 0; i < CONVERSATIONS; i++) {
            var sample = DemoData.SAMPLES.get(random.nextInt(DemoData.SAMPLES.size()));
            var status = statuses.get(random.nextInt(statuses.size()));
            var assigned = random.nextInt(4) != 0;
            Long assignee = assigned ? agentIds.get(random.nextInt(agentIds.size())) : null;
            var replies = assigned ? DemoData.REPLIES_EN.subList(0, 1 + random.nextInt(2)) : List.<String>of();
            var teamId = teams.get("billing".equals(sample.category()) ? "billing" : "technical");
            var createdAt = now.minusMinutes(random.nextInt(60 * 24 * 30));
            repository.insertConversation(
                    tx,
                    accountId,
                    new DemoRepository.DemoConversation(
                            inboxId,
                            contactIds.get(random.nextInt(contactIds.size())),
                            assignee,
                            teamId,
                            "snoozed".equals(status) ? "pending" : status,
                            sample.priority(),
                            sample,
                            createdAt,
                            replies));
        }
    }

    private static void printLogins(PrintStream out) {
        out.println("Demo logins (password for all: " + DemoData.PASSWORD + "):");
        out.println("  owner  " + DemoData.OWNER_EMAIL);
        DemoData.AGENTS.forEach(
                a -> out.println("  " + String.format(Locale.ROOT, "%-6s", a.role()) + " " + a.email()));
        out.println("Public inbox id for customers: " + DemoData.INBOX_PUBLIC_ID);
    }
}
