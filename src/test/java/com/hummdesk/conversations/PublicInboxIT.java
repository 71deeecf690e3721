package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.keys;
import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The customers' side: contact sessions, starting conversations, writing in, reading their own conversations. */
class PublicInboxIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant tenant;
    private static ConversationFixtures.Inbox inbox;
    private static EventRecorder<MessageCreated> messagesCreated;
    private static EventRecorder<ConversationUpdated> updates;

    @BeforeAll
    static void inbox() {
        tenant = Fixtures.tenant(app, "Publico");
        inbox = ConversationFixtures.inbox(app, tenant.accountId());
        var bus = app.app().events();
        messagesCreated = new EventRecorder<>(
                bus,
                MessageCreated.class,
                e -> sql(
                                app,
                                e.accountId(),
                                "select count(*) from messages where account_id = ? and id = ?",
                                e.accountId(),
                                e.messageId())
                        == 1);
        updates = new EventRecorder<>(bus, ConversationUpdated.class, e -> ConversationFixtures.text(
                        app,
                        e.accountId(),
                        "select status from conversations where account_id = ? and id = ?",
                        e.accountId(),
                        e.conversationId())
                .equals("open"));
    }

    private static TestApp.Response send(ConversationFixtures.Customer customer, long conversation, Object body) {
        return app.post(
                customer.inbox().path() + "/conversations/" + conversation + "/messages", body, customer.token());
    }

    private static TestApp.Response messages(ConversationFixtures.Customer customer, long conversation) {
        return app.get(customer.inbox().path() + "/conversations/" + conversation + "/messages", customer.token());
    }

    @Test
    void opening_a_contact_session_returns_a_token_and_the_contact() {
        var response = app.post(
                inbox.path() + "/contacts",
                Map.of(
                        "name",
                        "Emma Korhonen",
                        "email",
                        "Emma@Example.com",
                        "identifierHash",
                        ConversationFixtures.identityHash(app, inbox, "emma@example.com")),
                null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(keys(response.json())).containsExactly("contactToken", "contact");
        assertThat(response.json().get("contactToken").asText()).contains(".");
        var contact = response.json().get("contact");
        assertThat(contact.get("name").asText()).isEqualTo("Emma Korhonen");
        assertThat(contact.get("email").asText()).isEqualTo("emma@example.com");
        assertThat(contact.get("verified").asBoolean()).isTrue();
        assertThat(sql(
                        app,
                        tenant.accountId(),
                        "select count(*) from contacts where account_id = ? and id = ?",
                        tenant.accountId(),
                        contact.get("id").asLong()))
                .isEqualTo(1);
    }

    @Test
    void only_a_verified_email_reaches_that_emails_contact() {
        var first = ConversationFixtures.customer(app, inbox, "Liam", "liam@example.com");
        var again = app.post(
                inbox.path() + "/contacts",
                Map.of(
                        "email",
                        "LIAM@example.com",
                        "identifierHash",
                        ConversationFixtures.identityHash(app, inbox, "liam@example.com")),
                null);
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().get("contact").get("id").asLong()).isEqualTo(first.contactId());
        assertThat(again.json().get("contact").get("name").asText()).isEqualTo("Liam");

        // Knowing a customer's email is not enough to read their conversations.
        var claim = app.post(inbox.path() + "/contacts", Map.of("email", "liam@example.com"), null);
        assertThat(claim.status()).isEqualTo(201);
        var claimed = claim.json().get("contact");
        assertThat(claimed.get("id").asLong()).isNotEqualTo(first.contactId());
        assertThat(claimed.get("email").isNull()).isTrue();
        assertThat(claimed.get("verified").asBoolean()).isFalse();
        assertThat(ConversationFixtures.sql(
                        app,
                        tenant.accountId(),
                        "select count(*) from contacts where account_id = ? and id = ? and email is null"
                                + " and unverified_email = 'liam@example.com'",
                        tenant.accountId(),
                        claimed.get("id").asLong()))
                .as("the claim is kept for agents, unverified")
                .isEqualTo(1);

        var forged = app.post(
                inbox.path() + "/contacts", Map.of("email", "liam@example.com", "identifierHash", "00ff"), null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("error").get("code").asText()).isEqualTo("identity_not_verified");
        var hashWithoutEmail = app.post(inbox.path() + "/contacts", Map.of("identifierHash", "00ff"), null);
        assertThat(hashWithoutEmail.status()).isEqualTo(422);

        var anonymous = app.post(inbox.path() + "/contacts", Map.of(), null);
        assertThat(anonymous.status()).isEqualTo(201);
        assertThat(anonymous.json().get("contact").get("id").asLong()).isNotEqualTo(first.contactId());
    }

    @Test
    void an_unknown_inbox_is_404_and_a_bad_email_is_422() {
        assertThat(app.post("/api/public/inboxes/no-such-inbox/contacts", Map.of("name", "x"), null)
                        .status())
                .isEqualTo(404);
        var bad = app.post(inbox.path() + "/contacts", Map.of("email", "not an email"), null);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("error").get("details").get("fields").has("email"))
                .isTrue();
    }

    @Test
    void a_customer_starts_a_conversation_with_its_first_message() {
        var customer = ConversationFixtures.customer(app, inbox, "Noah", "noah@example.com");
        var response = app.post(
                inbox.path() + "/conversations", Map.of("content", "My order never arrived"), customer.token());

        assertThat(response.status()).isEqualTo(201);
        long conversation = response.json().get("conversationId").asLong();
        var message = response.json().get("message");
        assertThat(keys(message))
                .containsExactly("id", "messageType", "senderType", "senderName", "content", "createdAt");
        assertThat(message.get("messageType").asText()).isEqualTo("incoming");
        assertThat(message.get("senderType").asText()).isEqualTo("contact");
        assertThat(message.get("senderName").asText()).isEqualTo("Noah");
        assertThat(message.get("content").asText()).isEqualTo("My order never arrived");

        var detail =
                app.get("/api/conversations/" + conversation, tenant.token()).json();
        assertThat(detail.get("status").asText()).isEqualTo("open");
        assertThat(detail.get("contact").get("id").asLong()).isEqualTo(customer.contactId());
        assertThat(detail.get("inbox").get("id").asLong()).isEqualTo(inbox.id());
        assertThat(detail.get("waitingSince").isNull()).isFalse();
        assertThat(detail.get("lastMessageAt").asText())
                .isEqualTo(message.get("createdAt").asText());
    }

    @Test
    void message_created_is_published_after_commit_with_the_right_ids() {
        var customer = ConversationFixtures.customer(app, inbox, "Olivia", "olivia@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "First");
        var sent = send(customer, conversation, Map.of("content", "Second"));

        long messageId = sent.json().get("id").asLong();
        var event = messagesCreated.seen().stream()
                .filter(s -> s.event().messageId() == messageId)
                .findFirst()
                .orElseThrow();
        assertThat(event.committed())
                .as("the message was committed when the event arrived")
                .isTrue();
        assertThat(event.event())
                .isEqualTo(new MessageCreated(
                        tenant.accountId(),
                        conversation,
                        messageId,
                        MessageType.INCOMING,
                        false,
                        SenderType.CONTACT,
                        customer.contactId(),
                        "Second",
                        event.event().createdAt()));
        assertThat(messagesCreated.forConversation(conversation)).hasSize(2);
    }

    @Test
    void an_incoming_message_reopens_a_resolved_conversation() {
        var customer = ConversationFixtures.customer(app, inbox, "Sofia", "sofia@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "Help");
        ConversationFixtures.reply(app, conversation, Map.of("content", "Done!"), tenant.token());
        var resolved = ConversationFixtures.patch(app, conversation, Map.of("status", "resolved"), tenant.token());
        assertThat(resolved.json().get("waitingSince").isNull()).isTrue();

        assertThat(send(customer, conversation, Map.of("content", "It broke again"))
                        .status())
                .isEqualTo(201);

        var detail =
                app.get("/api/conversations/" + conversation, tenant.token()).json();
        assertThat(detail.get("status").asText()).isEqualTo("open");
        assertThat(detail.get("resolvedAt").isNull()).isTrue();
        assertThat(detail.get("waitingSince").isNull()).isFalse();
        var listed =
                app.get("/api/conversations?q=broke", tenant.token()).json().get("conversations");
        assertThat(listed.get(0).get("lastMessage").get("content").asText()).isEqualTo("It broke again");
        var reopened = updates.seen().stream()
                .filter(s ->
                        s.event().conversationId() == conversation && s.event().actorUserId() == null)
                .toList();
        assertThat(reopened).hasSize(1);
        assertThat(reopened.getFirst().committed()).isTrue();
        assertThat(reopened.getFirst().event().changes())
                .containsExactly(new ConversationUpdated.Change("status", "resolved", "open"));
    }

    @Test
    void a_customer_lists_only_their_own_conversations_newest_first() {
        var mia = ConversationFixtures.customer(app, inbox, "Mia", "mia@example.com");
        var leo = ConversationFixtures.customer(app, inbox, "Leo", "leo@example.com");
        long first = ConversationFixtures.conversation(app, mia, "One");
        long second = ConversationFixtures.conversation(app, mia, "Two");
        ConversationFixtures.conversation(app, leo, "Leo's");

        var list = app.get(inbox.path() + "/conversations", mia.token());
        assertThat(list.status()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        list.json().get("conversations").forEach(c -> ids.add(c.get("id").asLong()));
        assertThat(ids).containsExactly(second, first);
        assertThat(list.json()
                        .get("conversations")
                        .get(0)
                        .get("lastMessage")
                        .get("content")
                        .asText())
                .isEqualTo("Two");

        var firstPage =
                app.get(inbox.path() + "/conversations?limit=1", mia.token()).json();
        assertThat(firstPage.get("nextCursor").asLong()).isEqualTo(second);
        var secondPage = app.get(inbox.path() + "/conversations?limit=1&before=" + second, mia.token())
                .json();
        assertThat(secondPage.get("conversations").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void another_contacts_conversation_is_404() {
        var ella = ConversationFixtures.customer(app, inbox, "Ella", "ella@example.com");
        var paul = ConversationFixtures.customer(app, inbox, "Paul", "paul@example.com");
        long ellas = ConversationFixtures.conversation(app, ella, "Private matter");

        assertThat(messages(paul, ellas).status()).isEqualTo(404);
        assertThat(send(paul, ellas, Map.of("content", "let me in")).status()).isEqualTo(404);
        assertThat(messages(ella, ellas).status()).isEqualTo(200);
        assertThat(sql(
                        app,
                        tenant.accountId(),
                        "select count(*) from messages where account_id = ? and conversation_id = ?",
                        tenant.accountId(),
                        ellas))
                .isEqualTo(1);
    }

    @Test
    void customers_never_see_private_notes_or_activity() {
        var felix = ConversationFixtures.customer(app, inbox, "Felix", "felix@example.com");
        long conversation = ConversationFixtures.conversation(app, felix, "Question");
        ConversationFixtures.reply(
                app, conversation, Map.of("content", "Internal: VIP customer", "private", true), tenant.token());
        ConversationFixtures.patch(app, conversation, Map.of("priority", "high"), tenant.token());
        ConversationFixtures.reply(app, conversation, Map.of("content", "Answer"), tenant.token());
        ConversationFixtures.reply(
                app, conversation, Map.of("content", "Internal: follow up", "private", true), tenant.token());

        var timeline = messages(felix, conversation).json();
        var contents = new ArrayList<String>();
        timeline.get("messages").forEach(m -> contents.add(m.get("content").asText()));
        assertThat(contents).containsExactly("Question", "Answer");
        assertThat(timeline.get("messages").get(1).get("senderType").asText()).isEqualTo("user");
        assertThat(timeline.get("messages").get(1).get("senderName").asText()).isEqualTo("Publico Owner");
        assertThat(timeline.get("messages").get(1).has("sender")).isFalse();
        var listed = app.get(inbox.path() + "/conversations", felix.token()).json();
        assertThat(listed.get("conversations")
                        .get(0)
                        .get("lastMessage")
                        .get("content")
                        .asText())
                .isEqualTo("Answer");
    }

    @Test
    void the_customer_timeline_pages_by_cursor() {
        var jonas = ConversationFixtures.customer(app, inbox, "Jonas", "jonas@example.com");
        long conversation = ConversationFixtures.conversation(app, jonas, "m1");
        for (int i = 2; i <= 5; i++) {
            send(jonas, conversation, Map.of("content", "m" + i));
        }
        var newest = app.get(inbox.path() + "/conversations/" + conversation + "/messages?limit=2", jonas.token())
                .json();
        assertThat(contents(newest)).containsExactly("m4", "m5");
        var older = app.get(
                        inbox.path() + "/conversations/" + conversation + "/messages?limit=2&before="
                                + newest.get("nextCursor").asLong(),
                        jonas.token())
                .json();
        assertThat(contents(older)).containsExactly("m2", "m3");
    }

    @Test
    void contact_routes_need_a_contact_token_for_this_inbox() {
        var aada = ConversationFixtures.customer(app, inbox, "Aada", "aada@example.com");
        var otherInbox = ConversationFixtures.inbox(app, tenant.accountId());
        var body = Map.of("content", "hi");

        assertThat(app.post(inbox.path() + "/conversations", body, null).status())
                .isEqualTo(401);
        assertThat(app.post(inbox.path() + "/conversations", body, tenant.token())
                        .status())
                .as("an agent token is not a contact token")
                .isEqualTo(401);
        assertThat(app.post(otherInbox.path() + "/conversations", body, aada.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get(otherInbox.path() + "/conversations", aada.token()).status())
                .isEqualTo(404);
        assertThat(app.get("/api/conversations", aada.token()).status())
                .as("a contact token is not an agent token")
                .isEqualTo(401);
    }

    @Test
    void bad_content_is_refused_with_the_error_shape() {
        var helmi = ConversationFixtures.customer(app, inbox, "Helmi", "helmi@example.com");
        var path = inbox.path() + "/conversations";

        var missing = app.post(path, Map.of(), helmi.token());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("error").get("details").get("fields").has("content"))
                .isTrue();
        assertThat(app.post(path, Map.of("content", "   "), helmi.token()).status())
                .isEqualTo(422);
        var tooLong = app.post(path, Map.of("content", "x".repeat(10_001)), helmi.token());
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.json().get("error").get("code").asText()).isEqualTo("content_too_long");
        assertThat(app.post(path, Map.of("content", 42), helmi.token()).status())
                .isEqualTo(400);
        assertThat(app.post(path, Map.of("content", "x".repeat(10_000)), helmi.token())
                        .status())
                .isEqualTo(201);
        assertThat(app.post(path, Map.of("content", "nul\u0000char"), helmi.token())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void bad_cursors_and_limits_are_400() {
        var anna = ConversationFixtures.customer(app, inbox, "Anna", "anna@example.com");
        long conversation = ConversationFixtures.conversation(app, anna, "hello");
        var base = inbox.path() + "/conversations/" + conversation + "/messages";
        for (var query : List.of("?limit=0", "?limit=101", "?before=abc", "?before=1&after=2")) {
            assertThat(app.get(base + query, anna.token()).status()).as(query).isEqualTo(400);
        }
        assertThat(app.get(inbox.path() + "/conversations/abc/messages", anna.token())
                        .status())
                .isEqualTo(404);
    }

    private static List<String> contents(com.fasterxml.jackson.databind.JsonNode page) {
        var contents = new ArrayList<String>();
        page.get("messages").forEach(m -> contents.add(m.get("content").asText()));
        return contents;
    }
}
