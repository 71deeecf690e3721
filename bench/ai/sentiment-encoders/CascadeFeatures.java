package com.hummdesk.ai.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scratch (compiled against target/classes into this package, see README): for each tweeteval val tweet, the
 * thirteen features SentimentModel's second layer reads — computed by SentimentModel itself (MiniLM and e5 anchor
 * scores, VADER's three, the lexicon's two) — written to /tmp/exp/features-cascade.csv for fit_cascade.py.
 */
public class CascadeFeatures {
    public static void main(String[] args) throws Exception {
        var data = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("tweeteval_sentiment");
        var texts = Files.readAllLines(data.resolve("val_text.txt"));
        var labels = Files.readAllLines(data.resolve("val_labels.txt"));
        var encoder = SharedEncoder.get();
        var model = SentimentModel.load(encoder);
        var out = new StringBuilder(
                "label,a_pos,a_neu,a_neg,a_fru,v_comp,v_pos,v_neg,l_pos,l_neg,e_pos,e_neu,e_neg,e_fru\n");
        for (int i = 0; i < Math.min(texts.size(), labels.size()); i++) {
            var text = texts.get(i);
            out.append(labels.get(i).strip());
            for (double f : model.withE5(text, model.features(text, encoder.embed(text)))) {
                out.append(',').append(f);
            }
            out.append('\n');
        }
        Files.createDirectories(Path.of("/tmp/exp"));
        Files.writeString(Path.of("/tmp/exp/features-cascade.csv"), out);
    }
}
