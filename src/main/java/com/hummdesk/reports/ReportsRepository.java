package com.hummdesk.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The reports' SQL, aggregated in the database. Reads conversations, messages, ai_classifications, ai_corrections
 * and ai_drafts read-only (other features' tables). Every statement filters on the account and a created_at range,
 * served by the (account_id, created_at) indexes (conversations_account_created_idx, and V13's for the AI tables).
 */
final class ReportsRepository {

    /** The instants of a range: [start, end), the days' midnights in the report's time zone. */
    record Window(
            long accountId, OffsetDateTime start, OffsetDateTime end, String zone, LocalDate from, LocalDate to) {}

    // Counted per local day first, then joined to every day of the range so that quiet days show as zeros.
    private static final String BY_DAY = """
            with counts as (
                select (c.created_at at time zone ?)::date as day, count(*) as n
                from conversations c
                where c.account_id = ? and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
                group by 1)
            select d::date as day, coalesce(counts.n, 0) as n
            from generate_series(?::date, ?::date, interval '1 day') d
            left join counts on counts.day = d::date
            order by 1
            """;

    private static final String BY_KEY = """
            select coalesce(c.%s, 'unclassified') as key, count(*) as n
            from conversations c
            where c.account_id = ? and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
            group by 1
            order by 2 desc, 1
            """;

    // From the conversation's first customer message to first_reply_at (kept by conversations at the first public
    // agent reply). A conversation an agent opened before the customer wrote has no response time to measure.
    private static final String FIRST_RESPONSE = """
            select count(*) as n,
                   percentile_cont(0.5) within group (order by s) as median,
                   percentile_cont(0.9) within group (order by s) as p90
            from (
                select extract(epoch from c.first_reply_at - fm.created_at)::double precision as s
                from conversations c
                cross join lateral (
                    select m.created_at from messages m
                    where m.account_id = c.account_id and m.conversation_id = c.id and m.message_type = 'incoming'
                    order by m.id
                    limit 1) fm
                where c.account_id = ? and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
                  and c.first_reply_at is not null and c.first_reply_at >= fm.created_at) t
            """;

    // Conversations that are resolved now, from creation to resolution.
    private static final String RESOLUTION = """
            select count(*) as n,
                   percentile_cont(0.5) within group (order by s) as median,
                   percentile_cont(0.9) within group (order by s) as p90
            from (
                select extract(epoch from c.resolved_at - c.created_at)::double precision as s
                from conversations c
                where c.account_id = ? and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
                  and c.status = 'resolved' and c.resolved_at is not null) t
            """;

    private static final String CLASSIFIED = """
            select count(distinct a.conversation_id) as classified,
                   count(distinct a.conversation_id) filter (where a.auto_assigned) as auto_assigned
            from ai_classifications a
            where a.account_id = ? and a.source = 'pipeline' and a.created_at >= ?::timestamptz and a.created_at < ?::timestamptz
            """;

    // Only conversations the pipeline classified in the range count, so corrected never exceeds classified.
    private static final String CORRECTED = """
            select count(distinct k.conversation_id)
            from ai_corrections k
            where k.account_id = ? and k.created_at >= ?::timestamptz and k.created_at < ?::timestamptz
              and exists (
                select 1 from ai_classifications a
                where a.account_id = k.account_id and a.conversation_id = k.conversation_id
                  and a.source = 'pipeline' and a.created_at >= ?::timestamptz and a.created_at < ?::timestamptz)
            """;

    private static final String DRAFTS = """
            select count(*) as total,
                   count(*) filter (where d.status = 'accepted') as accepted,
                   count(*) filter (where d.status = 'edited') as edited,
                   count(*) filter (where d.status = 'rejected') as rejected
            from ai_drafts d
            where d.account_id = ? and d.created_at >= ?::timestamptz and d.created_at < ?::timestamptz
            """;

    List<ReportOverview.DayCount> volumeByDay(DSLContext tx, Window w) {
        return tx.resultQuery(BY_DAY, w.zone(), w.accountId(), w.start(), w.end(), w.from(), w.to())
                .fetch(r -> new ReportOverview.DayCount(r.get("day", LocalDate.class), r.get("n", Long.class)));
    }

    List<ReportOverview.KeyCount> volumeByCategory(DSLContext tx, Window w) {
        return byKey(tx, w, "ai_category");
    }

    List<ReportOverview.KeyCount> volumeBySentiment(DSLContext tx, Window w) {
        return byKey(tx, w, "ai_sentiment");
    }

    ReportOverview.Durations firstResponse(DSLContext tx, Window w) {
        return durations(tx, FIRST_RESPONSE, w);
    }

    ReportOverview.Durations resolution(DSLContext tx, Window w) {
        return durations(tx, RESOLUTION, w);
    }

    ReportOverview.Ai ai(DSLContext tx, Window w) {
        var classified =
                tx.resultQuery(CLASSIFIED, w.accountId(), w.start(), w.end()).fetchSingle();
        long total = classified.get("classified", Long.class);
        long autoAssigned = classified.get("auto_assigned", Long.class);
        long corrected = tx.resultQuery(CORRECTED, w.accountId(), w.start(), w.end(), w.start(), w.end())
                .fetchSingle()
                .get(0, Long.class);
        var d = tx.resultQuery(DRAFTS, w.accountId(), w.start(), w.end()).fetchSingle();
        long accepted = d.get("accepted", Long.class);
        long edited = d.get("edited", Long.class);
        long rejected = d.get("rejected", Long.class);
        long withFeedback = accepted + edited + rejected;
        var drafts = new ReportOverview.Drafts(
                d.get("total", Long.class),
                withFeedback,
                accepted,
                edited,
                rejected,
                ReportOverview.rate(accepted, withFeedback),
                ReportOverview.rate(edited, withFeedback),
                ReportOverview.rate(rejected, withFeedback));
        return new ReportOverview.Ai(
                total,
                autoAssigned,
                ReportOverview.rate(autoAssigned, total),
                corrected,
                ReportOverview.rate(corrected, total),
                drafts);
    }

    private static List<ReportOverview.KeyCount> byKey(DSLContext tx, Window w, String column) {
        // column is one of two constants above, never input.
        return tx.resultQuery(BY_KEY.formatted(column), w.accountId(), w.start(), w.end())
                .fetch(r -> new ReportOverview.KeyCount(r.get("key", String.class), r.get("n", Long.class)));
    }

    private static ReportOverview.Durations durations(DSLContext tx, String sql, Window w) {
        var r = tx.resultQuery(sql, w.accountId(), w.start(), w.end()).fetchSingle();
        return new ReportOverview.Durations(
                r.get("n", Long.class), round(r.get("median", Double.class)), round(r.get("p90", Double.class)));
    }

    private static Double round(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }
}
