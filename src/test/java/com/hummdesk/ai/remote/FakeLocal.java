package com.hummdesk.ai.remote;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.ai.CategoryDefinition;
import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.ai.HistoryTurn;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import com.hummdesk.ai.TeamRef;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for the local provider: a fixed, recognisable answer, and a count of how often it was asked. */
final class FakeLocal implements AiProvider {
    final AtomicInteger classifications = new AtomicInteger();
    final AtomicInteger drafts = new AtomicInteger();

    static final ClassificationContext CONTEXT = new ClassificationContext(
            "I was charged twice for my subscription this month, please fix it.",
            List.of(new HistoryTurn("contact", "Hello?"), new HistoryTurn("agent", "Hi! How can I help?")),
            List.of("2025-01: asked about invoices"),
            List.of(
                    new CategoryDefinition("billing", "Invoices, charges and refunds", List.of("Refund my order"), 1L),
                    new CategoryDefinition("technical", "Bugs, outages, login trouble", List.of(), 2L),
                    new CategoryDefinition("general", "Anything else", List.of(), null)),
            List.of(new TeamRef(1, "Billing"), new TeamRef(2, "Support")),
            List.of("en", "fi"));

    static final List<KnowledgePassage> PASSAGES = List.of(
            new KnowledgePassage(
                    42, 420, "Duplicate charges", "Duplicate charges are refunded within 5 business days.", 0.91),
            new KnowledgePassage(7, 70, "Refund policy", "Refunds go back to the original payment method.", 0.77));

    static DraftContext draftContext() {
        var classification = new Classification(
                "billing", Priority.HIGH, Sentiment.NEGATIVE, "en", 0.9, "charged twice", 1L, "local", "m", 1);
        return new DraftContext(
                CONTEXT.messageText(),
                CONTEXT.history(),
                classification,
                PASSAGES,
                "en",
                "Never promise refunds over 500 EUR.");
    }

    @Override
    public Classification classify(ClassificationContext context) {
        classifications.incrementAndGet();
        return new Classification(
                context.categories().getFirst().name(),
                Priority.NORMAL,
                Sentiment.NEUTRAL,
                "en",
                0.5,
                "local answer",
                null,
                "local",
                "local-model",
                1);
    }

    @Override
    public Draft draft(DraftContext context) {
        drafts.incrementAndGet();
        return new Draft("Local draft.", 0.4, "local answer", List.of(), "local", "local-model", 1);
    }

    @Override
    public String name() {
        return "local";
    }
}
