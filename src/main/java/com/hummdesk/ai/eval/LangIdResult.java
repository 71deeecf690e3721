package com.hummdesk.ai.eval;

/** Language identification over all rows and over the rows of 20 or more characters. */
public record LangIdResult(Scores all, Scores atLeast20Chars, double p50Ms) {}
