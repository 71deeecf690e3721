package com.hummdesk.ai.local;

/**
 * The one {@link SentenceEncoder} of the process, loaded on first use: loading takes a second or more and ~150 MB,
 * so features (and every App a test suite starts in one JVM) share it rather than each loading their own.
 */
public final class SharedEncoder {
    private SharedEncoder() {}

    private static final class Holder {
        static final SentenceEncoder INSTANCE = new SentenceEncoder();
    }

    public static SentenceEncoder get() {
        return Holder.INSTANCE;
    }
}
