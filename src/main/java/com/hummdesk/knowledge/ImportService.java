package com.hummdesk.knowledge;

import com.hummdesk.jobs.Job;
import com.hummdesk.jobs.JobHandler;
import com.hummdesk.jobs.JobQueue;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.security.CurrentUser;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import: the archive is read and every file parsed at upload (so a broken file is reported at once), the
 * files are staged in kb_import_files with a job in the same transaction, and the job turns them into articles one
 * transaction per file (embedding takes tens of milliseconds per chunk; a large import must not hold one
 * transaction or one request). A file that fails is recorded with its error and the rest go on.
 */
final class ImportService {
    static final String JOB_TYPE = "kb.import";
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** The job's payload. */
    record ImportJob(long importId) {}

    private final Database db;
    private final EventBus events;
    private final JobQueue jobs;
    private final Embedder embedder;
    private final ImportRepository imports = new ImportRepository();
    private final ArticleRepository articles = new ArticleRepository();
    private final ChunkRepository chunks = new ChunkRepository();

    ImportService(Database db, EventBus events, JobQueue jobs, Embedder embedder) {
        this.db = db;
        this.events = events;
        this.jobs = jobs;
        this.embedder = embedder;
    }

    ImportStatus start(CurrentUser user, InputStream zip, boolean publish) {
        user.requireManager();
        List<ImportedFile> files;
        try {
            files = Archives.readZip(zip);
        } catch (Archives.ArchiveException e) {
            throw new BadRequest("invalid_archive", "The upload cannot be imported: " + e.getMessage() + ".");
        }
        return stage(user.accountId(), user.userId(), files, publish, true);
    }

    ImportStatus status(CurrentUser user, long importId) {
        return status(user.accountId(), importId);
    }

    ImportStatus status(long accountId, long importId) {
        return db.inAccount(accountId, tx -> imports.status(tx, accountId, importId))
                .orElseThrow(() -> new NotFound("not_found", "No such import."));
    }

    /** Stages the files; with {@code enqueue} a job imports them, otherwise the caller runs {@link #run}. */
    ImportStatus stage(long accountId, Long userId, List<ImportedFile> files, boolean publish, boolean enqueue) {
        long id = db.inAccount(accountId, tx -> {
            long importId = imports.insert(tx, accountId, userId, publish, files);
            if (files.stream().noneMatch(f -> f.error() == null)) {
                imports.finish(tx, accountId, importId);
            } else if (enqueue) {
                jobs.enqueue(tx, accountId, JOB_TYPE, new ImportJob(importId));
            }
            return importId;
        });
        return status(accountId, id);
    }

    /**
     * Imports the pending files of an import. Safe to run twice (at-least-once delivery): an article is keyed by
     * its source path, and a file is marked done only while still pending.
     */
    void run(long accountId, long importId, Consumer<ImportStatus> progress) {
        boolean publish = db.inAccount(accountId, tx -> imports.publishes(tx, accountId, importId));
        var status = articleStatus(publish);
        while (true) {
            var next = db.inAccount(accountId, tx -> imports.nextPending(tx, accountId, importId));
            if (next.isEmpty()) {
                break;
            }
            var file = next.get();
            try {
                var embedded = embedder.chunkAndEmbed(file.title(), file.body());
                var fields = new ArticleRepository.Fields(
                        file.title(), file.body(), List.of(), file.language() == null ? "en" : file.language(), status);
                var article = db.inAccount(accountId, tx -> {
                    var saved = articles.upsertBySource(tx, accountId, file.path(), fields);
                    chunks.replace(tx, accountId, saved.id(), publish, saved.title(), saved.language(), embedded);
                    imports.finishFile(tx, accountId, importId, file.ordinal(), saved.id(), null);
                    return saved;
                });
                events.publish(new ArticleChanged(accountId, article.id(), "imported", article.status()));
            } catch (RuntimeException e) {
                log.warn("Import {} of account {}: {} failed", importId, accountId, file.path(), e);
                db.runInAccount(
                        accountId,
                        tx -> imports.finishFile(
                                tx, accountId, importId, file.ordinal(), null, "could not be imported: " + e));
            }
            if (progress != null) {
                progress.accept(status(accountId, importId));
            }
        }
        db.runInAccount(accountId, tx -> imports.finish(tx, accountId, importId));
    }

    JobHandler handler() {
        return new JobHandler() {
            @Override
            public String type() {
                return JOB_TYPE;
            }

            @Override
            public void handle(Job job) {
                run(job.accountId(), job.payloadAs(ImportJob.class).importId(), null);
            }
        };
    }

    private static String articleStatus(boolean publish) {
        return Enums.wire(publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT);
    }

    static Map<String, Object> limits() {
        return Map.of(
                "maxFiles", Archives.MAX_FILES,
                "maxFileBytes", Archives.MAX_FILE_BYTES,
                "maxTotalBytes", Archives.MAX_TOTAL_BYTES);
    }
}
