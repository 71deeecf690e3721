package com.hummdesk.knowledge;

import com.hummdesk.ai.local.SentenceEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Chunks an article and embeds its chunks with the shared encoder, which is loaded on first use. */
final class Embedder {
    private final Supplier<SentenceEncoder> encoder;

    Embedder(Supplier<SentenceEncoder> encoder) {
        this.encoder = encoder;
    }

    List<ChunkRepository.NewChunk> chunkAndEmbed(String title, String body) {
        var chunks = Chunker.chunk(title, body);
        var out = new ArrayList<ChunkRepository.NewChunk>(chunks.size());
        var model = encoder.get();
        for (var chunk : chunks) {
            out.add(new ChunkRepository.NewChunk(chunk, model.embed(chunk.embeddingText(title))));
        }
        return out;
    }

    float[] embedQuery(String query) {
        return encoder.get().embed(query);
    }
}
