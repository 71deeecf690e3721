package com.hummdesk.reports;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The overview's numbers, worked out by hand from conversations, messages and AI rows written at known times. */
class ReportsRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final String WEEK = "/api/reports/overview?from=2026-03-01&to=2026-03-07";
    private static Fixtures.Tenant acme;
    private static Fixtures.Tenant globex;

    @BeforeAll
    static void data() {
        acme = Fixtures.tenant(app, "Reports Acme");
        globex = Fixtures.tenant(app, "Reports Globex");
        var a = new Data(acme.accountId());
        // created, category, sentiment, first customer message, first reply, resolved
        long c1 = a.conversation(
                "2026-03-01T10:00:00Z", "billing", "negative", "2026-03-01T10:01:00Z", "2026-03-01T12:00:00Z");
        long c2 = a.conversation("2026-03-01T20:00:00Z", "billing", "neutral", "2026-03-01T20:05:00Z", null);
        long c3 = a.conversation("2026-03-03T08:00:00Z", null, null, "2026-03-03T09:00:00Z", "2026-03-04T08:00:00Z");
        long c4 = a.conversation("2026-03-05T23:30:00Z", "technical", "positive", null, null);
        // The evening before the range in UTC, already 1 March in Helsinki.
        long c5 = a.conversation("2026-02-28T23:00:00Z", "billing", "neutral", null, null);
        // An agent wrote first: no customer message to measure a response from.
        long c6 = a.conversation("2026-03-02T09:00:00Z", "billing", "neutral", null, null);
        a.message(c6, "outgoing", "2026-03-02T09:00:00Z");
        a.sql("update conversations set first_reply_at = '2026-03-02T09:00:00Z' where account_id = ? and id = ?", c6);
        a.sql("delete from messages where account_id = ? and conversation_id = ? and message_type = 'incoming'", c6);

        a.classification(c1, true, "2026-03-01T10:00:05Z");
        a.classification(c1, false, "2026-03-01T10:30:00Z");
        a.classification(c2, false, "2026-03-01T20:00:05Z");
        a.classification(c3, true, "2026-03-03T08:00:05Z");
        a.manualClassification(c4, "2026-03-05T23:31:00Z");
        a.classification(c5, true, "2026-02-28T23:00:05Z"); // before the range
        a.correction(c2, "2026-03-02T08:00:00Z");
        a.correction(c4, "2026-03-06T08:00:00Z"); // never classified by the pipeline: not counted
        a.draft(c1, "accepted", "2026-03-01T10:00:10Z");
        a.draft(c1, "accepted", "2026-03-01T10:30:10Z");
        a.draft(c2, "edited", "2026-03-01T20:00:10Z");
        a.draft(c3, "rejected", "2026-03-03T08:00:10Z");
        a.draft(c4, "pending", "2026-03-05T23:30:10Z");
        a.draft(c5, "accepted", "2026-02-28T23:00:10Z"); // before the range

        var g = new Data(globex.accountId());
        long other = g.conversation("2026-03-02T10:00:00Z", "billing", "frustrated", "2026-03-02T10:00:01Z", null);
        g.classification(other, true, "2026-03-02T10:00:05Z");
        g.draft(other, "rejected", "2026-03-02T10:00:10Z");
    }

    @Test
    void volume_by_day_category_and_sentiment_in_utc() {
        var report = ok(WEEK, acme.token());
        assertThat(report.at("/range/from").asText()).isEqualTo("2026-03-01");
        assertThat(report.at("/range/to").asText()).isEqualTo("2026-03-07");
        assertThat(report.at("/range/timeZone").asText()).isEqualTo("UTC");
        assertThat(report.at("/volume/total").asLong()).isEqualTo(5);
        assertThat(days(report))
                .containsExactly(
                        "2026-03-01=2",
                        "2026-03-02=1",
                        "2026-03-03=1",
                        "2026-03-04=0",
                        "2026-03-05=1",
                        "2026-03-06=0",
                        "2026-03-07=0");
        assertThat(keys(report.at("/volume/byCategory"))).containsExactly("billing=3", "technical=1", "unclassified=1");
        assertThat(keys(report.at("/volume/bySentiment")))
                .containsExactly("neutral=2", "negative=1", "positive=1", "unclassified=1");
    }

    @Test
    void days_follow_the_time_zone() {
        var report = ok(WEEK + "&tz=Europe/Helsinki", acme.token());
        assertThat(report.at("/range/timeZone").asText()).isEqualTo("Europe/Helsinki");
        // c5 (23:00 UTC on 28 Feb) is 1 March in Helsinki; c4 (23:30 UTC on 5 March) is 6 March.
        assertThat(days(report))
                .containsExactly(
                        "2026-03-01=3",
                        "2026-03-02=1",
                        "2026-03-03=1",
                        "2026-03-04=0",
                        "2026-03-05=0",
                        "2026-03-06=1",
                        "2026-03-07=0");
        assertThat(report.at("/volume/total").asLong()).isEqualTo(6);
    }

    @Test
    void first_response_and_resolution_percentiles() {
        var report = ok(WEEK, acme.token());
        // First responses of 60, 300 and 3600 s (c6's agent-first conversation has none).
        assertThat(report.at("/firstResponse/count").asLong()).isEqualTo(3);
        assertThat(report.at("/firstResponse/medianSeconds").asDouble()).isEqualTo(300.0);
        assertThat(report.at("/firstResponse/p90Seconds").asDouble()).isCloseTo(2940.0, within(0.01));
        // Resolved after 7200 and 86400 s.
        assertThat(report.at("/resolution/count").asLong()).isEqualTo(2);
        assertThat(report.at("/resolution/medianSeconds").asDouble()).isEqualTo(46800.0);
        assertThat(report.at("/resolution/p90Seconds").asDouble()).isCloseTo(78480.0, within(0.01));
    }

    @Test
    void ai_rates() {
        var ai = ok(WEEK, acme.token()).get("ai");
        assertThat(ai.get("classifiedConversations").asLong()).isEqualTo(3);
        assertThat(ai.get("autoAssigned").asLong()).isEqualTo(2);
        assertThat(ai.get("autoAssignRate").asDouble()).isEqualTo(0.6667);
        assertThat(ai.get("corrected").asLong()).isEqualTo(1);
        assertThat(ai.get("correctedRate").asDouble()).isEqualTo(0.3333);
        var drafts = ai.get("drafts");
        assertThat(drafts.get("total").asLong()).isEqualTo(5);
        assertThat(drafts.get("withFeedback").asLong()).isEqualTo(4);
        assertThat(drafts.get("accepted").asLong()).isEqualTo(2);
        assertThat(drafts.get("acceptedRate").asDouble()).isEqualTo(0.5);
        assertThat(drafts.get("editedRate").asDouble()).isEqualTo(0.25);
        assertThat(drafts.get("rejectedRate").asDouble()).isEqualTo(0.25);
    }

    @Test
    void an_empty_range_has_zeros_and_null_rates() {
        var report = ok("/api/reports/overview?from=2025-01-01&to=2025-01-03", acme.token());
        assertThat(days(report)).containsExactly("2025-01-01=0", "2025-01-02=0", "2025-01-03=0");
        assertThat(report.at("/volume/byCategory")).isEmpty();
        assertThat(report.at("/firstResponse/count").asLong()).isZero();
        assertThat(report.at("/firstResponse/medianSeconds").isNull()).isTrue();
        assertThat(report.at("/ai/autoAssignRate").isNull()).isTrue();
        assertThat(report.at("/ai/drafts/acceptedRate").isNull()).isTrue();
    }

    @Test
    void accounts_see_only_their_own_numbers() {
        var report = ok(WEEK, globex.token());
        assertThat(report.at("/volume/total").asLong()).isEqualTo(1);
        assertThat(keys(report.at("/volume/bySentiment"))).containsExactly("frustrated=1");
        assertThat(report.at("/firstResponse/count").asLong()).isEqualTo(1);
        assertThat(report.at("/firstResponse/medianSeconds").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/ai/classifiedConversations").asLong()).isEqualTo(1);
        assertThat(report.at("/ai/drafts/rejectedRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void any_member_may_read_and_strangers_may_not() {
        var agent = DirectoryFixtures.member(app, acme.accountId(), Role.AGENT);
        assertThat(ok(WEEK, agent.token()).at("/volume/total").asLong()).isEqualTo(5);
        assertThat(app.get(WEEK, null).status()).isEqualTo(401);
    }

    @Test
    void defaults_are_the_last_30_days_in_utc() {
        var report = ok("/api/reports/overview", acme.token());
        var today = LocalDate.now(ZoneOffset.UTC);
        assertThat(report.at("/range/to").asText())
                .isIn(today.toString(), today.minusDays(1).toString());
        assertThat(report.at("/volume/byDay")).hasSize(30);
        assertThat(report.at("/range/timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    void bad_ranges_and_zones_are_400s() {
        assertBad("/api/reports/overview?from=2026-03-07&to=2026-03-01", "invalid_range");
        assertBad("/api/reports/overview?from=2025-01-01&to=2026-01-02", "invalid_range"); // 367 days
        assertThat(app.get("/api/reports/overview?from=2025-01-01&to=2026-01-01", acme.token())
                        .json()
                        .at("/volume/byDay"))
                .hasSize(366);
        assertBad("/api/reports/overview?from=yesterday", "invalid_date");
        assertBad("/api/reports/overview?to=2026-02-30", "invalid_date");
        assertBad("/api/reports/overview?tz=Mars/Olympus", "invalid_time_zone");
        assertBad("/api/reports/overview?tz=%2B02:00", "invalid_time_zone");
    }

    private static void assertBad(String path, String code) {
        var response = app.get(path, acme.token());
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo(code);
    }

    private static JsonNode ok(String path, String token) {
        var response = app.get(path, token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> days(JsonNode report) {
        var out = new ArrayList<String>();
        report.at("/volume/byDay")
                .forEach(d ->
                        out.add(d.get("date").asText() + "=" + d.get("count").asLong()));
        return out;
    }

    private static List<String> keys(JsonNode counts) {
        var out = new ArrayList<String>();
        counts.forEach(d -> out.add(d.get("key").asText() + "=" + d.get("count").asLong()));
        return out;
    }

    /** Rows written straight into one account's tables, at the given times. */
    private record Data(long accountId, long inboxId, long contactId) {
        Data(long accountId) {
            this(
                    accountId,
                    DirectoryFixtures.inbox(app, accountId),
                    app.app().database().inAccount(accountId, tx -> tx.fetchSingle(
                                    "insert into contacts (account_id, name) values (?, 'Customer') returning id",
                                    accountId)
                            .get(0, Long.class)));
        }

        /** Its first customer message at {@code created}; an agent's reply at {@code firstReply}, if any. */
        long conversation(String created, String category, String sentiment, String firstReply, String resolved) {
            long id = app.app().database().inAccount(accountId, tx -> tx.fetchSingle(
                            "insert into conversations (account_id, inbox_id, contact_id, status, ai_category,"
                                    + " ai_sentiment, first_reply_at, resolved_at, created_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)"
                                    + " returning id",
                            accountId,
                            inboxId,
                            contactId,
                            resolved == null ? "open" : "resolved",
                            category,
                            sentiment,
                            firstReply,
                            resolved,
                            created)
                    .get(0, Long.class));
            message(id, "incoming", created);
            message(id, "incoming", firstReply == null ? created : firstReply); // a later one does not count
            if (firstReply != null) {
                message(id, "outgoing", firstReply);
            }
            return id;
        }

        long message(long conversationId, String type, String at) {
            return app.app().database().inAccount(accountId, tx -> tx.fetchSingle(
                            "insert into messages (account_id, conversation_id, message_type, sender_type, content,"
                                    + " created_at) values (?, ?, ?, ?, 'text', ?::timestamptz) returning id",
                            accountId,
                            conversationId,
                            type,
                            type.equals("incoming") ? "contact" : "user",
                            at)
                    .get(0, Long.class));
        }

        void classification(long conversationId, boolean autoAssigned, String at) {
            classify(conversationId, "pipeline", autoAssigned, at);
        }

        void manualClassification(long conversationId, String at) {
            classify(conversationId, "manual", false, at);
        }

        private void classify(long conversationId, String source, boolean autoAssigned, String at) {
            long message = message(conversationId, "incoming", at);
            sql(
                    "insert into ai_classifications (account_id, message_id, conversation_id, source, category,"
                            + " priority, sentiment, language, confidence, reasoning, provider, model, latency_ms,"
                            + " auto_assigned, created_at) values (?, ?, ?, ?, 'billing', 'normal', 'neutral', 'en',"
                            + " 0.9, 'r', 'local', 'm', 5, ?, ?::timestamptz)",
                    message,
                    conversationId,
                    source,
                    autoAssigned,
                    at);
        }

        void correction(long conversationId, String at) {
            sql(
                    "insert into ai_corrections (account_id, conversation_id, from_category, to_category, created_at)"
                            + " values (?, ?, 'billing', 'technical', ?::timestamptz)",
                    conversationId,
                    at);
        }

        void draft(long conversationId, String status, String at) {
            long message = message(conversationId, "incoming", at);
            sql(
                    "insert into ai_drafts (account_id, conversation_id, message_id, origin, content, confidence,"
                            + " reasoning, provider, model, latency_ms, status, feedback_at, created_at)"
                            + " values (?, ?, ?, 'pipeline', 'draft', 0.8, 'r', 'local', 'm', 5, ?,"
                            + " case when ? = 'pending' then null else ?::timestamptz end, ?::timestamptz)",
                    conversationId,
                    message,
                    status,
                    status,
                    at,
                    at);
        }

        void sql(String statement, Object... binds) {
            var all = new Object[binds.length + 1];
            all[0] = accountId;
            System.arraycopy(binds, 0, all, 1, binds.length);
            app.app().database().runInAccount(accountId, tx -> tx.execute(statement, all));
        }
    }
}
