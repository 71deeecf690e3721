package com.hummdesk.ai;

/**
 * Something that classifies customer messages. The local provider answers in-process with no key and no network;
 * a hosted LLM provider can implement the same contract later. Implementations are thread-safe.
 */
public interface AiProvider {
    /** Classifies the context's message. Never throws for odd input: the worst case is a low-confidence answer. */
    Classification classify(ClassificationContext context);

    /** Short name recorded with each result ("local", ...). */
    String name();
}
