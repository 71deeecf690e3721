package com.hummdesk.knowledge;

import static com.hummdesk.platform.db.generated.Tables.KB_IMPORTS;
import static com.hummdesk.platform.db.generated.Tables.KB_IMPORT_FILES;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for kb_imports and kb_import_files. */
final class ImportRepository {

    /** A file waiting to become an article. */
    record Pending(int ordinal, String path, String title, String body, String language) {}

    long insert(DSLContext tx, long accountId, Long userId, boolean publish, List<ImportedFile> files) {
        long id = tx.insertInto(KB_IMPORTS)
                .set(KB_IMPORTS.ACCOUNT_ID, accountId)
                .set(KB_IMPORTS.PUBLISH, publish)
                .set(KB_IMPORTS.CREATED_BY, userId)
                .returning(KB_IMPORTS.ID)
                .fetchSingle(KB_IMPORTS.ID);
        var insert = tx.insertInto(
                KB_IMPORT_FILES,
                KB_IMPORT_FILES.ACCOUNT_ID,
                KB_IMPORT_FILES.IMPORT_ID,
                KB_IMPORT_FILES.ORDINAL,
                KB_IMPORT_FILES.PATH,
                KB_IMPORT_FILES.TITLE,
                KB_IMPORT_FILES.BODY,
                KB_IMPORT_FILES.LANGUAGE,
                KB_IMPORT_FILES.STATUS,
                KB_IMPORT_FILES.ERROR);
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            insert = insert.values(
                    accountId,
                    id,
                    i,
                    f.path(),
                    f.title(),
                    f.body(),
                    f.language(),
                    f.error() == null ? "pending" : "failed",
                    f.error());
        }
        if (!files.isEmpty()) {
            insert.execute();
        }
        return id;
    }

    boolean publishes(DSLContext tx, long accountId, long importId) {
        return tx.select(KB_IMPORTS.PUBLISH)
                .from(KB_IMPORTS)
                .where(KB_IMPORTS.ACCOUNT_ID.eq(accountId), KB_IMPORTS.ID.eq(importId))
                .fetchOptional(KB_IMPORTS.PUBLISH)
                .orElse(false);
    }

    /** The next pending file, locked so two workers never import the same one at once. */
    Optional<Pending> nextPending(DSLContext tx, long accountId, long importId) {
        return tx.select(
                        KB_IMPORT_FILES.ORDINAL,
                        KB_IMPORT_FILES.PATH,
                        KB_IMPORT_FILES.TITLE,
                        KB_IMPORT_FILES.BODY,
                        KB_IMPORT_FILES.LANGUAGE)
                .from(KB_IMPORT_FILES)
                .where(
                        KB_IMPORT_FILES.ACCOUNT_ID.eq(accountId),
                        KB_IMPORT_FILES.IMPORT_ID.eq(importId),
                        KB_IMPORT_FILES.STATUS.eq("pending"))
                .orderBy(KB_IMPORT_FILES.ORDINAL)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(r -> new Pending(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Marks a pending file; false when it was no longer pending (another delivery of the job got there first). */
    boolean finishFile(DSLContext tx, long accountId, long importId, int ordinal, Long articleId, String error) {
        return tx.update(KB_IMPORT_FILES)
                        .set(KB_IMPORT_FILES.STATUS, error == null ? "done" : "failed")
                        .set(KB_IMPORT_FILES.ERROR, error)
                        .set(KB_IMPORT_FILES.ARTICLE_ID, articleId)
                        // The text now lives in the article; the staging copy is no longer needed.
                        .set(KB_IMPORT_FILES.BODY, (String) null)
                        .where(
                                KB_IMPORT_FILES.ACCOUNT_ID.eq(accountId),
                                KB_IMPORT_FILES.IMPORT_ID.eq(importId),
                                KB_IMPORT_FILES.ORDINAL.eq(ordinal),
                                KB_IMPORT_FILES.STATUS.eq("pending"))
                        .execute()
                > 0;
    }

    void finish(DSLContext tx, long accountId, long importId) {
        tx.update(KB_IMPORTS)
                .set(KB_IMPORTS.STATUS, "done")
                .set(KB_IMPORTS.FINISHED_AT, DSL.currentOffsetDateTime())
                .where(KB_IMPORTS.ACCOUNT_ID.eq(accountId), KB_IMPORTS.ID.eq(importId), KB_IMPORTS.STATUS.eq("running"))
                .execute();
    }

    Optional<ImportStatus> status(DSLContext tx, long accountId, long importId) {
        var head = tx.selectFrom(KB_IMPORTS)
                .where(KB_IMPORTS.ACCOUNT_ID.eq(accountId), KB_IMPORTS.ID.eq(importId))
                .fetchOptional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var counts = tx.select(
                        DSL.count(),
                        DSL.count().filterWhere(KB_IMPORT_FILES.STATUS.eq("done")),
                        DSL.count().filterWhere(KB_IMPORT_FILES.STATUS.eq("failed")),
                        DSL.count().filterWhere(KB_IMPORT_FILES.STATUS.eq("pending")))
                .from(KB_IMPORT_FILES)
                .where(KB_IMPORT_FILES.ACCOUNT_ID.eq(accountId), KB_IMPORT_FILES.IMPORT_ID.eq(importId))
                .fetchSingle();
        var errors = tx.select(KB_IMPORT_FILES.PATH, KB_IMPORT_FILES.ERROR)
                .from(KB_IMPORT_FILES)
                .where(
                        KB_IMPORT_FILES.ACCOUNT_ID.eq(accountId),
                        KB_IMPORT_FILES.IMPORT_ID.eq(importId),
                        KB_IMPORT_FILES.STATUS.eq("failed"))
                .orderBy(KB_IMPORT_FILES.ORDINAL)
                .fetch(r -> new ImportStatus.FileError(r.value1(), r.value2()));
        var h = head.get();
        return Optional.of(new ImportStatus(
                h.getId(),
                h.getStatus(),
                counts.value1(),
                counts.value2(),
                counts.value3(),
                counts.value4(),
                errors,
                h.getCreatedAt(),
                h.getFinishedAt()));
    }
}
