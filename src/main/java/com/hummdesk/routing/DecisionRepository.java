package com.hummdesk.routing;

import static com.hummdesk.platform.db.generated.Tables.ROUTING_DECISIONS;
import static com.hummdesk.platform.db.generated.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.hummdesk.platform.db.Jdbc;
import com.hummdesk.platform.http.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Routing decisions with their explanations (routing_decisions); reads users' names read-only. */
final class DecisionRepository {
    private static final TypeReference<List<ScoredCandidate>> CANDIDATES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    private static final String DECISION_COLUMNS = "routing_decisions (account_id, conversation_id, triggered_by,"
            + " strategy, outcome, assignee_id, deciding_rule, summary, category, team_id, language, candidates,"
            + " excluded)";

    /** The decision row; its values come from {@link #decision}. */
    private static final String INSERT_DECISION = "insert into " + DECISION_COLUMNS
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))";

    /**
     * An assignment's record, written only if this transaction assigned the agent: the conversation's row version
     * was written by this transaction (xmin, the writer's id) and holds the agent. The assignment runs just before
     * it, with the commit, and might have found the conversation taken or resolved meanwhile. Then, in the same
     * statement (inside the decision's lock): the agent's last assignment time for least-recently-assigned
     * fairness, the conversation out of the queue, and the decision. clock_timestamp(), not now(): decisions that
     * waited for the lock started earlier than they commit, and their order must be kept. The decision's values
     * are a SELECT's, so the ids are cast (an untyped null in a select list would be text).
     */
    private static final String RECORD_ASSIGNMENT = "with assigned as (select from conversations where account_id = ?"
            + " and id = ? and assignee_id = ? and xmin = pg_current_xact_id()::xid),"
            + " marked as (update account_users set last_assigned_at = clock_timestamp() where account_id = ? and"
            + " user_id = ? and exists (select from assigned)),"
            + " dequeued as (delete from routing_queue where account_id = ? and conversation_id = ? and exists"
            + " (select from assigned))"
            + " insert into " + DECISION_COLUMNS + " select cast(? as bigint), cast(? as bigint), ?, ?, ?,"
            + " cast(? as bigint), ?, ?, ?, cast(? as bigint), ?, cast(? as jsonb), cast(? as jsonb)"
            + " where exists (select from assigned)";

    /**
     * Records a decision that queued the conversation (or any decision, with nothing else to update). Like
     * {@link #recordAssignment}, it travels with the transaction's commit.
     */
    void insert(DSLContext tx, long accountId, RoutedConversation conversation, Trigger trigger, Ranking ranking) {
        Jdbc.later(tx, INSERT_DECISION, decision(accountId, conversation, trigger, ranking));
    }

    /**
     * Records an assignment queued just before it in the transaction, if that assignment was written: the agent's
     * last assignment time, the queue entry gone, and the decision. Nothing the decision does next reads them, so
     * they travel with its commit ({@link Jdbc#later}), the assignment with them.
     */
    void recordAssignment(
            DSLContext tx, long accountId, RoutedConversation conversation, Trigger trigger, Ranking ranking) {
        long agentId = ranking.winner().orElseThrow().userId();
        var values = new ArrayList<Object>(
                List.of(accountId, conversation.id(), agentId, accountId, agentId, accountId, conversation.id()));
        values.addAll(Arrays.asList(decision(accountId, conversation, trigger, ranking)));
        Jdbc.later(tx, RECORD_ASSIGNMENT, values.toArray());
    }

    private static Object[] decision(
            long accountId, RoutedConversation conversation, Trigger trigger, Ranking ranking) {
        var winner = ranking.winner();
        return new Object[] {
            accountId,
            conversation.id(),
            trigger.wire(),
            ranking.strategy().wire(),
            winner.isPresent() ? "assigned" : "queued",
            winner.map(ScoredCandidate::userId).orElse(null),
            ranking.rule().wire(),
            DecisionSummary.of(conversation, ranking),
            conversation.category(),
            conversation.teamId(),
            conversation.language(),
            write(ranking.kept()),
            write(ranking.excluded())
        };
    }

    /** The conversation's latest decisions, newest first. */
    List<RoutingDecision> latest(DSLContext tx, long accountId, long conversationId, int limit) {
        var d = ROUTING_DECISIONS;
        return tx.select(
                        d.ID,
                        d.CREATED_AT,
                        d.TRIGGERED_BY,
                        d.STRATEGY,
                        d.OUTCOME,
                        d.DECIDING_RULE,
                        d.SUMMARY,
                        d.ASSIGNEE_ID,
                        USERS.NAME,
                        d.CATEGORY,
                        d.TEAM_ID,
                        d.LANGUAGE,
                        d.CANDIDATES,
                        d.EXCLUDED)
                .from(d)
                .leftJoin(USERS)
                .on(USERS.ID.eq(d.ASSIGNEE_ID))
                .where(d.ACCOUNT_ID.eq(accountId), d.CONVERSATION_ID.eq(conversationId))
                .orderBy(d.ID.desc())
                .limit(limit)
                .fetch(r -> new RoutingDecision(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8() == null ? null : new RoutingDecision.Assignee(r.value8(), r.value9()),
                        new RoutingDecision.RoutedOn(r.value10(), r.value11(), r.value12()),
                        read(r.value13(), CANDIDATES),
                        Ranking.inReasonOrder(read(r.value14(), COUNTS))));
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decisions hold plain records, lists and maps", e);
        }
    }

    private static <T> T read(JSON json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision is not in the expected shape", e);
        }
    }
}
