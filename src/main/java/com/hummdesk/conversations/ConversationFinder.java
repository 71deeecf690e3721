package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATION_LABELS;
import static com.hummdesk.platform.db.generated.Tables.LABELS;
import static com.hummdesk.platform.db.generated.Tables.MESSAGES;
import static com.hummdesk.platform.db.generated.Tables.USERS;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;

import com.hummdesk.platform.db.Jdbc;
import com.hummdesk.platform.db.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The conversation list as one statement: the tab counts over the filtered conversations, and beside them (a
 * lateral join, so an empty page still returns the counts) the requested page with its contact and assignee
 * joined. Each sort reads its page from an index of V3 (see {@code V3__conversations_list_indexes.sql}).
 *
 * <p>Reads contacts, users (assignee names), conversation_labels + labels (label filter) and messages (search)
 * read-only. Public so the list benchmark runs exactly this SQL under pgbench ({@link #sql}).
 */
public final class ConversationFinder {
    public static final int PREVIEW_LENGTH = 200;

    /** Must stay the expression of index conversations_account_priority_idx (V3). */
    private static final String PRIORITY_RANK =
            "case {0} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end";
    // The stored tsvector columns of V8, GIN-indexed (usable under row-level security, unlike expressions).
    private static final String MATCHES = "{0} @@ plainto_tsquery('simple', {1})";

    private static final Settings RENDER = new Settings().withRenderSchema(false);
    // Rendering the statement costs more CPU than running it; each shape is rendered once.
    private static final Map<ListStatement.Shape, ListStatement> STATEMENTS = new ConcurrentHashMap<>();
    private static final com.hummdesk.platform.db.generated.tables.Conversations C = CONVERSATIONS.as("c");

    private static final String CONTACT_NAME = "contact_name";
    private static final String CONTACT_EMAIL = "contact_email";
    private static final String AGENT_NAME = "agent_name";
    private static final Field<String> PREVIEW =
            DSL.left(C.LAST_MESSAGE_PREVIEW, inline(PREVIEW_LENGTH)).as("preview");
    private static final Field<Integer> RANK = field(PRIORITY_RANK, Integer.class, C.PRIORITY);

    /** SQL with {@code ?} placeholders and its bind values, in order. */
    public record ListSql(String sql, List<Object> binds) {}

    /** The statement for this filter; what {@link #list} runs. */
    public ListSql sql(ConversationFilter filter) {
        var statement = STATEMENTS.computeIfAbsent(
                ListStatement.shapeOf(filter),
                shape -> ListStatement.of(
                        query(DSL.using(SQLDialect.POSTGRES, RENDER), filter).getSQL(ParamType.NAMED)));
        var values = ListStatement.values(filter);
        return new ListSql(statement.sql(values), statement.binds(values));
    }

    /**
     * The transaction scope the list runs in: the account, and how PostgreSQL plans the statement. Without a search
     * the best plan does not depend on the values (the page comes from an index of V3 in the requested order), so
     * it is planned once per connection (generic) instead of at every request, which cost as much CPU as running
     * it. With a search, how many rows the words match decides the plan, so it is planned for the words (custom).
     */
    public Scope scope(ConversationFilter filter) {
        return Scope.account(filter.accountId()).planned(filter.q() == null ? Scope.Plans.GENERIC : Scope.Plans.CUSTOM);
    }

    /**
     * Runs the list statement on the transaction's JDBC connection ({@link Jdbc}: jOOQ's plain-SQL fetch re-parsed
     * the 2 KB template and built a record per row, a fifth of the endpoint's CPU under load) and reads the rows by
     * position.
     */
    ConversationPage list(DSLContext tx, ConversationFilter filter) {
        var statement = sql(filter);
        return Jdbc.query(
                tx,
                statement.sql(),
                rows -> page(rows, filter),
                statement.binds().toArray());
    }

    private static ConversationPage page(ResultSet rows, ConversationFilter filter) throws SQLException {
        var conversations = new ArrayList<ConversationSummary>(filter.pageSize());
        ConversationPage.Pagination pagination = null;
        ConversationPage.Counts counts = null;
        while (rows.next()) {
            if (pagination == null) {
                pagination = new ConversationPage.Pagination(rows.getLong(TOTAL), filter.page(), filter.pageSize());
                counts = new ConversationPage.Counts(rows.getLong(MINE), rows.getLong(UNASSIGNED), rows.getLong(ALL));
            }
            long id = rows.getLong(ID);
            if (!rows.wasNull()) {
                conversations.add(summary(rows, id));
            }
        }
        if (pagination == null) {
            throw new IllegalStateException("the list statement returned no row"); // the counts row is always there
        }
        return new ConversationPage(conversations, pagination, counts);
    }

    /**
     * The statement as jOOQ builds it. Its parameters are named after {@link ListStatement#values}, so that it is
     * rendered once per shape and then only bound.
     */
    static ResultQuery<Record> query(DSLContext dsl, ConversationFilter f) {
        var searches = f.q() == null ? List.<CommonTableExpression<Record1<Long>>>of() : searches(f);
        var filters = filters(f, searches);
        var assignee = f.unassigned()
                ? C.ASSIGNEE_ID.isNull()
                : f.assigneeId() == null ? noCondition() : C.ASSIGNEE_ID.eq(param("assigneeId", f.assigneeId()));
        var counts = select(
                        count().filterWhere(assignee).as("total"),
                        count().filterWhere(C.ASSIGNEE_ID.eq(param("userId", f.userId())))
                                .as("mine"),
                        count().filterWhere(C.ASSIGNEE_ID.isNull()).as("unassigned"),
                        count().as("all_count"))
                .from(C)
                .where(filters)
                .asTable("counts");
        // The page is picked from conversations alone, then joined to its contacts and assignees: when a filter
        // rules out reading the page from an index, only the page's rows are joined, not every match.
        var page = select(
                        C.ID,
                        C.STATUS,
                        C.PRIORITY,
                        C.AI_CATEGORY,
                        C.AI_SENTIMENT,
                        C.CONTACT_ID,
                        C.ASSIGNEE_ID,
                        PREVIEW,
                        C.LAST_MESSAGE_AT,
                        C.CREATED_AT,
                        C.WAITING_SINCE,
                        RANK.as("priority_rank"))
                .from(C)
                .where(filters, assignee)
                .orderBy(order(f.sort(), C.LAST_MESSAGE_AT, C.ID, RANK, C.WAITING_SINCE))
                .limit(param("limit", f.pageSize()))
                .offset(param("offset", f.offset()))
                .asTable("p");
        var ct = CONTACTS.as("ct");
        var u = USERS.as("u");
        // The lateral page comes out in order already; re-sorting at most 100 rows makes that a guarantee.
        var outerOrder = order(
                f.sort(),
                page.field(C.LAST_MESSAGE_AT),
                page.field(C.ID),
                page.field("priority_rank", Integer.class),
                page.field(C.WAITING_SINCE));
        var start = searches.isEmpty() ? dsl.select() : dsl.with(searches).select();
        return start.select(counts.fields())
                .select(page.fields())
                .select(ct.NAME.as(CONTACT_NAME), ct.EMAIL.as(CONTACT_EMAIL), u.NAME.as(AGENT_NAME))
                .from(counts)
                .leftJoin(lateral(page))
                .on(trueCondition())
                .leftJoin(ct)
                .on(ct.ACCOUNT_ID.eq(param("accountId", f.accountId())), ct.ID.eq(page.field(C.CONTACT_ID)))
                .leftJoin(u)
                .on(u.ID.eq(page.field(C.ASSIGNEE_ID)))
                .orderBy(outerOrder);
    }

    private static Condition filters(ConversationFilter f, List<CommonTableExpression<Record1<Long>>> searches) {
        var all = new ArrayList<Condition>();
        all.add(C.ACCOUNT_ID.eq(param("accountId", f.accountId())));
        if (f.status() != null) {
            all.add(C.STATUS.eq(param("status", f.status().wire())));
        }
        if (f.teamId() != null) {
            all.add(C.TEAM_ID.eq(param("teamId", f.teamId())));
        }
        if (f.inboxId() != null) {
            all.add(C.INBOX_ID.eq(param("inboxId", f.inboxId())));
        }
        if (f.category() != null) {
            all.add(C.AI_CATEGORY.eq(param("category", f.category())));
        }
        if (f.priority() != null) {
            all.add(C.PRIORITY.eq(param("priority", f.priority().wire())));
        }
        if (f.sentiment() != null) {
            all.add(C.AI_SENTIMENT.eq(param("sentiment", f.sentiment().wire())));
        }
        if (f.language() != null) {
            all.add(C.AI_LANGUAGE.eq(param("language", f.language())));
        }
        if (f.label() != null) {
            var cl = CONVERSATION_LABELS.as("cl");
            var l = LABELS.as("l");
            all.add(C.ID.in(select(cl.CONVERSATION_ID)
                    .from(cl)
                    .join(l)
                    .on(l.ACCOUNT_ID.eq(cl.ACCOUNT_ID), l.ID.eq(cl.LABEL_ID))
                    .where(cl.ACCOUNT_ID.eq(param("accountId", f.accountId())), l.NAME.eq(param("label", f.label())))));
        }
        if (!searches.isEmpty()) {
            all.add(C.ID.in(select(searches.get(0).field(0, Long.class)).from(searches.get(0)))
                    .or(C.CONTACT_ID.in(
                            select(searches.get(1).field(0, Long.class)).from(searches.get(1)))));
        }
        return DSL.and(all);
    }

    /**
     * Search hits, each computed once for both the counts and the page: conversations with a matching message
     * (activity entries excluded), and contacts whose name or email match.
     */
    private static List<CommonTableExpression<Record1<Long>>> searches(ConversationFilter f) {
        var m = MESSAGES.as("m");
        var ct = CONTACTS.as("sc");
        var messageHits = name("message_hits")
                .fields("conversation_id")
                .asMaterialized(select(m.CONVERSATION_ID)
                        .from(m)
                        .where(
                                m.ACCOUNT_ID.eq(param("accountId", f.accountId())),
                                m.MESSAGE_TYPE.ne(inline(MessageType.ACTIVITY.wire())),
                                condition(MATCHES, field(name("m", "content_tsv")), param("q", f.q()))));
        var contactHits = name("contact_hits")
                .fields("contact_id")
                .asMaterialized(select(ct.ID)
                        .from(ct)
                        .where(
                                ct.ACCOUNT_ID.eq(param("accountId", f.accountId())),
                                condition(MATCHES, field(name("sc", "search_tsv")), param("q", f.q()))));
        return List.of(messageHits, contactHits);
    }

    private static List<SortField<?>> order(
            ConversationSort sort,
            Field<OffsetDateTime> lastMessageAt,
            Field<Long> id,
            Field<Integer> rank,
            Field<OffsetDateTime> waitingSince) {
        return switch (sort) {
            case NEWEST -> List.of(lastMessageAt.desc(), id.desc());
            case OLDEST -> List.of(lastMessageAt.asc(), id.asc());
            case PRIORITY -> List.of(rank.asc(), lastMessageAt.desc(), id.desc());
            case WAITING -> List.of(waitingSince.asc(), id.asc());
        };
    }

    // Positions (JDBC, from 1) in the select list of query(): counts, then the page's columns, then the joined
    // names. Read by position because name lookups cost more than the rest of the mapping.
    private static final int TOTAL = 1;
    private static final int MINE = 2;
    private static final int UNASSIGNED = 3;
    private static final int ALL = 4;
    private static final int ID = 5;
    private static final int STATUS = 6;
    private static final int PRIORITY = 7;
    private static final int CATEGORY = 8;
    private static final int SENTIMENT = 9;
    private static final int ASSIGNEE = 11;
    private static final int PREVIEW_TEXT = 12;
    private static final int LAST_MESSAGE_AT = 13;
    private static final int CREATED_AT = 14;
    private static final int NAME_OF_CONTACT = 17;
    private static final int EMAIL_OF_CONTACT = 18;
    private static final int NAME_OF_AGENT = 19;

    private static ConversationSummary summary(ResultSet row, long id) throws SQLException {
        long assigneeId = row.getLong(ASSIGNEE);
        boolean assigned = !row.wasNull();
        var lastMessageAt = row.getObject(LAST_MESSAGE_AT, OffsetDateTime.class);
        return new ConversationSummary(
                id,
                row.getString(STATUS),
                row.getString(PRIORITY),
                row.getString(CATEGORY),
                row.getString(SENTIMENT),
                new ConversationSummary.Contact(row.getString(NAME_OF_CONTACT), row.getString(EMAIL_OF_CONTACT)),
                assigned ? new ConversationSummary.Agent(row.getString(NAME_OF_AGENT), assigneeId) : null,
                lastMessageAt == null
                        ? null
                        : new ConversationSummary.LastMessage(row.getString(PREVIEW_TEXT), lastMessageAt),
                row.getObject(CREATED_AT, OffsetDateTime.class));
    }
}
