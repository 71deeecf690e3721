package com.hummdesk.conversations;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;

/** The agents' view of conversations: the filtered list, one conversation, and changing its attributes. */
final class ConversationService {
    private final Database db;
    private final EventBus events;
    private final ConversationHooks hooks;
    private final Clock clock;
    private final ConversationFinder finder = new ConversationFinder();
    private final ConversationDetailFinder details = new ConversationDetailFinder();
    private final ReferenceFinder references = new ReferenceFinder();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final AuditLogRepository audit = new AuditLogRepository();

    private record Updated(
            ConversationDetail detail,
            UpdatePlan plan,
            Long previousAssigneeId,
            List<MessageRepository.Stored> activities) {}

    ConversationService(Database db, EventBus events, ConversationHooks hooks, Clock clock) {
        this.db = db;
        this.events = events;
        this.hooks = hooks;
        this.clock = clock;
    }

    ConversationPage list(ConversationFilter filter) {
        return db.read(finder.scope(filter), tx -> finder.list(tx, filter));
    }

    ConversationDetail detail(CurrentUser agent, long conversationId) {
        return db.inAccount(agent.accountId(), tx -> details.find(tx, agent.accountId(), conversationId))
                .orElseThrow(MessageService::notFound);
    }

    /** Applies the changes that differ from the current state; each one leaves an activity entry and audit row. */
    ConversationDetail update(CurrentUser agent, long conversationId, ConversationChanges changes) {
        check(changes);
        long accountId = agent.accountId();
        var updated = db.inAccount(accountId, tx -> {
            var current = conversations.lock(tx, accountId, conversationId).orElseThrow(MessageService::notFound);
            var plan = UpdatePlan.of(current, changes, names(tx, agent, current, changes));
            var activities = List.<MessageRepository.Stored>of();
            if (!plan.isEmpty()) {
                if (plan.category() != null) {
                    // Before the write: the AI feature refuses unknown categories and learns from the correction.
                    hooks.categoryChanged(
                            tx, accountId, conversationId, agent.userId(), current.aiCategory(), plan.category());
                }
                conversations.apply(tx, accountId, conversationId, plan);
                if (plan.labelIds() != null) {
                    conversations.replaceLabels(tx, accountId, conversationId, plan.labelIds());
                }
                activities =
                        messages.insertActivities(tx, accountId, conversationId, agent.userId(), plan.activities());
                audit.conversationUpdated(tx, accountId, agent.userId(), conversationId, auditDetails(plan));
            }
            var detail = details.find(tx, accountId, conversationId).orElseThrow();
            return new Updated(detail, plan, current.assigneeId(), activities);
        });
        publish(agent, conversationId, updated);
        return updated.detail();
    }

    private void check(ConversationChanges changes) {
        var snoozing = changes.status() == Status.SNOOZED;
        new FieldErrors()
                .check(!snoozing || changes.snoozedUntil() != null, "snoozedUntil", "is required to snooze")
                .check(
                        !snoozing
                                || changes.snoozedUntil() == null
                                || changes.snoozedUntil().isAfter(OffsetDateTime.now(clock)),
                        "snoozedUntil",
                        "must be in the future")
                .check(snoozing || changes.snoozedUntil() == null, "snoozedUntil", "goes only with status snoozed")
                .check(
                        changes.labels() == null || changes.labels().stream().allMatch(l -> l != null && !l.isBlank()),
                        "labels",
                        "must be label names")
                .check(changes.category() == null || !changes.category().isBlank(), "category", "must not be blank")
                .throwIfAny();
    }

    /** Resolves every id and label name the change and the current state mention; unknown ones are a 422. */
    private UpdatePlan.Names names(
            DSLContext tx, CurrentUser agent, ConversationRepository.Current current, ConversationChanges changes) {
        long accountId = agent.accountId();
        var members = references.memberNames(
                tx, accountId, idList(agent.userId(), current.assigneeId(), changes.assigneeId()));
        var teams = changes.teamGiven()
                ? references.teamNames(tx, accountId, idList(current.teamId(), changes.teamId()))
                : Map.<Long, String>of();
        var currentLabels =
                changes.labels() == null ? Map.<String, Long>of() : references.labelsOf(tx, accountId, current.id());
        var requestedLabels = changes.labels() == null
                ? Map.<String, Long>of()
                : references.labelIds(tx, accountId, changes.labels());
        var unknownLabels = new TreeSet<String>(changes.labels() == null ? List.of() : changes.labels());
        unknownLabels.removeAll(requestedLabels.keySet());
        new FieldErrors()
                .check(
                        changes.assigneeId() == null || members.containsKey(changes.assigneeId()),
                        "assigneeId",
                        "is not a member of this account")
                .check(changes.teamId() == null || teams.containsKey(changes.teamId()), "teamId", "no such team")
                .check(unknownLabels.isEmpty(), "labels", "unknown labels: " + String.join(", ", unknownLabels))
                .throwIfAny();
        var actor = members.getOrDefault(agent.userId(), "An agent");
        return new UpdatePlan.Names(agent.userId(), actor, members, teams, currentLabels, requestedLabels);
    }

    private static List<Long> idList(Long... ids) {
        var list = new ArrayList<Long>();
        for (var id : ids) {
            if (id != null) {
                list.add(id);
            }
        }
        return list;
    }

    private static Map<String, Object> auditDetails(UpdatePlan plan) {
        var details = new LinkedHashMap<String, Object>();
        for (var change : plan.changes()) {
            var fromTo = new LinkedHashMap<String, String>();
            fromTo.put("from", change.from());
            fromTo.put("to", change.to());
            details.put(change.field(), fromTo);
        }
        return details;
    }

    private void publish(CurrentUser agent, long conversationId, Updated updated) {
        var plan = updated.plan();
        if (plan.isEmpty()) {
            return;
        }
        long accountId = agent.accountId();
        events.publish(new ConversationUpdated(accountId, conversationId, agent.userId(), plan.changes()));
        if (plan.assigneeChanged()) {
            events.publish(new ConversationAssigned(
                    accountId, conversationId, plan.assigneeId(), updated.previousAssigneeId(), agent.userId()));
        }
        var texts = plan.activities();
        for (int i = 0; i < updated.activities().size(); i++) {
            var stored = updated.activities().get(i);
            events.publish(new MessageCreated(
                    accountId,
                    conversationId,
                    stored.id(),
                    MessageType.ACTIVITY,
                    false,
                    SenderType.USER,
                    agent.userId(),
                    texts.get(i),
                    stored.createdAt()));
        }
    }
}
