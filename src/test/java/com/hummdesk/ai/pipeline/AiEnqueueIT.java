package com.hummdesk.ai.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.conversations.ConversationHooks;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The classify job is part of the customer message's own transaction. This app's job worker is stopped, so the
 * jobs stay in the table to be counted.
 */
class AiEnqueueIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    static void stopTheWorker() {
        app.app().jobs().stop();
    }

    @Test
    void a_committed_customer_message_has_exactly_one_classify_job() {
        long acct = Fixtures.tenant(app, "Enqueue").accountId();
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);
        var messages = AiFixtures.messages(app, app.app().ai().conversationHooks());

        long messageId = messages.addIncoming(customer, conversation, "My invoice is wrong", "key-1")
                .message()
                .id();
        var replay = messages.addIncoming(customer, conversation, "My invoice is wrong", "key-1");

        assertThat(replay.replayed()).isTrue();
        assertThat(AiFixtures.jobPayloads(app, acct, "ai.classify"))
                .containsExactly("{\"messageId\": " + messageId + ", \"conversationId\": " + conversation + "}");
    }

    @Test
    void a_rolled_back_customer_message_leaves_no_job() {
        long acct = Fixtures.tenant(app, "Rollback").accountId();
        var customer = AiFixtures.customer(app, acct);
        long conversation = AiFixtures.conversation(app, customer);
        var real = app.app().ai().conversationHooks();
        // The real hook enqueues, then the transaction fails after it.
        var failing = new ConversationHooks() {
            @Override
            public void customerMessageStored(DSLContext tx, long accountId, long conversationId, long messageId) {
                real.customerMessageStored(tx, accountId, conversationId, messageId);
                throw new IllegalStateException("boom after the enqueue");
            }
        };

        assertThatThrownBy(() -> AiFixtures.messages(app, failing)
                        .addIncoming(customer, conversation, "My invoice is wrong", null))
                .hasMessageContaining("boom");

        assertThat(AiFixtures.jobs(app, acct, "ai.classify")).isZero();
        assertThat(AiFixtures.value(
                        app,
                        acct,
                        "select count(*) from messages where account_id = ? and conversation_id = ?",
                        acct,
                        conversation))
                .isZero();
    }

    @Test
    void agents_replies_are_not_classified() {
        var tenant = Fixtures.tenant(app, "Replies");
        var customer = AiFixtures.customer(app, tenant.accountId());
        long conversation = AiFixtures.conversation(app, customer);

        var reply = app.post(
                "/api/conversations/" + conversation + "/messages",
                java.util.Map.of("content", "We are on it"),
                tenant.token());

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(AiFixtures.jobs(app, tenant.accountId(), "ai.classify")).isZero();
    }
}
