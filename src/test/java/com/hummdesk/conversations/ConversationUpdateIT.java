package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.patch;
import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One conversation's detail, and changing it: each change shows in the timeline and the audit log. */
class ConversationUpdateIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant tenant;
    private static ConversationFixtures.Agent aino;
    private static ConversationFixtures.Agent ben;
    private static ConversationFixtures.Inbox inbox;
    private static long billing;
    private static EventRecorder<ConversationUpdated> updated;
    private static EventRecorder<ConversationAssigned> assigned;

    @BeforeAll
    static void account() {
        tenant = Fixtures.tenant(app, "Editco");
        aino = ConversationFixtures.agent(app, tenant.accountId(), "Aino Virtanen");
        ben = ConversationFixtures.agent(app, tenant.accountId(), "Ben Carter");
        inbox = ConversationFixtures.inbox(app, tenant.accountId());
        billing = ConversationFixtures.team(app, tenant.accountId(), "Billing");
        for (var label : List.of("vip", "refund", "bug")) {
            ConversationFixtures.label(app, tenant.accountId(), label);
        }
        updated = new EventRecorder<>(app.app().events(), ConversationUpdated.class, e -> true);
        assigned = new EventRecorder<>(app.app().events(), ConversationAssigned.class, e -> true);
    }

    private static long newConversation(String name) {
        var customer = ConversationFixtures.customer(
                app, inbox, name, name.toLowerCase(java.util.Locale.ROOT) + "@example.com");
        return ConversationFixtures.conversation(app, customer, "Hello from " + name);
    }

    private static List<String> activity(long conversation) {
        var page = app.get("/api/conversations/" + conversation + "/messages", tenant.token())
                .json();
        var texts = new ArrayList<String>();
        page.get("messages").forEach(m -> {
            if (m.get("messageType").asText().equals("activity")) {
                texts.add(m.get("content").asText());
            }
        });
        return texts;
    }

    private static JsonNode ok(TestApp.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_detail_has_contact_assignee_team_labels_and_ai_fields() {
        long conversation = newConversation("Emma");
        ConversationFixtures.classify(app, tenant.accountId(), conversation, "billing", "frustrated", "en");
        sql(
                app,
                tenant.accountId(),
                "update conversations set ai_confidence = 0.75, ai_reasoning = 'double charge', ai_provider = 'local'"
                        + " where account_id = ? and id = ? returning id",
                tenant.accountId(),
                conversation);
        ok(patch(
                app,
                conversation,
                Map.of("assigneeId", ben.userId(), "teamId", billing, "labels", List.of("vip", "bug")),
                aino.token()));

        var detail = ok(app.get("/api/conversations/" + conversation, ben.token()));
        assertThat(detail.get("id").asLong()).isEqualTo(conversation);
        assertThat(detail.get("status").asText()).isEqualTo("open");
        assertThat(detail.get("priority").asText()).isEqualTo("normal");
        assertThat(detail.get("contact").get("name").asText()).isEqualTo("Emma");
        assertThat(detail.get("contact").get("email").asText()).isEqualTo("emma@example.com");
        assertThat(detail.get("inbox").get("name").asText()).isEqualTo("Support");
        assertThat(detail.get("assignedAgent").toString())
                .isEqualTo("{\"id\":" + ben.userId() + ",\"name\":\"Ben Carter\"}");
        assertThat(detail.get("team").toString()).isEqualTo("{\"id\":" + billing + ",\"name\":\"Billing\"}");
        assertThat(detail.get("labels").toString()).isEqualTo("[\"bug\",\"vip\"]");
        assertThat(detail.get("aiCategory").asText()).isEqualTo("billing");
        assertThat(detail.get("sentiment").asText()).isEqualTo("frustrated");
        assertThat(detail.get("language").asText()).isEqualTo("en");
        assertThat(detail.get("aiConfidence").asDouble()).isEqualTo(0.75);
        assertThat(detail.get("aiReasoning").asText()).isEqualTo("double charge");
        assertThat(detail.get("aiProvider").asText()).isEqualTo("local");
        assertThat(detail.get("snoozedUntil").isNull()).isTrue();
        assertThat(detail.get("waitingSince").isNull()).isFalse();
        assertThat(detail.has("createdAt") && detail.has("updatedAt") && detail.has("resolvedAt"))
                .isTrue();
    }

    @Test
    void resolving_writes_an_activity_entry_an_audit_row_and_the_resolution_time() {
        long conversation = newConversation("Liam");

        var detail = ok(patch(app, conversation, Map.of("status", "resolved"), aino.token()));

        assertThat(detail.get("status").asText()).isEqualTo("resolved");
        assertThat(detail.get("resolvedAt").isNull()).isFalse();
        assertThat(activity(conversation)).containsExactly("Aino Virtanen resolved the conversation");
        var audit = ConversationFixtures.text(
                app,
                tenant.accountId(),
                "select action || ' ' || actor_user_id || ' ' || (details -> 'status' ->> 'from') || '>'"
                        + " || (details -> 'status' ->> 'to') from audit_log"
                        + " where account_id = ? and target_type = 'conversation' and target_id = ?",
                tenant.accountId(),
                conversation);
        assertThat(audit).isEqualTo("conversation.updated " + aino.userId() + " open>resolved");
        var activityRow = ConversationFixtures.text(
                app,
                tenant.accountId(),
                "select sender_type || ' ' || sender_id from messages"
                        + " where account_id = ? and conversation_id = ? and message_type = 'activity'",
                tenant.accountId(),
                conversation);
        assertThat(activityRow).isEqualTo("user " + aino.userId());
        assertThat(updated.forConversation(conversation))
                .containsExactly(new ConversationUpdated(
                        tenant.accountId(),
                        conversation,
                        aino.userId(),
                        List.of(new ConversationUpdated.Change("status", "open", "resolved"))));

        var reopened = ok(patch(app, conversation, Map.of("status", "open"), aino.token()));
        assertThat(reopened.get("resolvedAt").isNull()).isTrue();
        assertThat(activity(conversation)).endsWith("Aino Virtanen reopened the conversation");
    }

    @Test
    void assigning_and_unassigning_are_told_in_the_timeline_and_published() {
        long conversation = newConversation("Noah");

        ok(patch(app, conversation, Map.of("assigneeId", ben.userId()), aino.token()));
        ok(patch(app, conversation, Map.of("assigneeId", aino.userId()), aino.token()));
        var body = new HashMap<String, Object>();
        body.put("assigneeId", null);
        var unassigned = ok(patch(app, conversation, body, aino.token()));

        assertThat(unassigned.get("assignedAgent").isNull()).isTrue();
        assertThat(activity(conversation))
                .containsExactly(
                        "Aino Virtanen assigned the conversation to Ben Carter",
                        "Aino Virtanen self-assigned the conversation",
                        "Aino Virtanen unassigned themselves");
        assertThat(assigned.forConversation(conversation))
                .containsExactly(
                        new ConversationAssigned(tenant.accountId(), conversation, ben.userId(), null, aino.userId()),
                        new ConversationAssigned(
                                tenant.accountId(), conversation, aino.userId(), ben.userId(), aino.userId()),
                        new ConversationAssigned(tenant.accountId(), conversation, null, aino.userId(), aino.userId()));
    }

    @Test
    void priority_team_and_labels_changes_each_leave_an_entry() {
        long conversation = newConversation("Sofia");

        ok(patch(
                app,
                conversation,
                Map.of("priority", "high", "teamId", billing, "labels", List.of("vip", "refund")),
                ben.token()));
        var body = new HashMap<String, Object>();
        body.put("teamId", null);
        body.put("labels", List.of("refund", "bug"));
        var detail = ok(patch(app, conversation, body, ben.token()));

        assertThat(detail.get("team").isNull()).isTrue();
        assertThat(detail.get("labels").toString()).isEqualTo("[\"bug\",\"refund\"]");
        assertThat(activity(conversation))
                .containsExactly(
                        "Ben Carter changed the priority from normal to high",
                        "Ben Carter assigned the conversation to team Billing",
                        "Ben Carter added the labels refund, vip",
                        "Ben Carter removed the conversation from team Billing",
                        "Ben Carter added the label bug",
                        "Ben Carter removed the label vip");
    }

    @Test
    void asking_for_what_already_is_changes_nothing() {
        long conversation = newConversation("Mia");

        var detail = ok(patch(app, conversation, Map.of("status", "open", "priority", "normal"), aino.token()));

        assertThat(detail.get("status").asText()).isEqualTo("open");
        assertThat(activity(conversation)).isEmpty();
        assertThat(updated.forConversation(conversation)).isEmpty();
        assertThat(ok(patch(app, conversation, Map.of(), aino.token()))
                        .get("id")
                        .asLong())
                .isEqualTo(conversation);
    }

    @Test
    void snoozing_needs_a_time_in_the_future() {
        long conversation = newConversation("Leo");
        var until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);

        var missing = patch(app, conversation, Map.of("status", "snoozed"), aino.token());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("error").get("details").get("fields").has("snoozedUntil"))
                .isTrue();
        var past = patch(
                app,
                conversation,
                Map.of("status", "snoozed", "snoozedUntil", until.minusDays(2).toString()),
                aino.token());
        assertThat(past.status()).isEqualTo(422);
        var withoutSnooze = patch(app, conversation, Map.of("snoozedUntil", until.toString()), aino.token());
        assertThat(withoutSnooze.status()).isEqualTo(422);
        assertThat(patch(app, conversation, Map.of("status", "snoozed", "snoozedUntil", "tomorrow"), aino.token())
                        .status())
                .isEqualTo(400);

        var snoozed = ok(
                patch(app, conversation, Map.of("status", "snoozed", "snoozedUntil", until.toString()), aino.token()));
        assertThat(OffsetDateTime.parse(snoozed.get("snoozedUntil").asText())).isEqualTo(until);
        assertThat(activity(conversation))
                .containsExactly("Aino Virtanen snoozed the conversation until "
                        + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(until));
        var pending = ok(patch(app, conversation, Map.of("status", "pending"), aino.token()));
        assertThat(pending.get("snoozedUntil").isNull()).isTrue();
    }

    @Test
    void unknown_labels_teams_and_non_members_are_422() {
        long conversation = newConversation("Ella");
        var stranger = Fixtures.tenant(app, "Strangers");

        var labels = patch(app, conversation, Map.of("labels", List.of("vip", "nope", "nada")), aino.token());
        assertThat(labels.status()).isEqualTo(422);
        assertThat(labels.json()
                        .get("error")
                        .get("details")
                        .get("fields")
                        .get("labels")
                        .asText())
                .isEqualTo("unknown labels: nada, nope");
        var member = patch(app, conversation, Map.of("assigneeId", stranger.ownerId()), aino.token());
        assertThat(member.status()).isEqualTo(422);
        assertThat(member.json().get("error").get("details").get("fields").has("assigneeId"))
                .isTrue();
        assertThat(patch(app, conversation, Map.of("teamId", 999999), aino.token())
                        .status())
                .isEqualTo(422);
        assertThat(activity(conversation)).isEmpty();
        assertThat(ok(app.get("/api/conversations/" + conversation, aino.token()))
                        .get("labels")
                        .size())
                .isZero();
    }

    @Test
    void invalid_status_and_priority_are_400_listing_allowed_values() {
        long conversation = newConversation("Paul");

        var status = patch(app, conversation, Map.of("status", "closed"), aino.token());
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("error").get("details").get("allowed").toString())
                .isEqualTo("[\"open\",\"pending\",\"snoozed\",\"resolved\"]");
        var priority = patch(app, conversation, Map.of("priority", "asap"), aino.token());
        assertThat(priority.status()).isEqualTo(400);
        assertThat(priority.json().get("error").get("details").get("allowed").toString())
                .isEqualTo("[\"low\",\"normal\",\"high\",\"urgent\"]");
        assertThat(patch(app, conversation, Map.of("assigneeId", "ben"), aino.token())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void activity_entries_are_not_found_by_search() {
        long conversation = newConversation("Jonas");
        ok(patch(app, conversation, Map.of("status", "resolved"), aino.token()));

        var found = app.get("/api/conversations?q=resolved", tenant.token()).json();
        assertThat(found.get("pagination").get("total").asLong()).isZero();
    }

    @Test
    void unknown_conversations_are_404() {
        assertThat(app.get("/api/conversations/999999", tenant.token()).status())
                .isEqualTo(404);
        assertThat(app.get("/api/conversations/abc", tenant.token()).status()).isEqualTo(404);
        assertThat(patch(app, 999999, Map.of("status", "open"), tenant.token()).status())
                .isEqualTo(404);
    }
}
