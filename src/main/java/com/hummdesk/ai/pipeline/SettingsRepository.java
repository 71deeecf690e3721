package com.hummdesk.ai.pipeline;

import static com.hummdesk.platform.db.generated.Tables.AI_SETTINGS;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for ai_settings: one row per account, written on first use. */
final class SettingsRepository {

    record Row(AiSettings settings, boolean categoriesSeeded) {}

    Optional<Row> find(DSLContext tx, long accountId) {
        var s = AI_SETTINGS;
        return tx.select(s.PROVIDER, s.CONFIDENCE_THRESHOLD, s.LANGUAGES, s.POLICIES, s.CATEGORIES_SEEDED)
                .from(s)
                .where(s.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new Row(
                        new AiSettings(r.value1(), fourDigits(r.value2()), List.of(r.value3()), r.value4()),
                        r.value5()));
    }

    /** REAL keeps ~7 digits: 0.85 comes back as 0.8500000238, which a confidence of exactly 0.85 would miss. */
    private static double fourDigits(float value) {
        return Math.round(value * 10_000d) / 10_000d;
    }

    void save(DSLContext tx, long accountId, AiSettings settings) {
        var s = AI_SETTINGS;
        var languages = settings.languages().toArray(String[]::new);
        tx.insertInto(s)
                .set(s.ACCOUNT_ID, accountId)
                .set(s.PROVIDER, settings.provider())
                .set(s.CONFIDENCE_THRESHOLD, (float) settings.confidenceThreshold())
                .set(s.LANGUAGES, languages)
                .set(s.POLICIES, settings.policies())
                .onConflict(s.ACCOUNT_ID)
                .doUpdate()
                .set(s.PROVIDER, settings.provider())
                .set(s.CONFIDENCE_THRESHOLD, (float) settings.confidenceThreshold())
                .set(s.LANGUAGES, languages)
                .set(s.POLICIES, settings.policies())
                .set(s.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /**
     * Marks the account's default categories as created; true for exactly one caller (the one that must create
     * them), however many transactions race: the row lock makes the others re-check and find it done.
     */
    boolean claimSeeding(DSLContext tx, long accountId) {
        var s = AI_SETTINGS;
        return tx.insertInto(s)
                        .set(s.ACCOUNT_ID, accountId)
                        .set(s.CATEGORIES_SEEDED, true)
                        .onConflict(s.ACCOUNT_ID)
                        .doUpdate()
                        .set(s.CATEGORIES_SEEDED, true)
                        .where(s.CATEGORIES_SEEDED.isFalse())
                        .execute()
                > 0;
    }
}
