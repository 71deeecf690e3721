package com.hummdesk.ai.local;

/**
 * The real models, loaded once for all AI tests in the test JVM (about 2 s and 170 MB; never mocked: the point of
 * these tests is what the models actually do).
 */
public final class Models {
    public static final LocalProvider PROVIDER = LocalProvider.create(LanguageDetector.DEFAULT_LANGUAGES);

    private Models() {}
}
