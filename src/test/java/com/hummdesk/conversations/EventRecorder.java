package com.hummdesk.conversations;

import com.hummdesk.platform.events.DomainEvent;
import com.hummdesk.platform.events.EventBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Records the events of one type, and for each whether its row was already committed when it arrived: the check
 * runs in a new transaction inside the listener, so it only sees what the publisher has committed.
 */
final class EventRecorder<E extends DomainEvent> {
    record Seen<E>(E event, boolean committed) {}

    private final List<Seen<E>> seen = new CopyOnWriteArrayList<>();

    EventRecorder(EventBus bus, Class<E> type, Predicate<E> committed) {
        bus.subscribe(type, event -> seen.add(new Seen<>(event, committed.test(event))));
    }

    List<Seen<E>> seen() {
        return List.copyOf(seen);
    }

    List<E> events() {
        return seen.stream().map(Seen::event).toList();
    }

    List<E> forConversation(long conversationId) {
        return events().stream()
                .filter(e -> e instanceof MessageCreated m && m.conversationId() == conversationId
                        || e instanceof ConversationUpdated u && u.conversationId() == conversationId
                        || e instanceof ConversationAssigned a && a.conversationId() == conversationId
                        || e instanceof ConversationCreated c && c.conversationId() == conversationId)
                .toList();
    }
}
