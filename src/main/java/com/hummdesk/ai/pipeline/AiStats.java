package com.hummdesk.ai.pipeline;

/**
 * GET /api/ai/stats. classified: conversations the pipeline classified; corrected: those of them an agent then
 * re-categorised; correctedRate = corrected / classified (0 when none); autoAssigned: pipeline classifications that
 * assigned their conversation; corrections: every category change by an agent; manualClassifications: POST
 * /api/ai/classify calls.
 */
public record AiStats(
        long classified,
        long corrected,
        double correctedRate,
        long autoAssigned,
        long corrections,
        long manualClassifications) {}
