package com.hummdesk.ai;

/**
 * Something that classifies customer messages and drafts replies. The local provider answers in-process with no key
 * and no network; hosted LLM providers (Claude, OpenAI-compatible) implement the same contract. Thread-safe.
 */
public interface AiProvider {
    /** Classifies the context's message. Never throws for odd input: the worst case is a low-confidence answer. */
    Classification classify(ClassificationContext context);

    /**
     * Drafts a reply grounded in the context's passages. Never throws for odd input: with no relevant passage the
     * draft asks a clarifying question or hands over, with low confidence.
     */
    default Draft draft(DraftContext context) {
        throw new UnsupportedOperationException(name() + " does not draft replies");
    }

    /** Short name recorded with each result ("local", ...). */
    String name();
}
