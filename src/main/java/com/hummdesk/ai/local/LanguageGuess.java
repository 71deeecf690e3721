package com.hummdesk.ai.local;

/**
 * A detected language (ISO 639-1), its margin over the runner-up in Lingua's relative confidences (0..1), and how it
 * was decided (for the reasoning).
 */
record LanguageGuess(String code, double confidence, String how) {}
