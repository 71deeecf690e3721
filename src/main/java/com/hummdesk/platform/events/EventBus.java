package com.hummdesk.platform.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process publish/subscribe for domain events. Services publish only after their transaction has committed,
 * so a listener never sees data that may still roll back. A failing listener is logged and does not stop the
 * others or the request that caused the event; work that must not be lost goes through the durable job queue.
 */
public final class EventBus {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private record Subscription<E extends DomainEvent>(Class<E> type, Consumer<? super E> listener) {
        void deliver(DomainEvent event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    public <E extends DomainEvent> void subscribe(Class<E> type, Consumer<? super E> listener) {
        subscriptions.add(new Subscription<>(type, listener));
    }

    public void publish(DomainEvent event) {
        for (var subscription : subscriptions) {
            try {
                subscription.deliver(event);
            } catch (RuntimeException e) {
                log.error("Listener for {} failed", event.getClass().getSimpleName(), e);
            }
        }
    }
}
