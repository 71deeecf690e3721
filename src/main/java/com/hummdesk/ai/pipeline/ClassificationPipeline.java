package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.ClassificationGuard;
import com.hummdesk.conversations.ConversationClassifications;
import com.hummdesk.conversations.Priority;
import com.hummdesk.jobs.Job;
import com.hummdesk.jobs.JobHandler;
import com.hummdesk.jobs.JobQueue;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.routing.Router;
import com.hummdesk.routing.RoutingOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ai.classify} job: read the message and its context, classify it (outside any transaction: a remote
 * provider may take seconds), then in one transaction store the classification, record it on the conversation and
 * enqueue the draft job; after commit announce it, and when it is confident enough and nobody has the conversation,
 * route it. Idempotent: a message has at most one pipeline classification, and a job that runs again after a crash
 * finds it and only repeats the announcement and the (idempotent) routing.
 */
final class ClassificationPipeline implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(ClassificationPipeline.class);

    private final Database db;
    private final EventBus events;
    private final JobQueue jobs;
    private final AiProviders providers;
    private final ConversationClassifications conversations;
    private final Router router;
    private final AccountAi accounts;
    private final ContextBuilder contexts;
    private final AiMetrics metrics;
    private final TriageFinder finder = new TriageFinder();
    private final ClassificationRepository classifications = new ClassificationRepository();

    /** What the read transaction found: the message's context, or its earlier classification. */
    private record Prepared(
            TriageFinder.Message message,
            AiSettings settings,
            ClassificationContext context,
            ClassificationRepository.Stored earlier) {}

    /**
     * What the write transaction did. {@code route}: the conversation may need routing (nobody had it when this
     * committed, or an earlier run's routing may not have happened); {@code fresh}: this run stored it.
     */
    private record Recorded(ClassificationRepository.Stored stored, boolean route, boolean fresh) {}

    ClassificationPipeline(
            Database db,
            EventBus events,
            JobQueue jobs,
            AiProviders providers,
            ConversationClassifications conversations,
            Router router,
            AccountAi accounts,
            ContextBuilder contexts,
            AiMetrics metrics) {
        this.db = db;
        this.events = events;
        this.jobs = jobs;
        this.providers = providers;
        this.conversations = conversations;
        this.router = router;
        this.accounts = accounts;
        this.contexts = contexts;
        this.metrics = metrics;
    }

    @Override
    public String type() {
        return ClassifyJob.TYPE;
    }

    @Override
    public void handle(Job job) {
        var payload = job.payloadAs(ClassifyJob.class);
        classify(job.accountId(), payload.messageId());
    }

    /** Classifies a customer's message (the job's work, callable directly in tests). */
    void classify(long accountId, long messageId) {
        var prepared = db.inAccount(accountId, tx -> {
            var message = finder.message(tx, accountId, messageId).orElse(null);
            if (message == null) {
                return null;
            }
            var settings = accounts.settings(tx, accountId);
            var earlier = classifications.findPipeline(tx, accountId, messageId).orElse(null);
            var context = earlier == null ? contexts.build(tx, accountId, message, settings) : null;
            return new Prepared(message, settings, context, earlier);
        });
        if (prepared == null) {
            log.info("Message {} of account {} is gone; nothing to classify", messageId, accountId);
            return;
        }
        var recorded = prepared.earlier() != null
                ? new Recorded(prepared.earlier(), true, false)
                : classifyAndRecord(accountId, prepared);
        if (recorded == null) {
            return;
        }
        var stored = recorded.stored();
        var c = stored.classification();
        long conversationId = prepared.message().conversationId();
        events.publish(new ConversationClassified(
                accountId,
                conversationId,
                messageId,
                c.category(),
                c.priority().wire(),
                c.sentiment().wire(),
                c.language(),
                c.confidence(),
                c.reasoning(),
                c.provider(),
                c.model(),
                c.suggestedTeamId()));
        if (recorded.route() && c.confidence() >= prepared.settings().confidenceThreshold()) {
            autoAssign(accountId, conversationId, stored.id());
        }
    }

    private Recorded classifyAndRecord(long accountId, Prepared prepared) {
        var provider = providers.forAccount(prepared.settings().provider());
        long started = System.nanoTime();
        var result = ClassificationGuard.validate(provider.classify(prepared.context()), prepared.context());
        var took = Duration.ofNanos(System.nanoTime() - started);
        var message = prepared.message();
        var recorded = db.inAccount(accountId, tx -> {
            var current = conversations.lock(tx, accountId, message.conversationId());
            if (current.isEmpty()) {
                return null;
            }
            var id = classifications.insertPipeline(tx, accountId, message.conversationId(), message.id(), result);
            if (id.isEmpty()) {
                // Another run of this job got here first and did all of this.
                return new Recorded(
                        classifications
                                .findPipeline(tx, accountId, message.id())
                                .orElseThrow(),
                        false,
                        false);
            }
            boolean corrected = classifications.corrected(tx, accountId, message.conversationId());
            conversations.record(tx, accountId, message.conversationId(), fields(result, current.get(), corrected));
            jobs.enqueue(
                    tx,
                    accountId,
                    ClassifyJob.Draft.TYPE,
                    new ClassifyJob.Draft(message.conversationId(), message.id()));
            return new Recorded(
                    new ClassificationRepository.Stored(id.get(), result),
                    current.get().assigneeId() == null,
                    true);
        });
        if (recorded != null && recorded.fresh()) {
            metrics.classified(result.provider(), ClassificationRepository.PIPELINE, took);
        }
        return recorded;
    }

    /**
     * The conversation's first classification sets its priority; later ones only raise it (a "thanks!" must not
     * lower an urgent conversation). An agent's category correction is never overwritten.
     */
    static ConversationClassifications.Fields fields(
            Classification c, ConversationClassifications.Current current, boolean corrected) {
        var suggested = Priority.valueOf(c.priority().name());
        Priority priority;
        if (current.aiCategory() == null) {
            priority = suggested == current.priority() ? null : suggested;
        } else {
            priority = suggested.compareTo(current.priority()) > 0 ? suggested : null;
        }
        return new ConversationClassifications.Fields(
                corrected ? null : c.category(),
                c.sentiment().wire(),
                c.language(),
                c.confidence(),
                c.reasoning(),
                c.provider(),
                priority);
    }

    private void autoAssign(long accountId, long conversationId, long classificationId) {
        var outcome = router.route(accountId, conversationId);
        if (outcome.result() == RoutingOutcome.Result.ASSIGNED) {
            db.runInAccount(
                    accountId,
                    tx -> classifications.markAutoAssigned(tx, accountId, classificationId, outcome.assigneeId()));
            metrics.autoAssigned();
        }
    }
}
