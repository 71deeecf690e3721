package com.hummdesk.ai.remote;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.ClassificationGuard;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hosted model behind the {@link AiProvider} contract, never failing its caller: a transport failure is retried
 * with backoff (honouring Retry-After), an invalid answer is asked for once more, and whatever still fails is
 * answered by the local provider — at once while the circuit breaker is open. The result always names the provider
 * that produced it, so a fallback is stored as "local".
 *
 * <p>The breaker wraps the retries: one classification or draft is one breaker call, failed when every attempt failed.
 * Invalid output does not count against the breaker (the service answered; the model was wrong).
 */
public final class RemoteProvider implements AiProvider {
    static final String CLASSIFY = "classify";
    static final String DRAFT = "draft";
    private static final Logger log = LoggerFactory.getLogger(RemoteProvider.class);

    private final String name;
    private final StructuredChat chat;
    private final AiProvider local;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RemoteMetrics metrics;

    RemoteProvider(String name, StructuredChat chat, AiProvider local, RemoteSettings settings, MeterRegistry meters) {
        this.name = name;
        this.chat = chat;
        this.local = local;
        this.metrics = new RemoteMetrics(meters, name);
        var breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .ignoreExceptions(InvalidOutputException.class)
                .build());
        var retries = RetryRegistry.of(RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(t -> Failures.retryable(t)
                        && Failures.retryAfter(t)
                                .map(wait -> wait.compareTo(settings.maxRetryWait()) <= 0)
                                .orElse(true))
                .intervalBiFunction(backoff(settings))
                .build());
        this.breaker = breakers.circuitBreaker(name);
        this.retry = retries.retry(name);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    @Override
    public String name() {
        return name;
    }

    /** The breaker's state, for tests and the admin view: CLOSED, OPEN, HALF_OPEN. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public Classification classify(ClassificationContext context) {
        return attempt(
                CLASSIFY,
                Prompts.classify(context),
                (reply, started) -> ClassificationGuard.validate(
                        RemoteOutput.classification(reply.json(), context, name, reply.model(), millisSince(started)),
                        context),
                () -> local.classify(context));
    }

    @Override
    public Draft draft(DraftContext context) {
        return attempt(
                DRAFT,
                Prompts.draft(context),
                (reply, started) ->
                        RemoteOutput.draft(reply.json(), context, name, reply.model(), millisSince(started)),
                () -> local.draft(context));
    }

    private interface Reader<T> {
        T read(StructuredChat.Reply reply, long startedNanos);
    }

    private <T> T attempt(String operation, StructuredChat.Prompt prompt, Reader<T> reader, Supplier<T> fallback) {
        long started = System.nanoTime();
        var current = prompt;
        try {
            for (int round = 1; round <= 2; round++) {
                var sent = current;
                try {
                    var reply = breaker.executeSupplier(() -> retry.executeSupplier(() -> send(operation, sent)));
                    return reader.read(reply, started);
                } catch (InvalidOutputException e) {
                    metrics.failure(operation, "invalid_output");
                    log.warn("{} {}: invalid output ({}), round {} of 2", name, operation, e.getMessage(), round);
                    current = Prompts.retry(prompt, e.getMessage());
                }
            }
            return fallBack(operation, "invalid_output", fallback);
        } catch (CallNotPermittedException e) {
            return fallBack(operation, "breaker_open", fallback);
        } catch (RuntimeException e) {
            // One line, no stack: during an outage every message comes here.
            log.warn("{} {} failed ({}: {}); answering locally", name, operation, Failures.kind(e), rootMessage(e));
            return fallBack(operation, "error", fallback);
        }
    }

    private StructuredChat.Reply send(String operation, StructuredChat.Prompt prompt) {
        metrics.call(operation);
        try {
            return chat.complete(prompt);
        } catch (InvalidOutputException e) {
            throw e;
        } catch (RuntimeException e) {
            metrics.failure(operation, Failures.kind(e));
            throw e;
        }
    }

    private <T> T fallBack(String operation, String reason, Supplier<T> fallback) {
        metrics.fallback(operation, reason);
        return fallback.get();
    }

    /** Exponential from initialBackoff with ±50 % jitter; a Retry-After from the server is waited instead. */
    private static IntervalBiFunction<Object> backoff(RemoteSettings settings) {
        return (attempt, outcome) -> {
            if (outcome.isLeft()) {
                var hinted = Failures.retryAfter(outcome.getLeft());
                if (hinted.isPresent()) {
                    return hinted.get().toMillis();
                }
            }
            long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 10);
            long jittered = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
            return Math.max(1, jittered);
        };
    }

    private static String rootMessage(Throwable failure) {
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = String.valueOf(root.getMessage());
        return root.getClass().getSimpleName() + " " + (message.length() > 300 ? message.substring(0, 300) : message);
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
