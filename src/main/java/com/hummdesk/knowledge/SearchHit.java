package com.hummdesk.knowledge;

/**
 * One search result: the chunk and its article. {@code score} is the reciprocal-rank-fusion score that orders the
 * list; {@code similarity} is the cosine similarity of the chunk to the query (comparable across queries: a
 * paraphrase scores about 0.6 and up, unrelated text under 0.2). {@code snippet} is HTML-escaped text with the
 * matched words in {@code <mark>}.
 */
public record SearchHit(
        long articleId,
        String title,
        long chunkId,
        String heading,
        double score,
        double similarity,
        String snippet,
        String content) {}
