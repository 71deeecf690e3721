package com.hummdesk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The list statement rendered once per shape binds exactly what jOOQ would have rendered and bound per request. */
class ConversationFinderTest {
    private static final ConversationFinder FINDER = new ConversationFinder();

    @Test
    void the_cached_statement_equals_a_fresh_rendering_for_every_filter_and_sort() {
        for (var filter : filters()) {
            var fresh = ConversationFinder.query(
                    DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false)), filter);
            var cached = FINDER.sql(filter);
            var dsl = DSL.using(SQLDialect.POSTGRES);
            assertThat(dsl.renderInlined(DSL.query(cached.sql(), cached.binds().toArray())))
                    .as(filter.toString())
                    .isEqualTo(dsl.renderInlined(fresh));
            // LIMIT and OFFSET are written in, so that PostgreSQL costs the parameterised plan for the real page
            assertThat(cached.sql()).as(filter.toString()).contains("offset 30 rows fetch next 30 rows only");
            assertThat(cached.binds()).as(filter.toString()).doesNotContain(30, 30L);
        }
    }

    @Test
    void a_second_filter_of_the_same_shape_binds_its_own_values() {
        var first = FINDER.sql(filter(1, 11L, Status.OPEN, "billing", "a b", ConversationSort.PRIORITY, 1, 25));
        var second = FINDER.sql(filter(2, 22L, Status.RESOLVED, "sales", "c", ConversationSort.PRIORITY, 3, 10));
        assertThat(second.sql())
                .isEqualTo(first.sql()
                        .replace("offset 0 rows fetch next 25 rows only", "offset 20 rows fetch next 10 rows only"));
        assertThat(second.binds()).contains(2L, 22L, "resolved", "sales", "c");
        assertThat(second.binds()).doesNotContain(1L, 11L, "open", "billing", "a b");
    }

    @Test
    void the_list_is_planned_once_per_connection_unless_it_searches() {
        var plain = filter(1, 11L, Status.OPEN, "billing", null, ConversationSort.NEWEST, 1, 25);
        var search = filter(1, 11L, Status.OPEN, "billing", "refund", ConversationSort.NEWEST, 1, 25);
        assertThat(FINDER.scope(plain).accountId()).isEqualTo(1L);
        assertThat(FINDER.scope(plain).values()).containsExactly("1", "", "", "force_generic_plan");
        assertThat(FINDER.scope(search).values()).containsExactly("1", "", "", "force_custom_plan");
    }

    private static ConversationFilter filter(
            long account,
            Long teamId,
            Status status,
            String category,
            String q,
            ConversationSort sort,
            int page,
            int size) {
        return new ConversationFilter(
                account, 9, status, null, false, teamId, null, category, null, null, null, null, q, sort, page, size);
    }

    /** Every single filter, all of them together, and random combinations, each under every sort. */
    private static List<ConversationFilter> filters() {
        var masks = new ArrayList<Integer>();
        for (int bit = 0; bit < 11; bit++) {
            masks.add(1 << bit);
        }
        masks.add(0);
        masks.add((1 << 11) - 1 - (1 << 2));
        var random = new Random(42);
        for (int i = 0; i < 20; i++) {
            masks.add(random.nextInt(1 << 11));
        }
        var filters = new ArrayList<ConversationFilter>();
        for (int mask : masks) {
            if ((mask & 0b110) == 0b110) {
                continue; // an assignee and "unassigned" exclude each other
            }
            for (var sort : ConversationSort.values()) {
                filters.add(new ConversationFilter(
                        7,
                        9,
                        on(mask, 0) ? Status.PENDING : null,
                        on(mask, 1) ? 3L : null,
                        on(mask, 2),
                        on(mask, 3) ? 4L : null,
                        on(mask, 4) ? 5L : null,
                        on(mask, 5) ? "billing" : null,
                        on(mask, 6) ? Priority.URGENT : null,
                        on(mask, 7) ? Sentiment.NEGATIVE : null,
                        on(mask, 8) ? "fi" : null,
                        on(mask, 9) ? "vip" : null,
                        on(mask, 10) ? "charged twice" : null,
                        sort,
                        2,
                        30));
            }
        }
        return filters;
    }

    private static boolean on(int mask, int bit) {
        return (mask & (1 << bit)) != 0;
    }
}
