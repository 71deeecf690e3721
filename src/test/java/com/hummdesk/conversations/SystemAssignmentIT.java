package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one-statement assignment routing uses: what it writes, and that it writes nothing when it may not assign. */
class SystemAssignmentIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private final ConversationRepository conversations = new ConversationRepository();

    private Optional<Assignment> assign(long accountId, long conversationId, long agentId) {
        return app.app()
                .database()
                .inAccount(
                        accountId,
                        tx -> conversations.assignIfUnassigned(
                                tx, accountId, conversationId, agentId, "routing (round_robin)"))
                .get();
    }

    private static long activities(long accountId, long conversationId) {
        return sql(
                app,
                accountId,
                "select count(*) from messages where account_id = ? and conversation_id = ? and message_type = 'activity'",
                accountId,
                conversationId);
    }

    @Test
    void assigns_an_unassigned_conversation_with_the_agent_s_name_in_the_activity_entry() {
        var tenant = Fixtures.tenant(app, "System assign");
        long acct = tenant.accountId();
        var aino = ConversationFixtures.agent(app, acct, "Aino Virtanen");
        var customer =
                ConversationFixtures.customer(app, ConversationFixtures.inbox(app, acct), "Cara", "cara@example.com");
        long conversation = ConversationFixtures.conversation(app, customer, "Hello?");

        var assigned = assign(acct, conversation, aino.userId()).orElseThrow();

        assertThat(assigned.activity()).isEqualTo("Assigned to Aino Virtanen by routing (round_robin)");
        assertThat(assigned.assigneeId()).isEqualTo(aino.userId());
        assertThat(sql(
                        app,
                        acct,
                        "select assignee_id from conversations where account_id = ? and id = ?",
                        acct,
                        conversation))
                .isEqualTo(aino.userId());
        assertThat(sql(
                        app,
                        acct,
                        "select count(*) from messages where account_id = ? and id = ? and sender_type = 'system'"
                                + " and sender_id is null and content = ?",
                        acct,
                        assigned.activityMessageId(),
                        assigned.activity()))
                .isEqualTo(1);
    }

    @Test
    void writes_nothing_for_an_assigned_or_resolved_conversation_or_an_agent_of_another_account() {
        var tenant = Fixtures.tenant(app, "System assign refused");
        long acct = tenant.accountId();
        var aino = ConversationFixtures.agent(app, acct, "Aino Virtanen");
        var ben = ConversationFixtures.agent(app, acct, "Ben Carter");
        var outsider = ConversationFixtures.agent(
                app, Fixtures.tenant(app, "Elsewhere").accountId(), "Olli Outsider");
        var inbox = ConversationFixtures.inbox(app, acct);
        long taken = ConversationFixtures.conversation(
                app, ConversationFixtures.customer(app, inbox, "Cara", "cara@example.com"), "First");
        long resolved = ConversationFixtures.conversation(
                app, ConversationFixtures.customer(app, inbox, "Dan", "dan@example.com"), "Second");
        long open = ConversationFixtures.conversation(
                app, ConversationFixtures.customer(app, inbox, "Eve", "eve@example.com"), "Third");
        assertThat(assign(acct, taken, aino.userId())).isPresent();
        ConversationFixtures.execute(
                app,
                acct,
                "update conversations set status = 'resolved' where account_id = ? and id = ?",
                acct,
                resolved);
        long before = activities(acct, taken) + activities(acct, resolved) + activities(acct, open);

        assertThat(assign(acct, taken, ben.userId())).isEmpty();
        assertThat(assign(acct, resolved, ben.userId())).isEmpty();
        assertThat(assign(acct, open, outsider.userId())).isEmpty();

        assertThat(sql(app, acct, "select assignee_id from conversations where account_id = ? and id = ?", acct, taken))
                .isEqualTo(aino.userId());
        assertThat(sql(
                        app,
                        acct,
                        "select count(*) from conversations where account_id = ? and id in (?, ?)"
                                + " and assignee_id is null",
                        acct,
                        resolved,
                        open))
                .isEqualTo(2);
        assertThat(activities(acct, taken) + activities(acct, resolved) + activities(acct, open))
                .isEqualTo(before);
    }
}
