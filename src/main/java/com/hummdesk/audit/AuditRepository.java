package com.hummdesk.audit;

import static com.hummdesk.platform.db.generated.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hummdesk.platform.http.Json;
import com.hummdesk.platform.security.CurrentUser;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * Writes the account's audit trail. Callers pass their own transaction, so a change and its audit row commit or
 * roll back together; the account is the actor's active account, like every write of the request.
 */
public final class AuditRepository {

    /** {@code action} is {@code noun.verb} in the past tense ({@code team.created}); details must be JSON-able. */
    public void record(
            DSLContext tx, CurrentUser actor, String action, String targetType, long targetId, Map<String, ?> details) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACCOUNT_ID, actor.accountId())
                .set(AUDIT_LOG.ACTOR_USER_ID, actor.userId())
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TARGET_TYPE, targetType)
                .set(AUDIT_LOG.TARGET_ID, targetId)
                .set(AUDIT_LOG.DETAILS, JSON.valueOf(json(details)))
                .execute();
    }

    private static String json(Map<String, ?> details) {
        try {
            return Json.mapper().writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be serialisable", e);
        }
    }
}
