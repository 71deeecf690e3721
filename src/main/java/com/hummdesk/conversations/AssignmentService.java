package com.hummdesk.conversations;

import com.hummdesk.platform.db.Pending;
import com.hummdesk.platform.events.EventBus;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** {@link ConversationAssignments} for routing: the system assigns, so the activity and the events have no actor. */
final class AssignmentService implements ConversationAssignments {
    private final EventBus events;
    private final ConversationRepository conversations = new ConversationRepository();

    AssignmentService(EventBus events) {
        this.events = events;
    }

    @Override
    public Pending<Optional<Assignment>> assignIfUnassigned(
            DSLContext tx, long accountId, long conversationId, long agentId, String by) {
        return conversations.assignIfUnassigned(tx, accountId, conversationId, agentId, by);
    }

    @Override
    public void announce(Assignment a) {
        var change = new ConversationUpdated.Change("assigneeId", null, Long.toString(a.assigneeId()));
        events.publish(new ConversationUpdated(a.accountId(), a.conversationId(), null, List.of(change)));
        events.publish(new ConversationAssigned(a.accountId(), a.conversationId(), a.assigneeId(), null, null));
        events.publish(new MessageCreated(
                a.accountId(),
                a.conversationId(),
                a.activityMessageId(),
                MessageType.ACTIVITY,
                false,
                SenderType.SYSTEM,
                null,
                a.activity(),
                a.activityAt()));
    }
}
