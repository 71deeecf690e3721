package com.hummdesk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which changes a request really makes, and how the timeline words them (no database needed). */
class UpdatePlanTest {
    private static final ConversationRepository.Current OPEN =
            new ConversationRepository.Current(1, 2, 3, "open", null, "normal", null, 7L);
    private static final UpdatePlan.Names NAMES = new UpdatePlan.Names(
            5, "Aino", Map.of(5L, "Aino", 7L, "Ben"), Map.of(), Map.of("vip", 11L), Map.of("vip", 11L, "bug", 12L));

    private static ConversationChanges changes(Status status, Priority priority, List<String> labels) {
        return new ConversationChanges(status, null, priority, false, null, false, null, labels);
    }

    @Test
    void the_current_values_are_no_change() {
        var plan = UpdatePlan.of(OPEN, changes(Status.OPEN, Priority.NORMAL, List.of("vip")), NAMES);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.activities()).isEmpty();
        assertThat(plan.labelIds()).isNull();
    }

    @Test
    void each_change_has_its_sentence_and_its_event_change() {
        var plan = UpdatePlan.of(OPEN, changes(Status.PENDING, Priority.URGENT, List.of("vip", "bug")), NAMES);
        assertThat(plan.activities())
                .containsExactly(
                        "Aino marked the conversation as pending",
                        "Aino changed the priority from normal to urgent",
                        "Aino added the label bug");
        assertThat(plan.changes())
                .containsExactly(
                        new ConversationUpdated.Change("status", "open", "pending"),
                        new ConversationUpdated.Change("priority", "normal", "urgent"),
                        new ConversationUpdated.Change("labels", "vip", "bug,vip"));
        assertThat(plan.labelIds()).containsExactly(12L, 11L);
    }

    @Test
    void a_new_snooze_time_is_a_change_even_when_already_snoozed() {
        var until = OffsetDateTime.parse("2030-01-02T03:04:05Z");
        var snoozed = new ConversationRepository.Current(1, 2, 3, "snoozed", until, "normal", null, null);
        var later = until.plusDays(1);
        var plan = UpdatePlan.of(
                snoozed, new ConversationChanges(Status.SNOOZED, later, null, false, null, false, null, null), NAMES);
        assertThat(plan.changes())
                .containsExactly(
                        new ConversationUpdated.Change("snoozedUntil", "2030-01-02T03:04:05Z", "2030-01-03T03:04:05Z"));
        assertThat(plan.activities()).containsExactly("Aino snoozed the conversation until 2030-01-03T03:04:05Z");
    }

    @Test
    void unassigning_names_who_had_it() {
        var plan = UpdatePlan.of(OPEN, new ConversationChanges(null, null, null, false, null, true, null, null), NAMES);
        assertThat(plan.activities()).containsExactly("Aino unassigned Ben");
        assertThat(plan.assigneeChanged()).isTrue();
        assertThat(plan.assigneeId()).isNull();
    }

    @Test
    void a_category_change_is_planned_and_worded() {
        var categorised = new ConversationRepository.Current(1, 2, 3, "open", null, "normal", null, null, "billing");
        var same = UpdatePlan.of(
                categorised,
                new ConversationChanges(null, null, null, false, null, false, null, null, "billing"),
                NAMES);
        assertThat(same.isEmpty()).isTrue();

        var plan = UpdatePlan.of(
                categorised,
                new ConversationChanges(null, null, null, false, null, false, null, null, "technical"),
                NAMES);
        assertThat(plan.category()).isEqualTo("technical");
        assertThat(plan.changes()).containsExactly(new ConversationUpdated.Change("category", "billing", "technical"));
        assertThat(plan.activities()).containsExactly("Aino changed the category from billing to technical");
    }
}
