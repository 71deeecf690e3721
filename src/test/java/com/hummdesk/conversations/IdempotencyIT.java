package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.http.Json;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retried message post with the same Idempotency-Key returns the first response and stores nothing new. */
class IdempotencyIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant tenant;
    private static ConversationFixtures.Inbox inbox;

    @BeforeAll
    static void inbox() {
        tenant = Fixtures.tenant(app, "Retryco");
        inbox = ConversationFixtures.inbox(app, tenant.accountId());
    }

    private static TestApp.Response post(String path, Object body, String token, String key) {
        try {
            var builder = app.request(path, token)
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            if (key != null) {
                builder.header("Idempotency-Key", key);
            }
            return app.send(builder);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long messagesIn(long conversation) {
        return sql(
                app,
                tenant.accountId(),
                "select count(*) from messages where account_id = ? and conversation_id = ?",
                tenant.accountId(),
                conversation);
    }

    private static long conversationsOf(long contactId) {
        return sql(
                app,
                tenant.accountId(),
                "select count(*) from conversations where account_id = ? and contact_id = ?",
                tenant.accountId(),
                contactId);
    }

    @Test
    void a_retried_customer_message_returns_the_first_response() {
        var customer = ConversationFixtures.customer(app, inbox, "Retry", "retry@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "hello");
        var path = inbox.path() + "/conversations/" + conversation + "/messages";

        var first = post(path, Map.of("content", "are you there?"), customer.token(), "key-1");
        var retry = post(path, Map.of("content", "are you there?"), customer.token(), "key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(messagesIn(conversation)).isEqualTo(2);
        var third = post(path, Map.of("content", "are you there?"), customer.token(), "key-2");
        assertThat(third.json().get("id").asLong())
                .isNotEqualTo(first.json().get("id").asLong());
    }

    @Test
    void a_retried_conversation_start_returns_the_same_conversation() {
        var customer = ConversationFixtures.customer(app, inbox, "Starter", "starter@example.com");
        var path = inbox.path() + "/conversations";

        var first = post(path, Map.of("content", "new problem"), customer.token(), "start-1");
        var retry = post(path, Map.of("content", "new problem"), customer.token(), "start-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(conversationsOf(customer.contactId())).isEqualTo(1);
    }

    @Test
    void a_retried_agent_reply_returns_the_first_response() {
        var customer = ConversationFixtures.customer(app, inbox, "Replied", "replied@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "hi");
        var path = "/api/conversations/" + conversation + "/messages";

        var first = post(path, Map.of("content", "On it"), tenant.token(), "reply-1");
        var retry = post(path, Map.of("content", "On it"), tenant.token(), "reply-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(messagesIn(conversation)).isEqualTo(2);
    }

    @Test
    void reusing_a_key_for_another_message_is_a_conflict() {
        var customer = ConversationFixtures.customer(app, inbox, "Reuser", "reuser@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "hi");
        var path = "/api/conversations/" + conversation + "/messages";
        post(path, Map.of("content", "first text"), tenant.token(), "same-key");

        var other = post(path, Map.of("content", "other text"), tenant.token(), "same-key");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("error").get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(messagesIn(conversation)).isEqualTo(2);
    }

    @Test
    void an_overlong_key_is_400() {
        var customer = ConversationFixtures.customer(app, inbox, "Longkey", "longkey@example.com");
        var response = post(inbox.path() + "/conversations", Map.of("content", "x"), customer.token(), "k".repeat(201));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("invalid_idempotency_key");
    }

    @Test
    void concurrent_duplicate_messages_store_one() throws Exception {
        var customer = ConversationFixtures.customer(app, inbox, "Racer", "racer@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "hi");
        var path = inbox.path() + "/conversations/" + conversation + "/messages";

        var responses = concurrently(8, () -> post(path, Map.of("content", "double click"), customer.token(), "race"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(responses.stream().map(TestApp.Response::text).distinct()).hasSize(1);
        assertThat(messagesIn(conversation)).isEqualTo(2);
    }

    @Test
    void concurrent_duplicate_conversation_starts_make_one_conversation() throws Exception {
        var customer = ConversationFixtures.customer(app, inbox, "Racer2", "racer2@example.com");

        var responses = concurrently(
                8, () -> post(inbox.path() + "/conversations", Map.of("content", "hello?"), customer.token(), "go"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(responses.stream().map(TestApp.Response::text).distinct()).hasSize(1);
        assertThat(conversationsOf(customer.contactId())).isEqualTo(1);
    }

    private static List<TestApp.Response> concurrently(int n, java.util.concurrent.Callable<TestApp.Response> call)
            throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(n)) {
            var futures = new ArrayList<Future<TestApp.Response>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var responses = new ArrayList<TestApp.Response>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
