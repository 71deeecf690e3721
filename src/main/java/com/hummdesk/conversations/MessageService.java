package com.hummdesk.conversations;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.ContactSession;
import com.hummdesk.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * How messages get into conversations, and their timelines: customers start conversations and write in, agents
 * reply and leave private notes. A retried post with the same idempotency key returns the first result and
 * stores nothing new. Events are published after commit, never for a replay.
 */
public final class MessageService {
    private final Database db;
    private final EventBus events;
    private final ConversationHooks hooks;
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();
    private final TimelineFinder timeline = new TimelineFinder();

    /** A stored message; {@code replayed} = a retry, answered with what the first request stored. */
    public record Posted(MessageView message, boolean replayed) {}

    public record Started(long conversationId, MessageView message, boolean replayed) {}

    private record Incoming(Posted posted, ConversationRepository.Current before) {}

    public MessageService(Database db, EventBus events) {
        this(db, events, ConversationHooks.NONE);
    }

    public MessageService(Database db, EventBus events, ConversationHooks hooks) {
        this.db = db;
        this.events = events;
        this.hooks = hooks;
    }

    /** Starts a conversation in the contact's inbox with their first message. */
    public Started start(ContactSession contact, String content, String idempotencyKey) {
        MessageRules.check(content, idempotencyKey);
        long accountId = contact.accountId();
        var message = new NewMessage(
                MessageType.INCOMING, false, SenderType.CONTACT, contact.contactId(), content, idempotencyKey);
        var started = db.inAccount(accountId, tx -> {
            if (idempotencyKey != null) {
                messages.lockStart(tx, accountId, contact.contactId(), idempotencyKey);
                var earlier = messages.findStartedByKey(tx, accountId, contact.contactId(), idempotencyKey);
                if (earlier.isPresent()) {
                    var replay = replay(tx, accountId, earlier.get(), message);
                    return new Started(earlier.get().conversationId(), replay.message(), true);
                }
            }
            long conversationId = conversations.insert(tx, accountId, contact.inboxId(), contact.contactId());
            var stored = messages.insert(tx, accountId, conversationId, message).orElseThrow();
            conversations.recordIncoming(tx, accountId, conversationId, stored, content);
            hooks.customerMessageStored(tx, accountId, conversationId, stored.id());
            return new Started(conversationId, timeline.one(tx, accountId, stored.id()), false);
        });
        if (!started.replayed()) {
            events.publish(new ConversationCreated(
                    accountId, started.conversationId(), contact.inboxId(), contact.contactId()));
            events.publish(created(accountId, started.message()));
        }
        return started;
    }

    /** A customer's message in their own conversation; reopens it if it was resolved, pending or snoozed. */
    public Posted addIncoming(ContactSession contact, long conversationId, String content, String idempotencyKey) {
        MessageRules.check(content, idempotencyKey);
        long accountId = contact.accountId();
        var message = new NewMessage(
                MessageType.INCOMING, false, SenderType.CONTACT, contact.contactId(), content, idempotencyKey);
        var incoming = db.inAccount(accountId, tx -> {
            var before = conversations
                    .lockForContact(tx, accountId, conversationId, contact.contactId(), contact.inboxId())
                    .orElseThrow(MessageService::notFound);
            var stored = messages.insert(tx, accountId, conversationId, message);
            if (stored.isEmpty()) {
                return new Incoming(replay(tx, accountId, conversationId, message), before);
            }
            conversations.recordIncoming(tx, accountId, conversationId, stored.get(), content);
            hooks.customerMessageStored(
                    tx, accountId, conversationId, stored.get().id());
            return new Incoming(
                    new Posted(timeline.one(tx, accountId, stored.get().id()), false), before);
        });
        if (!incoming.posted().replayed()) {
            events.publish(created(accountId, incoming.posted().message()));
            var before = incoming.before();
            if (!Status.OPEN.wire().equals(before.status())) {
                var changes = new ArrayList<ConversationUpdated.Change>();
                changes.add(new ConversationUpdated.Change("status", before.status(), Status.OPEN.wire()));
                if (before.snoozedUntil() != null) {
                    changes.add(new ConversationUpdated.Change(
                            "snoozedUntil", ISO_OFFSET_DATE_TIME.format(before.snoozedUntil()), null));
                }
                events.publish(new ConversationUpdated(accountId, conversationId, null, changes));
            }
        }
        return incoming.posted();
    }

    public MessagePage customerTimeline(ContactSession contact, long conversationId, Cursor cursor) {
        return db.inAccount(
                        contact.accountId(),
                        tx -> timeline.page(tx, contact.accountId(), conversationId, contact, cursor))
                .orElseThrow(MessageService::notFound);
    }

    /** An agent's reply to the customer, or a private note only agents see. */
    Posted reply(CurrentUser agent, long conversationId, String content, boolean privateNote, String idempotencyKey) {
        MessageRules.check(content, idempotencyKey);
        long accountId = agent.accountId();
        var message = new NewMessage(
                MessageType.OUTGOING, privateNote, SenderType.USER, agent.userId(), content, idempotencyKey);
        var posted = db.inAccount(accountId, tx -> {
            if (conversations.lock(tx, accountId, conversationId).isEmpty()) {
                throw notFound();
            }
            var stored = messages.insert(tx, accountId, conversationId, message);
            if (stored.isEmpty()) {
                return replay(tx, accountId, conversationId, message);
            }
            if (privateNote) {
                conversations.touch(tx, accountId, conversationId);
            } else {
                conversations.recordReply(tx, accountId, conversationId, stored.get(), content);
            }
            return new Posted(timeline.one(tx, accountId, stored.get().id()), false);
        });
        if (!posted.replayed()) {
            events.publish(created(accountId, posted.message()));
        }
        return posted;
    }

    MessagePage timeline(CurrentUser agent, long conversationId, Cursor cursor) {
        return db.inAccount(agent.accountId(), tx -> timeline.page(tx, agent.accountId(), conversationId, null, cursor))
                .orElseThrow(MessageService::notFound);
    }

    private Posted replay(DSLContext tx, long accountId, long conversationId, NewMessage message) {
        var earlier = messages.findByKey(tx, accountId, conversationId, message.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("the conflicting message must exist"));
        return replay(tx, accountId, earlier, message);
    }

    /** Same key and same message: the first response again. Same key, another message: a client bug, said so. */
    private Posted replay(DSLContext tx, long accountId, MessageRepository.Keyed earlier, NewMessage message) {
        if (!Objects.equals(earlier.content(), message.content()) || earlier.privateNote() != message.privateNote()) {
            throw new Conflict(
                    "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different message; use a new key per message.");
        }
        return new Posted(timeline.one(tx, accountId, earlier.id()), true);
    }

    static MessageCreated created(long accountId, MessageView m) {
        return new MessageCreated(
                accountId,
                m.conversationId(),
                m.id(),
                MessageType.valueOf(m.messageType().toUpperCase(Locale.ROOT)),
                m.privateNote(),
                SenderType.valueOf(m.senderType().toUpperCase(Locale.ROOT)),
                m.sender() == null ? null : m.sender().id(),
                m.content(),
                m.createdAt());
    }

    static NotFound notFound() {
        return new NotFound("not_found", "No such conversation.");
    }
}
