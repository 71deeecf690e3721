package com.hummdesk.ai.eval;

/** One classified row for calibration: the raw category evidence, the confidence given, and whether it was right. */
public record CalibrationPoint(double score, double margin, double confidence, boolean correct) {}
