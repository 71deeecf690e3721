package com.hummdesk.ai.local;

import com.hummdesk.ai.Sentiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Scratch (compiled against target/classes into this package, see README): for each tweeteval val tweet, the
 * thirteen features SentimentModel's second stage reads — anchor scores with the product's MiniLM and E5Encoder,
 * VADER's three, the lexicon's two — written to /tmp/exp/features-cascade.csv for fit_cascade.py.
 */
public class CascadeFeatures {
    public static void main(String[] args) throws Exception {
        var data = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("tweeteval_sentiment");
        var texts = Files.readAllLines(data.resolve("val_text.txt"));
        var labels = Files.readAllLines(data.resolve("val_labels.txt"));
        var anchorTexts = new ArrayList<String>();
        var anchorLabels = new ArrayList<Integer>();
        for (var line : Files.readAllLines(Path.of("src/main/resources/ai/sentiment-anchors.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            var parts = line.split("\t", 2);
            anchorTexts.add(parts[1].strip());
            anchorLabels.add(Sentiment.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)).ordinal());
        }
        var mini = new SentenceEncoder();
        var e5 = E5Encoder.shared();
        int[] y = anchorLabels.stream().mapToInt(Integer::intValue).toArray();
        var none = new SparseVector[anchorTexts.size()];
        java.util.Arrays.fill(none, SparseVector.EMPTY);
        var miniRidge = KernelRidge.fit(anchorTexts.stream().map(mini::embed).toArray(float[][]::new), none, y, 4, SentimentModel.PARAMS);
        var e5Ridge = KernelRidge.fit(anchorTexts.stream().map(e5::embed).toArray(float[][]::new), none, y, 4, SentimentModel.PARAMS);
        var lex = SentimentLexicon.load();
        var vader = VaderScorer.load();
        var out = new StringBuilder("label,a_pos,a_neu,a_neg,a_fru,v_comp,v_pos,v_neg,l_pos,l_neg,e_pos,e_neu,e_neg,e_fru\n");
        for (int i = 0; i < Math.min(texts.size(), labels.size()); i++) {
            var text = texts.get(i);
            var a = miniRidge.scores(mini.embed(text), SparseVector.EMPTY);
            var e = e5Ridge.scores(e5.embed(text), SparseVector.EMPTY);
            double polarity = Math.tanh(lex.score(text).value() / 2);
            var v = vader.score(text);
            out.append(labels.get(i).strip());
            for (double f : new double[] {a[0], a[1], a[2], a[3], v.compound(), v.positive(), v.negative(),
                    Math.max(polarity, 0), Math.min(polarity, 0), e[0], e[1], e[2], e[3]}) {
                out.append(',').append(f);
            }
            out.append('\n');
        }
        Files.createDirectories(Path.of("/tmp/exp"));
        Files.writeString(Path.of("/tmp/exp/features-cascade.csv"), out);
    }
}
