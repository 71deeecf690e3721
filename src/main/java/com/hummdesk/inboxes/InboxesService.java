package com.hummdesk.inboxes;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.CurrentUser;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Inboxes: every member lists them; admins and owners create, change and delete them. */
final class InboxesService {
    static final int MAX_NAME = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A create or a partial update: null leaves a field as it is; teamChanged with a null teamId clears the team. */
    record InboxChanges(String name, RoutingStrategy routingStrategy, boolean teamChanged, Long teamId) {}

    private final Database db;
    private final InboxesRepository inboxes = new InboxesRepository();
    private final AuditRepository audit = new AuditRepository();

    InboxesService(Database db) {
        this.db = db;
    }

    InboxPage list(CurrentUser user, int page, int pageSize) {
        return db.inAccount(
                user.accountId(),
                tx -> new InboxPage(
                        inboxes.page(tx, user.accountId(), (page - 1) * pageSize, pageSize),
                        new InboxPage.Pagination(inboxes.count(tx, user.accountId()), page, pageSize)));
    }

    Inbox get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> inboxes.find(tx, user.accountId(), id))
                .orElseThrow(InboxesService::notFound);
    }

    String identitySecret(CurrentUser user, long id) {
        user.requireManager();
        return db.inAccount(user.accountId(), tx -> inboxes.identitySecret(tx, user.accountId(), id))
                .orElseThrow(InboxesService::notFound);
    }

    Inbox create(CurrentUser user, InboxChanges input) {
        user.requireManager();
        var name = validName(input.name(), true);
        var strategy = input.routingStrategy() == null ? RoutingStrategy.LOAD_BALANCED : input.routingStrategy();
        return db.inAccount(user.accountId(), tx -> {
            requireTeam(tx, user.accountId(), input.teamId());
            long id = inboxes.insert(
                    tx,
                    user.accountId(),
                    new InboxesRepository.NewInbox(name, "api", newPublicId(), wire(strategy), input.teamId()));
            audit.record(tx, user, "inbox.created", "inbox", id, Map.of("name", name));
            return inboxes.find(tx, user.accountId(), id).orElseThrow();
        });
    }

    Inbox update(CurrentUser user, long id, InboxChanges input) {
        user.requireManager();
        var name = validName(input.name(), false);
        return db.inAccount(user.accountId(), tx -> {
            var current = inboxes.find(tx, user.accountId(), id).orElseThrow(InboxesService::notFound);
            if (input.teamChanged()) {
                requireTeam(tx, user.accountId(), input.teamId());
            }
            inboxes.update(
                    tx,
                    user.accountId(),
                    id,
                    name == null ? current.name() : name,
                    input.routingStrategy() == null ? current.routingStrategy() : wire(input.routingStrategy()),
                    input.teamChanged() ? input.teamId() : current.teamId());
            var details = new LinkedHashMap<String, Object>();
            if (name != null) details.put("name", name);
            if (input.routingStrategy() != null) details.put("routingStrategy", wire(input.routingStrategy()));
            if (input.teamChanged()) details.put("teamId", String.valueOf(input.teamId()));
            audit.record(tx, user, "inbox.updated", "inbox", id, details);
            return inboxes.find(tx, user.accountId(), id).orElseThrow();
        });
    }

    /** Conversations keep their inbox forever (history, the public API's sessions), so a used inbox stays. */
    void delete(CurrentUser user, long id) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            var inbox = inboxes.find(tx, user.accountId(), id).orElseThrow(InboxesService::notFound);
            long used = inboxes.conversationCount(tx, user.accountId(), id);
            if (used > 0) {
                throw new Conflict(
                        "inbox_in_use",
                        "This inbox has " + used + " conversation" + (used == 1 ? "" : "s")
                                + " and cannot be deleted.");
            }
            inboxes.delete(tx, user.accountId(), id);
            audit.record(tx, user, "inbox.deleted", "inbox", id, Map.of("name", inbox.name()));
        });
    }

    private void requireTeam(org.jooq.DSLContext tx, long accountId, Long teamId) {
        if (teamId != null && !inboxes.teamExists(tx, accountId, teamId)) {
            new FieldErrors()
                    .check(false, "teamId", "is not a team of this account")
                    .throwIfAny();
        }
    }

    private static String validName(String raw, boolean creating) {
        var name = raw == null ? null : raw.trim();
        var errors = new FieldErrors();
        if (creating || name != null) {
            errors.required(name, "name");
        }
        errors.maxLength(name, MAX_NAME, "name").throwIfAny();
        return name;
    }

    /** Unguessable and URL-safe: it goes into customers' pages and scripts. */
    static String newPublicId() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "inb_" + HexFormat.of().formatHex(bytes);
    }

    private static String wire(RoutingStrategy strategy) {
        return com.hummdesk.platform.errors.Enums.wire(strategy);
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such inbox.");
    }
}
