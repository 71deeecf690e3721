package com.hummdesk.ai.local;

import com.hummdesk.ai.Sentiment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scratch: anchor features per encoder + VADER + lexicon dumped for a softmax fit (even rows) / check (odd rows). */
public class SentimentEncoderExperiment {
    public static void main(String[] args) throws Exception {
        var texts = Files.readAllLines(Path.of("/work/shared/data/tweeteval_sentiment/val_text.txt"));
        var labels = Files.readAllLines(Path.of("/work/shared/data/tweeteval_sentiment/val_labels.txt"));
        int n = Math.min(texts.size(), labels.size());
        var anchorTexts = new ArrayList<String>();
        var anchorLabels = new ArrayList<Integer>();
        for (var line : Files.readAllLines(Path.of("src/main/resources/ai/sentiment-anchors.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            var parts = line.split("\t", 2);
            anchorTexts.add(parts[1].strip());
            anchorLabels.add(Sentiment.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)).ordinal());
        }
        String which = args[0];
        EmbeddingModel model;
        String prefix = "";
        if (which.equals("minilm")) {
            model = null;
        } else if (which.equals("bge")) {
            model = new OnnxEmbeddingModel(Path.of("/tmp/bge/bge-small-en-v1.5-q.onnx"), Path.of("/tmp/bge/bge-small-en-v1.5-q-tokenizer.json"), PoolingMode.CLS);
        } else {
            model = new OnnxEmbeddingModel(Path.of("/tmp/e5/e5-small-v2-q.onnx"), Path.of("/tmp/e5/e5-small-v2-q-tokenizer.json"), PoolingMode.MEAN);
            prefix = "query: ";
        }
        var mini = new SentenceEncoder();
        final String p = prefix;
        java.util.function.Function<String, float[]> enc = model == null ? mini::embed
                : t -> SentenceEncoder.normalize(model.embed(p + (t.isBlank() ? "." : t)).content().vector());
        var anchorEmb = anchorTexts.stream().map(enc).toArray(float[][]::new);
        var lexical = new SparseVector[anchorTexts.size()];
        java.util.Arrays.fill(lexical, SparseVector.EMPTY);
        var ridge = KernelRidge.fit(anchorEmb, lexical, anchorLabels.stream().mapToInt(Integer::intValue).toArray(), 4, SentimentModel.PARAMS);
        var lex = SentimentLexicon.load();
        var vader = VaderScorer.load();
        var out = new StringBuilder("label,a_pos,a_neu,a_neg,a_fru,v_comp,v_pos,v_neg,l_pos,l_neg\n");
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var text = texts.get(i);
            var a = ridge.scores(enc.apply(text), SparseVector.EMPTY);
            double polarity = Math.tanh(lex.score(text).value() / 2);
            var v = vader.score(text);
            out.append(labels.get(i).strip()).append(',')
               .append(a[0]).append(',').append(a[1]).append(',').append(a[2]).append(',').append(a[3]).append(',')
               .append(v.compound()).append(',').append(v.positive()).append(',').append(v.negative()).append(',')
               .append(Math.max(polarity, 0)).append(',').append(Math.min(polarity, 0)).append('\n');
        }
        System.out.printf("%s: %d texts in %.1f ms each%n", which, n, (System.nanoTime() - t0) / 1e6 / n);
        Files.writeString(Path.of("/tmp/exp/features-" + which + ".csv"), out);
    }
}
