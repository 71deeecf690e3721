package com.hummdesk.ai.local;
import dev.langchain4j.model.embedding.onnx.*;
import java.nio.file.*;
public class EncTime {
    public static void main(String[] a) throws Exception {
        var texts = Files.readAllLines(Path.of("/work/shared/data/tweeteval_sentiment/val_text.txt")).subList(0, 600);
        var e5 = new OnnxEmbeddingModel(Path.of("/tmp/e5/e5-small-v2-q.onnx"), Path.of("/tmp/e5/e5-small-v2-q-tokenizer.json"), PoolingMode.MEAN);
        var mini = new SentenceEncoder();
        for (int round = 0; round < 2; round++) {
            long[] tm = new long[texts.size()], te = new long[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                long t = System.nanoTime(); mini.embed(texts.get(i)); tm[i] = System.nanoTime() - t;
                t = System.nanoTime(); e5.embed("query: " + texts.get(i)); te[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(tm); java.util.Arrays.sort(te);
            System.out.printf("round %d: MiniLM p50 %.2f p99 %.2f ms; e5 p50 %.2f p99 %.2f ms%n", round, tm[300]/1e6, tm[594]/1e6, te[300]/1e6, te[594]/1e6);
        }
    }
}
