/**
 * The knowledge base: articles (markdown, tags, language, draft or published), chunked for MiniLM's 128-token window
 * and embedded in process, hybrid search (pgvector HNSW + PostgreSQL full text, reciprocal rank fusion) for the API
 * and for drafted replies ({@link com.hummdesk.knowledge.KnowledgeSearch}), and bulk imports through the job queue.
 * Writes kb_articles, kb_chunks, kb_imports and kb_import_files. Depends on platform, jobs and ai (the encoder and
 * the KnowledgePassage record).
 */
package com.hummdesk.knowledge;
