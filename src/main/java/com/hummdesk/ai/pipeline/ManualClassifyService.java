package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.ClassificationGuard;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.ServiceUnavailable;
import com.hummdesk.platform.security.CurrentUser;
import java.time.Duration;

/**
 * POST /api/ai/classify: classifies one of the account's messages now, with the account's provider, and keeps the
 * answer in the history as a manual classification. The conversation itself is left as it is.
 */
final class ManualClassifyService {
    private final Database db;
    private final AiProviders providers;
    private final AccountAi accounts;
    private final ContextBuilder contexts;
    private final AiMetrics metrics;
    private final TriageFinder finder = new TriageFinder();
    private final ClassificationRepository classifications = new ClassificationRepository();

    ManualClassifyService(
            Database db, AiProviders providers, AccountAi accounts, ContextBuilder contexts, AiMetrics metrics) {
        this.db = db;
        this.providers = providers;
        this.accounts = accounts;
        this.contexts = contexts;
        this.metrics = metrics;
    }

    ClassificationView classify(CurrentUser user, long messageId) {
        long accountId = user.accountId();
        record Found(TriageFinder.Message message, AiSettings settings, com.hummdesk.ai.ClassificationContext ctx) {}
        var found = db.inAccount(accountId, tx -> finder.message(tx, accountId, messageId)
                        .map(m -> {
                            var settings = accounts.settings(tx, accountId);
                            return new Found(m, settings, contexts.build(tx, accountId, m, settings));
                        }))
                .orElseThrow(() -> new NotFound("not_found", "No such message."));
        long started = System.nanoTime();
        com.hummdesk.ai.Classification result;
        try {
            var provider = providers.forAccount(found.settings().provider());
            result = ClassificationGuard.validate(provider.classify(found.ctx()), found.ctx());
        } catch (LocalModels.ModelsNotReady e) {
            throw new ServiceUnavailable("ai_loading", e.getMessage());
        }
        metrics.classified(
                result.provider(), ClassificationRepository.MANUAL, Duration.ofNanos(System.nanoTime() - started));
        var message = found.message();
        db.runInAccount(
                accountId,
                tx -> classifications.insertManual(
                        tx, accountId, message.conversationId(), message.id(), result, user.userId()));
        return ClassificationView.of(result);
    }

    AiStats stats(CurrentUser user) {
        return db.inAccount(user.accountId(), tx -> classifications.stats(tx, user.accountId()));
    }
}
