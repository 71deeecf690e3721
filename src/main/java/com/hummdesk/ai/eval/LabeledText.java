package com.hummdesk.ai.eval;

/** One evaluation row: a text and its gold label. */
public record LabeledText(String text, String label) {}
