package com.hummdesk.agents;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Constraints;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.Forbidden;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.Unprocessable;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.CurrentUser;
import com.hummdesk.platform.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/** The account's members: everyone reads the directory; admins and owners invite, change and remove (AgentPolicy). */
final class AgentsService {
    private final Database db;
    private final EventBus events;
    private final UnaryOperator<String> passwordHasher;
    private final AgentsRepository members = new AgentsRepository();
    private final AgentsFinder finder = new AgentsFinder();
    private final AuditRepository audit = new AuditRepository();

    AgentsService(Database db, EventBus events, UnaryOperator<String> passwordHasher) {
        this.db = db;
        this.events = events;
        this.passwordHasher = passwordHasher;
    }

    AgentPage list(CurrentUser user, int page, int pageSize) {
        return db.inAccount(
                user.accountId(),
                tx -> AgentPage.of(
                        finder.page(tx, user.accountId(), (page - 1) * pageSize, pageSize),
                        page,
                        pageSize,
                        finder.count(tx, user.accountId())));
    }

    Agent get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> load(tx, user.accountId(), id));
    }

    Agent invite(CurrentUser user, NewAgent input) {
        // Cheap first check on the token, so an agent cannot make the server hash passwords for nothing.
        AgentPolicy.requireManager(user.role());
        var agent = input.validate();
        var hash = input.password() == null ? null : passwordHasher.apply(input.password());
        try {
            return db.inAccount(user.accountId(), tx -> {
                var actor = actorRole(tx, user);
                AgentPolicy.requireManager(actor);
                AgentPolicy.checkGrant(actor, agent.role());
                var existing = members.userIdByEmail(tx, agent.email());
                long userId = existing.orElseGet(() -> newUser(tx, agent, hash));
                if (!members.insertMember(tx, user.accountId(), userId, agent.profile())) {
                    throw new Conflict("already_member", agent.email() + " is already a member of this account.");
                }
                var details = new LinkedHashMap<String, Object>();
                details.put("email", agent.email());
                details.put("role", agent.role().name().toLowerCase(java.util.Locale.ROOT));
                details.put("newUser", existing.isEmpty());
                audit.record(tx, user, "agent.added", "agent", userId, details);
                return load(tx, user.accountId(), userId);
            });
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Conflict("email_taken", "A user with email " + agent.email() + " was just created; retry.");
            }
            throw e;
        }
    }

    Agent update(CurrentUser user, long id, AgentChanges input) {
        var changes = input.validate();
        var agent = db.inAccount(user.accountId(), tx -> {
            var actor = actorRole(tx, user);
            if (input.touchesManagedFields() || user.userId() != id) {
                AgentPolicy.requireManager(actor);
            }
            var target = members.member(tx, user.accountId(), id).orElseThrow(AgentsService::notFound);
            var newRole = changes.membership().role();
            if (newRole != null && newRole != target.role()) {
                AgentPolicy.checkRoleChange(actor, target.role(), newRole);
                if (target.role() == Role.OWNER) {
                    AgentPolicy.checkNotLastOwner(members.lockOwners(tx, user.accountId()));
                }
            }
            members.update(tx, user.accountId(), id, changes.membership());
            if (changes.name() != null) {
                members.rename(tx, id, changes.name());
            }
            audit.record(tx, user, "agent.updated", "agent", id, changes.auditDetails());
            return load(tx, user.accountId(), id);
        });
        if (input.availability() != null) {
            events.publish(new AgentAvailabilityChanged(user.accountId(), id, input.availability()));
        }
        return agent;
    }

    Agent setOwnAvailability(CurrentUser user, Availability availability) {
        if (availability == null) {
            throw new Unprocessable(
                    "validation_failed",
                    "Some fields are invalid: availability",
                    Map.of("fields", Map.of("availability", "is required")));
        }
        var agent = db.inAccount(user.accountId(), tx -> {
            if (members.member(tx, user.accountId(), user.userId()).isEmpty()) {
                throw notFound();
            }
            members.update(
                    tx,
                    user.accountId(),
                    user.userId(),
                    new AgentsRepository.MembershipChanges(null, availability, null, null, null));
            audit.record(
                    tx,
                    user,
                    "agent.availability_changed",
                    "agent",
                    user.userId(),
                    Map.of("availability", availability.name().toLowerCase(java.util.Locale.ROOT)));
            return load(tx, user.accountId(), user.userId());
        });
        events.publish(new AgentAvailabilityChanged(user.accountId(), user.userId(), availability));
        return agent;
    }

    void remove(CurrentUser user, long id) {
        db.runInAccount(user.accountId(), tx -> {
            var actor = actorRole(tx, user);
            AgentPolicy.requireManager(actor);
            var target = members.member(tx, user.accountId(), id).orElseThrow(AgentsService::notFound);
            AgentPolicy.checkRemoval(actor, target.role());
            if (target.role() == Role.OWNER) {
                AgentPolicy.checkNotLastOwner(members.lockOwners(tx, user.accountId()));
            }
            members.delete(tx, user.accountId(), id);
            audit.record(
                    tx,
                    user,
                    "agent.removed",
                    "agent",
                    id,
                    Map.of("role", target.role().name().toLowerCase(java.util.Locale.ROOT)));
        });
        events.publish(new AgentRemoved(user.accountId(), id));
    }

    private long newUser(DSLContext tx, NewAgent.Validated agent, String passwordHash) {
        if (passwordHash == null || agent.name() == null) {
            var fields = new LinkedHashMap<String, String>();
            if (agent.name() == null) {
                fields.put("name", "is required for someone new to HummDesk");
            }
            if (passwordHash == null) {
                fields.put("password", "is required for someone new to HummDesk (at least 8 characters)");
            }
            throw new Unprocessable(
                    "validation_failed",
                    "Some fields are invalid: " + String.join(", ", fields.keySet()),
                    Map.of("fields", Map.copyOf(fields)));
        }
        return members.insertUser(tx, agent.email(), agent.name(), passwordHash);
    }

    /** The caller's role now, in the database: a token minted before a demotion or removal grants nothing more. */
    private Role actorRole(DSLContext tx, CurrentUser user) {
        return members.member(tx, user.accountId(), user.userId())
                .map(AgentsRepository.Member::role)
                .orElseThrow(() -> new Forbidden("not_a_member", "You are no longer a member of this account."));
    }

    private Agent load(DSLContext tx, long accountId, long userId) {
        return finder.find(tx, accountId, userId).orElseThrow(AgentsService::notFound);
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such agent.");
    }
}
