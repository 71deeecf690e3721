package com.hummdesk.knowledge;

import com.hummdesk.ai.local.SentenceEncoder;
import com.hummdesk.jobs.JobsModule;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the knowledge base: articles, hybrid search (also for the drafts feature through {@link #search()}) and
 * bulk imports (a job handler registered on the node's worker). The encoder is asked for on first use, so a node
 * that never touches the knowledge base never loads the model.
 */
public final class KnowledgeModule {
    private final ArticleService articles;
    private final KnowledgeSearch search;
    private final ImportService imports;

    public KnowledgeModule(Database db, EventBus events, JobsModule jobs, Supplier<SentenceEncoder> encoder) {
        var embedder = new Embedder(encoder);
        this.articles = new ArticleService(db, events, embedder);
        this.search = new KnowledgeSearch(db, embedder);
        this.imports = new ImportService(db, events, jobs.queue(), embedder);
        jobs.worker().register(imports.handler());
    }

    ArticleService articles() {
        return articles;
    }

    public KnowledgeSearch search() {
        return search;
    }

    public List<RouteModule> routes() {
        return List.of(new KnowledgeRoutes(articles, search, imports));
    }

    /**
     * Imports a zip or a directory now, in this process (the {@code import-kb} command); {@code progress} sees the
     * status after every file. Returns the final status.
     */
    public ImportStatus importNow(long accountId, Path source, boolean publish, Consumer<ImportStatus> progress)
            throws java.io.IOException {
        List<ImportedFile> files;
        try {
            if (Files.isDirectory(source)) {
                files = Archives.readDirectory(source);
            } else {
                try (var in = Files.newInputStream(source)) {
                    files = Archives.readZip(in);
                }
            }
        } catch (Archives.ArchiveException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return importNow(accountId, files, publish, progress);
    }

    /** Imports files given by name and content (markdown, HTML or text), now, in this process. */
    public ImportStatus importNow(
            long accountId, Map<String, byte[]> contents, boolean publish, Consumer<ImportStatus> progress) {
        var files = contents.entrySet().stream()
                .map(file -> TextExtractor.extract(file.getKey(), file.getValue()))
                .toList();
        return importNow(accountId, files, publish, progress);
    }

    private ImportStatus importNow(
            long accountId, List<ImportedFile> files, boolean publish, Consumer<ImportStatus> progress) {
        var staged = imports.stage(accountId, null, files, publish, false);
        progress.accept(staged);
        imports.run(accountId, staged.id(), progress);
        return imports.status(accountId, staged.id());
    }
}
