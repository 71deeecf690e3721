package com.hummdesk.ai.eval;

/** Precision, recall and F1 of one class, with its number of gold rows. */
public record ClassFigures(String label, double precision, double recall, double f1, int support) {}
