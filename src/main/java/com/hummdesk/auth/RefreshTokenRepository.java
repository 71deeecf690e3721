package com.hummdesk.auth;

import static com.hummdesk.platform.db.generated.Tables.REFRESH_TOKENS;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for refresh tokens (stored as SHA-256 hashes, never in the clear). */
final class RefreshTokenRepository {
    record StoredToken(long id, long userId, long accountId, UUID familyId) {}

    void insert(DSLContext tx, long userId, long accountId, UUID familyId, String hash, OffsetDateTime expiresAt) {
        tx.insertInto(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.USER_ID, userId)
                .set(REFRESH_TOKENS.ACCOUNT_ID, accountId)
                .set(REFRESH_TOKENS.FAMILY_ID, familyId)
                .set(REFRESH_TOKENS.TOKEN_HASH, hash)
                .set(REFRESH_TOKENS.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Marks a live token as used, atomically: of two concurrent uses, only one succeeds. */
    Optional<StoredToken> markRotated(DSLContext tx, String hash) {
        return tx.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.ROTATED_AT, DSL.currentOffsetDateTime())
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash))
                .and(REFRESH_TOKENS.ROTATED_AT.isNull())
                .and(REFRESH_TOKENS.REVOKED_AT.isNull())
                .and(REFRESH_TOKENS.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .returning(
                        REFRESH_TOKENS.ID, REFRESH_TOKENS.USER_ID, REFRESH_TOKENS.ACCOUNT_ID, REFRESH_TOKENS.FAMILY_ID)
                .fetchOptional(r -> new StoredToken(r.getId(), r.getUserId(), r.getAccountId(), r.getFamilyId()));
    }

    Optional<UUID> familyOf(DSLContext tx, String hash) {
        return tx.select(REFRESH_TOKENS.FAMILY_ID)
                .from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash))
                .fetchOptional(REFRESH_TOKENS.FAMILY_ID);
    }

    int revokeFamily(DSLContext tx, UUID familyId) {
        return tx.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(REFRESH_TOKENS.FAMILY_ID.eq(familyId))
                .and(REFRESH_TOKENS.REVOKED_AT.isNull())
                .execute();
    }
}
