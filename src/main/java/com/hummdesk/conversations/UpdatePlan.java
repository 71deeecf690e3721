package com.hummdesk.conversations;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The effective changes of an agent's request against the conversation as it is (asking for what already is
 * changes nothing), each with the sentence the timeline shows for it. Fields left null / unchanged are not
 * written.
 */
final class UpdatePlan {
    /** Names of everything the request and the current state refer to, already checked to be in the account. */
    record Names(
            long actorId,
            String actor,
            Map<Long, String> members,
            Map<Long, String> teams,
            Map<String, Long> currentLabels,
            Map<String, Long> requestedLabels) {}

    private Status status;
    private OffsetDateTime snoozedUntil;
    private Priority priority;
    private boolean teamChanged;
    private Long teamId;
    private boolean assigneeChanged;
    private Long assigneeId;
    private List<Long> labelIds;
    private String category;
    private final List<ConversationUpdated.Change> changes = new ArrayList<>();
    private final List<String> activities = new ArrayList<>();

    private UpdatePlan() {}

    static UpdatePlan of(ConversationRepository.Current current, ConversationChanges request, Names names) {
        var plan = new UpdatePlan();
        plan.planStatus(current, request, names.actor());
        plan.planPriority(current, request, names.actor());
        plan.planTeam(current, request, names);
        plan.planAssignee(current, request, names);
        plan.planLabels(request, names);
        plan.planCategory(current, request, names.actor());
        return plan;
    }

    private void planStatus(ConversationRepository.Current current, ConversationChanges request, String actor) {
        var to = request.status();
        if (to == null) {
            return;
        }
        var from = current.status();
        var until = to == Status.SNOOZED ? request.snoozedUntil() : null;
        if (to.wire().equals(from) && Objects.equals(until, current.snoozedUntil())) {
            return;
        }
        status = to;
        snoozedUntil = until;
        if (!to.wire().equals(from)) {
            changes.add(new ConversationUpdated.Change("status", from, to.wire()));
        }
        if (!Objects.equals(until, current.snoozedUntil())) {
            changes.add(new ConversationUpdated.Change("snoozedUntil", text(current.snoozedUntil()), text(until)));
        }
        activities.add(
                switch (to) {
                    case RESOLVED -> actor + " resolved the conversation";
                    case OPEN ->
                        Status.RESOLVED.wire().equals(from)
                                ? actor + " reopened the conversation"
                                : actor + " marked the conversation as open";
                    case PENDING -> actor + " marked the conversation as pending";
                    case SNOOZED -> actor + " snoozed the conversation until " + text(until);
                });
    }

    private void planPriority(ConversationRepository.Current current, ConversationChanges request, String actor) {
        var to = request.priority();
        if (to == null || to.wire().equals(current.priority())) {
            return;
        }
        priority = to;
        changes.add(new ConversationUpdated.Change("priority", current.priority(), to.wire()));
        activities.add(actor + " changed the priority from " + current.priority() + " to " + to.wire());
    }

    private void planTeam(ConversationRepository.Current current, ConversationChanges request, Names names) {
        if (!request.teamGiven() || Objects.equals(request.teamId(), current.teamId())) {
            return;
        }
        teamChanged = true;
        teamId = request.teamId();
        changes.add(new ConversationUpdated.Change("teamId", text(current.teamId()), text(teamId)));
        activities.add(
                teamId == null
                        ? names.actor() + " removed the conversation from team "
                                + names.teams().get(current.teamId())
                        : names.actor() + " assigned the conversation to team "
                                + names.teams().get(teamId));
    }

    private void planAssignee(ConversationRepository.Current current, ConversationChanges request, Names names) {
        if (!request.assigneeGiven() || Objects.equals(request.assigneeId(), current.assigneeId())) {
            return;
        }
        assigneeChanged = true;
        assigneeId = request.assigneeId();
        changes.add(new ConversationUpdated.Change("assigneeId", text(current.assigneeId()), text(assigneeId)));
        var actor = names.actor();
        if (assigneeId == null) {
            activities.add(
                    current.assigneeId() == names.actorId()
                            ? actor + " unassigned themselves"
                            : actor + " unassigned " + names.members().get(current.assigneeId()));
        } else if (assigneeId == names.actorId()) {
            activities.add(actor + " self-assigned the conversation");
        } else {
            activities.add(
                    actor + " assigned the conversation to " + names.members().get(assigneeId));
        }
    }

    private void planLabels(ConversationChanges request, Names names) {
        if (request.labels() == null) {
            return;
        }
        var before = new TreeSet<>(names.currentLabels().keySet());
        var after = new TreeSet<>(request.labels());
        if (before.equals(after)) {
            return;
        }
        labelIds = after.stream().map(names.requestedLabels()::get).toList();
        changes.add(new ConversationUpdated.Change("labels", String.join(",", before), String.join(",", after)));
        var added = new TreeSet<>(after);
        added.removeAll(before);
        var removed = new TreeSet<>(before);
        removed.removeAll(after);
        if (!added.isEmpty()) {
            activities.add(names.actor() + " added " + labelWord(added) + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            activities.add(names.actor() + " removed " + labelWord(removed) + String.join(", ", removed));
        }
    }

    private void planCategory(ConversationRepository.Current current, ConversationChanges request, String actor) {
        var to = request.category();
        if (to == null || to.equals(current.aiCategory())) {
            return;
        }
        category = to;
        changes.add(new ConversationUpdated.Change("category", current.aiCategory(), to));
        activities.add(
                current.aiCategory() == null
                        ? actor + " set the category to " + to
                        : actor + " changed the category from " + current.aiCategory() + " to " + to);
    }

    private static String labelWord(java.util.Set<String> labels) {
        return labels.size() == 1 ? "the label " : "the labels ";
    }

    private static String text(Object value) {
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return value == null ? null : value.toString();
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    Status status() {
        return status;
    }

    OffsetDateTime snoozedUntil() {
        return snoozedUntil;
    }

    Priority priority() {
        return priority;
    }

    boolean teamChanged() {
        return teamChanged;
    }

    Long teamId() {
        return teamId;
    }

    boolean assigneeChanged() {
        return assigneeChanged;
    }

    Long assigneeId() {
        return assigneeId;
    }

    /** The new label set, or null when the labels stay as they are. */
    List<Long> labelIds() {
        return labelIds;
    }

    /** The new category, or null when it stays as it is. */
    String category() {
        return category;
    }

    List<ConversationUpdated.Change> changes() {
        return List.copyOf(changes);
    }

    List<String> activities() {
        return List.copyOf(activities);
    }
}
