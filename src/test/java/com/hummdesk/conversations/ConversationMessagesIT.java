package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.keys;
import static com.hummdesk.conversations.ConversationFixtures.reply;
import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agent's timeline of a conversation, replies and private notes. */
class ConversationMessagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant tenant;
    private static ConversationFixtures.Inbox inbox;
    private static EventRecorder<MessageCreated> created;

    @BeforeAll
    static void inbox() {
        tenant = Fixtures.tenant(app, "Replyco");
        inbox = ConversationFixtures.inbox(app, tenant.accountId());
        created = new EventRecorder<>(
                app.app().events(),
                MessageCreated.class,
                e -> sql(
                                app,
                                e.accountId(),
                                "select count(*) from messages where account_id = ? and id = ?",
                                e.accountId(),
                                e.messageId())
                        == 1);
    }

    private static long newConversation(String customerName, String content) {
        var customer = ConversationFixtures.customer(
                app, inbox, customerName, customerName.toLowerCase(java.util.Locale.ROOT) + "@example.com");
        return ConversationFixtures.conversation(app, customer, content);
    }

    private static JsonNode timeline(long conversation, String query) {
        var response = app.get("/api/conversations/" + conversation + "/messages" + query, tenant.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> contents(JsonNode page) {
        var contents = new ArrayList<String>();
        page.get("messages").forEach(m -> contents.add(m.get("content").asText()));
        return contents;
    }

    private static JsonNode detail(long conversation) {
        return app.get("/api/conversations/" + conversation, tenant.token()).json();
    }

    @Test
    void a_reply_is_an_outgoing_message_from_the_agent() {
        long conversation = newConversation("Emma", "Where is my parcel?");
        var response = reply(app, conversation, Map.of("content", "It ships today."), tenant.token());

        assertThat(response.status()).isEqualTo(201);
        var message = response.json();
        assertThat(keys(message))
                .containsExactly(
                        "id",
                        "conversationId",
                        "messageType",
                        "private",
                        "senderType",
                        "sender",
                        "content",
                        "createdAt");
        assertThat(message.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(message.get("messageType").asText()).isEqualTo("outgoing");
        assertThat(message.get("private").asBoolean()).isFalse();
        assertThat(message.get("senderType").asText()).isEqualTo("user");
        assertThat(message.get("sender").toString())
                .isEqualTo("{\"id\":" + tenant.ownerId() + ",\"name\":\"Replyco Owner\"}");
    }

    @Test
    void a_reply_sets_the_first_reply_time_once_and_stops_the_wait() {
        long conversation = newConversation("Liam", "Hello?");
        assertThat(detail(conversation).get("waitingSince").isNull()).isFalse();

        var first = reply(app, conversation, Map.of("content", "Hi Liam"), tenant.token())
                .json();
        var afterFirst = detail(conversation);
        assertThat(afterFirst.get("firstReplyAt").asText())
                .isEqualTo(first.get("createdAt").asText());
        assertThat(afterFirst.get("waitingSince").isNull()).isTrue();
        assertThat(afterFirst.get("lastMessageAt").asText())
                .isEqualTo(first.get("createdAt").asText());

        reply(app, conversation, Map.of("content", "Anything else?"), tenant.token());
        var afterSecond = detail(conversation);
        assertThat(afterSecond.get("firstReplyAt")).isEqualTo(afterFirst.get("firstReplyAt"));
        var listed = app.get("/api/conversations?q=liam", tenant.token()).json().get("conversations");
        assertThat(listed.get(0).get("lastMessage").get("content").asText()).isEqualTo("Anything else?");
    }

    @Test
    void a_private_note_leaves_the_customer_facing_state_alone() {
        long conversation = newConversation("Olivia", "My invoice is wrong");
        var before = detail(conversation);

        var note = reply(app, conversation, Map.of("content", "Check with finance", "private", true), tenant.token());

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("private").asBoolean()).isTrue();
        assertThat(note.json().get("messageType").asText()).isEqualTo("outgoing");
        var after = detail(conversation);
        assertThat(after.get("firstReplyAt").isNull()).isTrue();
        assertThat(after.get("waitingSince")).isEqualTo(before.get("waitingSince"));
        assertThat(after.get("lastMessageAt")).isEqualTo(before.get("lastMessageAt"));
        assertThat(contents(timeline(conversation, ""))).containsExactly("My invoice is wrong", "Check with finance");
    }

    @Test
    void message_created_is_published_after_commit_for_replies_and_notes() {
        long conversation = newConversation("Noah", "Hi");
        long replyId = reply(app, conversation, Map.of("content", "Hello Noah"), tenant.token())
                .json()
                .get("id")
                .asLong();
        long noteId = reply(app, conversation, Map.of("content", "note", "private", true), tenant.token())
                .json()
                .get("id")
                .asLong();

        var events = created.seen().stream()
                .filter(s -> s.event().conversationId() == conversation)
                .toList();
        assertThat(events).allSatisfy(s -> assertThat(s.committed()).isTrue());
        var byId = events.stream().map(EventRecorder.Seen::event).toList();
        assertThat(byId)
                .anySatisfy(e -> {
                    assertThat(e.messageId()).isEqualTo(replyId);
                    assertThat(e.accountId()).isEqualTo(tenant.accountId());
                    assertThat(e.messageType()).isEqualTo(MessageType.OUTGOING);
                    assertThat(e.privateNote()).isFalse();
                    assertThat(e.senderType()).isEqualTo(SenderType.USER);
                    assertThat(e.senderId()).isEqualTo(tenant.ownerId());
                    assertThat(e.content()).isEqualTo("Hello Noah");
                })
                .anySatisfy(e -> {
                    assertThat(e.messageId()).isEqualTo(noteId);
                    assertThat(e.privateNote()).isTrue();
                });
    }

    @Test
    void the_timeline_shows_messages_notes_and_activity_oldest_first() {
        long conversation = newConversation("Sofia", "Cannot log in");
        reply(app, conversation, Map.of("content", "Resetting your password", "private", true), tenant.token());
        ConversationFixtures.patch(app, conversation, Map.of("status", "resolved"), tenant.token());

        var page = timeline(conversation, "");
        assertThat(contents(page))
                .containsExactly("Cannot log in", "Resetting your password", "Replyco Owner resolved the conversation");
        var types = new ArrayList<String>();
        page.get("messages").forEach(m -> types.add(m.get("messageType").asText()));
        assertThat(types).containsExactly("incoming", "outgoing", "activity");
        assertThat(page.get("messages").get(0).get("sender").get("name").asText())
                .isEqualTo("Sofia");
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void the_timeline_pages_backwards_and_forwards_by_cursor() {
        long conversation = newConversation("Mia", "m1");
        for (int i = 2; i <= 7; i++) {
            reply(app, conversation, Map.of("content", "m" + i), tenant.token());
        }

        var newest = timeline(conversation, "?limit=3");
        assertThat(contents(newest)).containsExactly("m5", "m6", "m7");
        var older = timeline(
                conversation, "?limit=3&before=" + newest.get("nextCursor").asLong());
        assertThat(contents(older)).containsExactly("m2", "m3", "m4");
        var oldest = timeline(
                conversation, "?limit=3&before=" + older.get("nextCursor").asLong());
        assertThat(contents(oldest)).containsExactly("m1");
        assertThat(oldest.get("nextCursor").isNull()).isTrue();

        long firstId = oldest.get("messages").get(0).get("id").asLong();
        var forward = timeline(conversation, "?limit=4&after=" + firstId);
        assertThat(contents(forward)).containsExactly("m2", "m3", "m4", "m5");
        var rest = timeline(
                conversation, "?limit=4&after=" + forward.get("nextCursor").asLong());
        assertThat(contents(rest)).containsExactly("m6", "m7");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        assertThat(contents(timeline(conversation, "?after=" + Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void bad_cursors_and_limits_are_400() {
        long conversation = newConversation("Leo", "hi");
        for (var query : List.of("?limit=0", "?limit=101", "?before=x", "?after=1.5", "?before=1&after=2")) {
            var response = app.get("/api/conversations/" + conversation + "/messages" + query, tenant.token());
            assertThat(response.status()).as(query).isEqualTo(400);
        }
    }

    @Test
    void the_list_preview_is_bounded() {
        long conversation = newConversation("Ella", "short");
        var longText = "word ".repeat(500);
        reply(app, conversation, Map.of("content", longText), tenant.token());

        var listed = app.get("/api/conversations?q=ella", tenant.token()).json().get("conversations");
        assertThat(listed.get(0).get("lastMessage").get("content").asText()).isEqualTo(longText.substring(0, 200));
    }

    @Test
    void content_over_ten_thousand_characters_is_413_and_missing_content_422() {
        long conversation = newConversation("Paul", "hi");

        var tooLong = reply(app, conversation, Map.of("content", "x".repeat(10_001)), tenant.token());
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(keys(tooLong.json().get("error"))).containsExactly("code", "message", "details");
        assertThat(tooLong.json().get("error").get("details").get("max").asInt())
                .isEqualTo(10_000);

        // 10,000 emoji are 20,000 UTF-16 units but 10,000 characters, as the database counts them.
        var emoji = "\uD83D\uDE00".repeat(10_000);
        assertThat(reply(app, conversation, Map.of("content", emoji), tenant.token())
                        .status())
                .isEqualTo(201);

        var missing = reply(app, conversation, Map.of("private", true), tenant.token());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json()
                        .get("error")
                        .get("details")
                        .get("fields")
                        .get("content")
                        .asText())
                .isEqualTo("is required");
        assertThat(reply(app, conversation, Map.of("content", "hi", "private", "yes"), tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(sql(
                        app,
                        tenant.accountId(),
                        "select count(*) from messages where account_id = ? and conversation_id = ?",
                        tenant.accountId(),
                        conversation))
                .isEqualTo(2);
    }

    @Test
    void unknown_conversations_are_404() {
        assertThat(app.get("/api/conversations/999999/messages", tenant.token()).status())
                .isEqualTo(404);
        assertThat(reply(app, 999999, Map.of("content", "hi"), tenant.token()).status())
                .isEqualTo(404);
        assertThat(app.get("/api/conversations/abc/messages", tenant.token()).status())
                .isEqualTo(404);
    }
}
