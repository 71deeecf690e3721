package com.hummdesk.ai.local;

import com.hummdesk.ai.pipeline.LocalModels;

/**
 * The real models, loaded once for all AI tests in the test JVM (about 2 s and 170 MB; never mocked: the point of
 * these tests is what the models actually do). The same instance the test apps' pipelines use, so the JVM holds
 * the models once.
 */
public final class Models {
    public static final LocalProvider PROVIDER =
            LocalModels.shared(LanguageDetector.DEFAULT_LANGUAGES, false).get();

    private Models() {}
}
