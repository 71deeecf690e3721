package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.ai.local.LocalDraftProvider;
import com.hummdesk.ai.local.LocalProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local provider's models, loaded once per JVM (about 5 s and a few hundred MB) and shared by every app in it
 * (several test apps, nodes of a multi-node test). Loading starts in the background ({@link #preload}) or on first
 * use; classifications wait for it. As an {@link AiProvider} it is the local provider, whatever its loading state.
 */
public final class LocalModels implements AiProvider {
    private static final Logger log = LoggerFactory.getLogger(LocalModels.class);
    private static final LocalDraftProvider DRAFTS = new LocalDraftProvider();
    private static final ConcurrentMap<String, LocalModels> SHARED = new ConcurrentHashMap<>();
    /** Longer than a cold load on a busy 2-core machine; a job that still times out is retried. */
    static final Duration CLASSIFY_WAIT = Duration.ofMinutes(2);

    private final List<String> languages;
    private final boolean lowAccuracy;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<LocalProvider> loaded = new CompletableFuture<>();

    private LocalModels(List<String> languages, boolean lowAccuracy) {
        this.languages = List.copyOf(languages);
        this.lowAccuracy = lowAccuracy;
    }

    /** The JVM's models for these languages and accuracy mode (not loaded yet unless someone asked). */
    public static LocalModels shared(List<String> languages, boolean lowAccuracy) {
        return SHARED.computeIfAbsent(
                String.join(",", languages) + (lowAccuracy ? ":low" : ":high"),
                key -> new LocalModels(languages, lowAccuracy));
    }

    /** Starts loading on a background thread, once; returns at once. */
    public LocalModels preload() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("ai-models").start(this::load);
        }
        return this;
    }

    /** The loaded provider, loading it in this thread if nobody started yet; waits at most {@code timeout}. */
    public LocalProvider provider(Duration timeout) {
        if (started.compareAndSet(false, true)) {
            load();
        }
        try {
            return loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ModelsNotReady("The AI models are still loading; try again in a few seconds.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("The AI models could not be loaded", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelsNotReady("Interrupted while waiting for the AI models.");
        }
    }

    /** Blocks until loaded (tests, evaluation). */
    public LocalProvider get() {
        return provider(Duration.ofMinutes(10));
    }

    public boolean ready() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    public List<String> languages() {
        return languages;
    }

    @Override
    public Classification classify(ClassificationContext context) {
        return provider(CLASSIFY_WAIT).classify(context);
    }

    /** Drafts need none of the models: a remote provider's fallback drafts here without waiting for them. */
    @Override
    public Draft draft(DraftContext context) {
        return DRAFTS.draft(context);
    }

    @Override
    public String name() {
        return LocalProvider.NAME;
    }

    private void load() {
        long start = System.nanoTime();
        try {
            loaded.complete(LocalProvider.create(languages, lowAccuracy));
            log.info(
                    "AI models loaded in {} ms ({} languages{})",
                    (System.nanoTime() - start) / 1_000_000,
                    languages.size(),
                    lowAccuracy ? ", low accuracy" : "");
        } catch (RuntimeException | Error e) {
            log.error("Could not load the AI models", e);
            loaded.completeExceptionally(e);
            return;
        }
        try {
            // Classifications run meanwhile; the first one the sentiment's first layer is unsure of would wait.
            loaded.join().loadSecondSentimentLayer();
        } catch (RuntimeException | LinkageError e) {
            log.error(
                    "Could not load the sentiment model's second encoder (e5); sentiment keeps to its first layer", e);
        }
    }

    /** The models are not loaded yet (a request answers 503, a job retries). */
    public static final class ModelsNotReady extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModelsNotReady(String message) {
            super(message);
        }
    }
}
