package com.hummdesk.teams;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Constraints;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/** Teams and their members: every member reads them; admins and owners create, change and staff them. */
final class TeamsService {
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_MEMBERS_PER_REQUEST = 100;

    /** A create or a partial update: null leaves a field as it is. */
    record Changes(String name, String description) {}

    private final Database db;
    private final TeamsRepository teams = new TeamsRepository();
    private final TeamsFinder finder = new TeamsFinder();
    private final AuditRepository audit = new AuditRepository();

    TeamsService(Database db) {
        this.db = db;
    }

    TeamPage list(CurrentUser user, int page, int pageSize) {
        return db.inAccount(
                user.accountId(),
                tx -> TeamPage.of(
                        teams.page(tx, user.accountId(), (page - 1) * pageSize, pageSize),
                        page,
                        pageSize,
                        teams.count(tx, user.accountId())));
    }

    Team get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> load(tx, user.accountId(), id));
    }

    Team create(CurrentUser user, Changes input) {
        user.requireManager();
        var changes = validate(input, true);
        return uniqueName(
                changes.name(),
                () -> db.inAccount(user.accountId(), tx -> {
                    long id = teams.insert(
                            tx,
                            user.accountId(),
                            changes.name(),
                            Objects.requireNonNullElse(changes.description(), ""));
                    audit.record(tx, user, "team.created", "team", id, Map.of("name", changes.name()));
                    return load(tx, user.accountId(), id);
                }));
    }

    Team update(CurrentUser user, long id, Changes input) {
        user.requireManager();
        var changes = validate(input, false);
        return uniqueName(
                changes.name(),
                () -> db.inAccount(user.accountId(), tx -> {
                    var current = teams.find(tx, user.accountId(), id).orElseThrow(TeamsService::notFound);
                    teams.update(
                            tx,
                            user.accountId(),
                            id,
                            Objects.requireNonNullElse(changes.name(), current.name()),
                            Objects.requireNonNullElse(changes.description(), current.description()));
                    var details = new LinkedHashMap<String, Object>();
                    if (changes.name() != null) {
                        details.put("name", changes.name());
                    }
                    if (changes.description() != null) {
                        details.put("description", changes.description());
                    }
                    audit.record(tx, user, "team.updated", "team", id, details);
                    return load(tx, user.accountId(), id);
                }));
    }

    void delete(CurrentUser user, long id) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            var team = teams.find(tx, user.accountId(), id).orElseThrow(TeamsService::notFound);
            teams.delete(tx, user.accountId(), id);
            audit.record(tx, user, "team.deleted", "team", id, Map.of("name", team.name()));
        });
    }

    Team addMembers(CurrentUser user, long teamId, List<Long> userIds) {
        user.requireManager();
        new FieldErrors()
                .check(userIds != null && !userIds.isEmpty(), "userIds", "must list at least one user id")
                .check(
                        userIds == null || userIds.size() <= MAX_MEMBERS_PER_REQUEST,
                        "userIds",
                        "may list at most " + MAX_MEMBERS_PER_REQUEST + " user ids")
                .check(userIds == null || !userIds.contains(null), "userIds", "must not contain null")
                .throwIfAny();
        var wanted = new LinkedHashSet<>(userIds);
        return db.inAccount(user.accountId(), tx -> {
            if (!teams.lock(tx, user.accountId(), teamId)) {
                throw notFound();
            }
            var known = finder.accountMembers(tx, user.accountId(), wanted);
            var unknown = new ArrayList<Long>();
            wanted.stream().filter(id -> !known.contains(id)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                // The same answer whether an id is free, someone else's or another account's member.
                throw new NotFound(
                        "agent_not_found",
                        "No such agent in this account: " + unknown + ".",
                        Map.of("userIds", unknown));
            }
            int added = teams.addMembers(tx, user.accountId(), teamId, wanted);
            audit.record(
                    tx,
                    user,
                    "team.members_added",
                    "team",
                    teamId,
                    Map.of("userIds", List.copyOf(wanted), "added", added));
            return load(tx, user.accountId(), teamId);
        });
    }

    void removeMember(CurrentUser user, long teamId, long userId) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            if (!teams.lock(tx, user.accountId(), teamId)) {
                throw notFound();
            }
            if (!teams.removeMember(tx, user.accountId(), teamId, userId)) {
                throw new NotFound("not_found", "That agent is not a member of this team.");
            }
            audit.record(tx, user, "team.member_removed", "team", teamId, Map.of("userId", userId));
        });
    }

    private Team load(DSLContext tx, long accountId, long id) {
        var summary = teams.find(tx, accountId, id).orElseThrow(TeamsService::notFound);
        return Team.of(summary, finder.members(tx, accountId, id));
    }

    private static Changes validate(Changes input, boolean creating) {
        var name = input.name() == null ? null : input.name().trim();
        var description =
                input.description() == null ? null : input.description().trim();
        var errors = new FieldErrors();
        if (creating || name != null) {
            errors.required(name, "name");
        }
        errors.maxLength(name, MAX_NAME, "name")
                .maxLength(description, MAX_DESCRIPTION, "description")
                .throwIfAny();
        return new Changes(name, description);
    }

    private static <T> T uniqueName(String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Conflict("team_name_taken", "A team named '" + name + "' already exists.");
            }
            throw e;
        }
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such team.");
    }
}
