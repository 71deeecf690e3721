package com.hummdesk.conversations;

import static com.hummdesk.platform.db.generated.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hummdesk.platform.http.Json;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Who changed which conversation how, for the account's audit trail. */
final class AuditLogRepository {

    void conversationUpdated(
            DSLContext tx, long accountId, long actorUserId, long conversationId, Map<String, ?> details) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACCOUNT_ID, accountId)
                .set(AUDIT_LOG.ACTOR_USER_ID, actorUserId)
                .set(AUDIT_LOG.ACTION, "conversation.updated")
                .set(AUDIT_LOG.TARGET_TYPE, "conversation")
                .set(AUDIT_LOG.TARGET_ID, conversationId)
                .set(AUDIT_LOG.DETAILS, JSON.json(json(details)))
                .execute();
    }

    private static String json(Map<String, ?> details) {
        try {
            return Json.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are plain maps and strings", e);
        }
    }
}
