package com.hummdesk.ai.pipeline;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Constraints;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.CurrentUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An account's AI categories: every member reads them; admins and owners create, change and delete them. Names are
 * lowercase words (they are what conversations carry and what agents' skills match); examples written here are
 * 'seed' examples, replaced as a whole on update; agents' corrections add 'correction' examples on their own.
 */
final class CategoriesService {
    static final int MAX_NAME = 50;
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_EXAMPLES = 50;
    static final int MAX_EXAMPLE = AiConversationHooks.MAX_EXAMPLE;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** A create or a partial update; null leaves a field as it is, {@code teamGiven} whether teamId was named. */
    record Changes(String name, String description, boolean teamGiven, Long teamId, List<String> examples) {}

    private final Database db;
    private final AccountAi accounts;
    private final CategoryRepository categories = new CategoryRepository();
    private final TriageFinder finder = new TriageFinder();
    private final AuditRepository audit = new AuditRepository();

    CategoriesService(Database db, AccountAi accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    CategoryList list(CurrentUser user) {
        return new CategoryList(db.inAccount(user.accountId(), tx -> accounts.categories(tx, user.accountId())));
    }

    Category get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> {
                    accounts.ensureSeeded(tx, user.accountId());
                    return categories.find(tx, user.accountId(), id);
                })
                .orElseThrow(CategoriesService::notFound);
    }

    Category create(CurrentUser user, Changes input) {
        user.requireManager();
        var changes = validate(input, true);
        long accountId = user.accountId();
        return uniqueName(
                changes.name(),
                () -> db.inAccount(accountId, tx -> {
                    accounts.ensureSeeded(tx, accountId);
                    checkTeam(tx, accountId, changes.teamId());
                    long id = categories.insert(
                            tx,
                            accountId,
                            changes.name(),
                            changes.description() == null ? "" : changes.description(),
                            changes.teamId());
                    categories.replaceSeedExamples(
                            tx, accountId, id, changes.examples() == null ? List.of() : changes.examples());
                    audit.record(tx, user, "ai_category.created", "ai_category", id, Map.of("name", changes.name()));
                    return categories.find(tx, accountId, id).orElseThrow();
                }));
    }

    Category update(CurrentUser user, long id, Changes input) {
        user.requireManager();
        var changes = validate(input, false);
        long accountId = user.accountId();
        return uniqueName(
                changes.name(),
                () -> db.inAccount(accountId, tx -> {
                    var current = categories.find(tx, accountId, id).orElseThrow(CategoriesService::notFound);
                    var teamId = changes.teamGiven() ? changes.teamId() : current.teamId();
                    checkTeam(tx, accountId, changes.teamGiven() ? changes.teamId() : null);
                    categories.update(
                            tx,
                            accountId,
                            id,
                            changes.name() == null ? current.name() : changes.name(),
                            changes.description() == null ? current.description() : changes.description(),
                            teamId);
                    if (changes.examples() != null) {
                        categories.replaceSeedExamples(tx, accountId, id, changes.examples());
                    }
                    audit.record(tx, user, "ai_category.updated", "ai_category", id, Map.of("name", current.name()));
                    return categories.find(tx, accountId, id).orElseThrow();
                }));
    }

    void delete(CurrentUser user, long id) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            var current = categories.find(tx, user.accountId(), id).orElseThrow(CategoriesService::notFound);
            categories.delete(tx, user.accountId(), id);
            audit.record(tx, user, "ai_category.deleted", "ai_category", id, Map.of("name", current.name()));
        });
    }

    private void checkTeam(org.jooq.DSLContext tx, long accountId, Long teamId) {
        new FieldErrors()
                .check(teamId == null || finder.teamExists(tx, accountId, teamId), "teamId", "no such team")
                .throwIfAny();
    }

    private static Changes validate(Changes input, boolean creating) {
        var name = input.name() == null ? null : input.name().trim().toLowerCase(Locale.ROOT);
        var description =
                input.description() == null ? null : input.description().strip();
        var examples = input.examples() == null
                ? null
                : input.examples().stream()
                        .map(e -> e == null ? "" : e.strip())
                        .distinct()
                        .toList();
        var errors = new FieldErrors();
        if (creating || name != null) {
            errors.required(name, "name");
        }
        errors.check(
                        name == null || name.isEmpty() || NAME.matcher(name).matches(),
                        "name",
                        "must be lowercase letters, digits, '-' or '_', starting with a letter or digit")
                .maxLength(name, MAX_NAME, "name")
                .maxLength(description, MAX_DESCRIPTION, "description")
                .check(
                        examples == null || examples.size() <= MAX_EXAMPLES,
                        "examples",
                        "at most " + MAX_EXAMPLES + " examples")
                .check(
                        examples == null || examples.stream().allMatch(e -> !e.isEmpty() && e.length() <= MAX_EXAMPLE),
                        "examples",
                        "each example is 1 to " + MAX_EXAMPLE + " characters")
                .throwIfAny();
        return new Changes(name, description, input.teamGiven(), input.teamId(), examples);
    }

    private static <T> T uniqueName(String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Conflict("category_name_taken", "A category named '" + name + "' already exists.");
            }
            throw e;
        }
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such category.");
    }
}
