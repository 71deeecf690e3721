package com.hummdesk.drafts;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.Unprocessable;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts: generating them (the job and regeneration), listing, feedback and stats. Retrieval and the provider run
 * between two short transactions, never inside one: a hosted provider may take seconds.
 */
final class DraftService {
    private static final Logger log = LoggerFactory.getLogger(DraftService.class);
    static final int PASSAGES = 5;
    static final int LIST_LIMIT = 50;
    static final int MAX_FINAL_TEXT = 10_000;

    /** Everything loaded for one draft in the first transaction. */
    private record Source(long messageId, String message, DraftContext context) {}

    private final Database db;
    private final EventBus events;
    private final AiProvider provider;
    private final PassageRetriever retriever;
    private final DraftPolicies policies;
    private final DraftMetrics metrics;
    private final DraftRepository drafts = new DraftRepository();
    private final DraftSourceFinder sources = new DraftSourceFinder();

    DraftService(
            Database db,
            EventBus events,
            AiProvider provider,
            PassageRetriever retriever,
            DraftPolicies policies,
            DraftMetrics metrics) {
        this.db = db;
        this.events = events;
        this.provider = provider;
        this.retriever = retriever;
        this.policies = policies;
        this.metrics = metrics;
    }

    /**
     * The job's work: the pipeline's draft for one customer message. Empty when the message already has one (a
     * repeated job) or is not a public customer message of that conversation any more (nothing to answer).
     */
    Optional<StoredDraft> draftForMessage(long accountId, long conversationId, long messageId) {
        var source = db.inAccount(accountId, tx -> {
            if (drafts.hasPipelineDraft(tx, accountId, messageId)) {
                return Optional.<Source>empty();
            }
            return load(tx, accountId, conversationId, messageId);
        });
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return generate(accountId, conversationId, messageId, DraftRepository.PIPELINE, null, source.get());
    }

    /** A new draft for the conversation's latest customer message, on an agent's request. */
    StoredDraft regenerate(CurrentUser user, Long conversationId) {
        new FieldErrors().required(conversationId, "conversationId").throwIfAny();
        long accountId = user.accountId();
        var loaded = db.inAccount(accountId, tx -> {
            if (!sources.conversationExists(tx, accountId, conversationId)) {
                throw conversationNotFound();
            }
            var messageId = sources.latestCustomerMessage(tx, accountId, conversationId)
                    .orElseThrow(() -> new Unprocessable(
                            "no_customer_message", "The conversation has no customer message to draft a reply to."));
            return load(tx, accountId, conversationId, messageId).orElseThrow();
        });
        return generate(
                        accountId,
                        conversationId,
                        loaded.messageId(),
                        DraftRepository.REGENERATED,
                        user.userId(),
                        loaded)
                .orElseThrow();
    }

    DraftList list(CurrentUser user, Long conversationId) {
        if (conversationId == null) {
            throw new BadRequest("invalid_parameter", "conversationId is required", Map.of("field", "conversationId"));
        }
        return db.inAccount(user.accountId(), tx -> {
            if (!sources.conversationExists(tx, user.accountId(), conversationId)) {
                throw conversationNotFound();
            }
            return new DraftList(drafts.latest(tx, user.accountId(), conversationId, LIST_LIMIT));
        });
    }

    StoredDraft feedback(CurrentUser user, long draftId, String outcomeText, String finalText) {
        new FieldErrors()
                .required(outcomeText, "outcome")
                .maxLength(finalText, MAX_FINAL_TEXT, "finalText")
                .throwIfAny();
        var outcome = Enums.parse(FeedbackOutcome.class, "outcome", outcomeText.trim());
        if (outcome == FeedbackOutcome.EDITED) {
            new FieldErrors().required(finalText, "finalText").throwIfAny();
        }
        long accountId = user.accountId();
        var draft = db.inAccount(accountId, tx -> drafts.find(tx, accountId, draftId))
                .orElseThrow(DraftService::draftNotFound);
        if (draft.status() != DraftStatus.PENDING) {
            throw alreadyRecorded(draft);
        }
        // Computed between the transactions: two long texts take a noticeable fraction of a second.
        String sent = finalText;
        Double distance = null;
        if (outcome == FeedbackOutcome.ACCEPTED && (finalText == null || finalText.isBlank())) {
            sent = draft.content();
            distance = 0.0;
        } else if (outcome != FeedbackOutcome.REJECTED) {
            distance = EditDistance.normalised(draft.content(), finalText);
        }
        var recordedText = sent;
        var recordedDistance = distance;
        var updated = db.inAccount(
                        accountId,
                        tx -> drafts.recordFeedback(
                                tx,
                                accountId,
                                draftId,
                                outcome.status(),
                                recordedText,
                                recordedDistance,
                                user.userId()))
                .orElseThrow(() -> alreadyRecorded(draft));
        metrics.feedback(updated);
        return updated;
    }

    DraftStats stats(CurrentUser user) {
        return db.inAccount(user.accountId(), tx -> drafts.stats(tx, user.accountId()));
    }

    private Optional<Source> load(org.jooq.DSLContext tx, long accountId, long conversationId, long messageId) {
        var message = sources.customerMessage(tx, accountId, conversationId, messageId);
        var facts = sources.conversation(tx, accountId, conversationId);
        if (message.isEmpty() || facts.isEmpty()) {
            return Optional.empty();
        }
        var history = sources.history(tx, accountId, conversationId, messageId);
        var context = new DraftContext(
                message.get(),
                history,
                facts.get().classification(),
                List.of(),
                facts.get().language(),
                "");
        return Optional.of(new Source(messageId, message.get(), context));
    }

    private Optional<StoredDraft> generate(
            long accountId, long conversationId, long messageId, String origin, Long requestedBy, Source source) {
        var passages = retriever.retrieve(accountId, source.message(), PASSAGES);
        var base = source.context();
        var context = new DraftContext(
                base.messageText(),
                base.history(),
                base.classification(),
                passages,
                base.language(),
                policies.policiesFor(accountId));
        var draft = provider.draft(context);
        var stored = db.inAccount(
                accountId, tx -> drafts.insert(tx, accountId, conversationId, messageId, origin, requestedBy, draft));
        if (stored.isEmpty()) {
            log.info("Message {} of account {} already has a draft; this one is dropped", messageId, accountId);
            return stored;
        }
        metrics.generated(stored.get());
        events.publish(DraftGenerated.of(accountId, stored.get()));
        return stored;
    }

    private static Conflict alreadyRecorded(StoredDraft draft) {
        return new Conflict(
                "feedback_already_recorded",
                "Feedback on this draft was already recorded (" + draft.status().wire() + ").");
    }

    private static NotFound conversationNotFound() {
        return new NotFound("not_found", "No such conversation.");
    }

    private static NotFound draftNotFound() {
        return new NotFound("not_found", "No such draft.");
    }
}
