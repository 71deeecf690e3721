package com.hummdesk.ai.eval;

import java.util.List;

/**
 * banking77 at one few-shot size: the scores, calibration points, each classify call's wall-clock latency (ms) and
 * the process CPU time per call on average (ms; all threads, the ONNX runtime's included). CPU time is what a call
 * costs whatever else the machine runs; wall-clock time includes waiting for a core.
 */
public record FewShotResult(
        int shots, Scores scores, List<CalibrationPoint> points, double[] latenciesMs, double cpuMsPerCall) {}
