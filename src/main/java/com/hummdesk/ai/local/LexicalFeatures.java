package com.hummdesk.ai.local;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TF-IDF over word unigrams, word bigrams and character 3-5-grams, fitted on one category set's examples. It
 * complements the sentence embedding where that is weak: non-English text (character n-grams match inflected
 * Finnish and German words), rare product words and anything past the embedding's 128-token window.
 */
final class LexicalFeatures {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MAX_CHARS = 2_000;

    private final Map<String, Integer> index;
    private final float[] idf;

    private LexicalFeatures(Map<String, Integer> index, float[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** Fits the vocabulary and inverse document frequencies on the given documents. */
    static LexicalFeatures fit(List<String> documents) {
        var documentFrequency = new HashMap<String, Integer>();
        for (var document : documents) {
            for (var feature : new java.util.HashSet<>(features(document))) {
                documentFrequency.merge(feature, 1, Integer::sum);
            }
        }
        var index = new HashMap<String, Integer>(documentFrequency.size() * 2);
        var idf = new float[documentFrequency.size()];
        int n = documents.size();
        for (var entry : documentFrequency.entrySet()) {
            int i = index.size();
            index.put(entry.getKey(), i);
            // Smoothed idf, as scikit-learn's TfidfVectorizer does.
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + entry.getValue())) + 1.0);
        }
        return new LexicalFeatures(index, idf);
    }

    /** The document's unit-length TF-IDF vector; features never seen in fitting are dropped. */
    SparseVector vector(String document) {
        var counts = new HashMap<Integer, Integer>();
        for (var feature : features(document)) {
            var i = index.get(feature);
            if (i != null) {
                counts.merge(i, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return SparseVector.EMPTY;
        }
        var indices =
                counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        var values = new float[indices.length];
        double norm = 0;
        for (int k = 0; k < indices.length; k++) {
            values[k] = (float) ((1 + Math.log(counts.get(indices[k]))) * idf[indices[k]]);
            norm += values[k] * values[k];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < values.length; k++) {
            values[k] *= scale;
        }
        return new SparseVector(indices, values);
    }

    int size() {
        return idf.length;
    }

    static List<String> words(String text) {
        var folded = MARKS.matcher(Normalizer.normalize(
                        text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        var words = new ArrayList<String>();
        var m = WORD.matcher(folded);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static List<String> features(String text) {
        var words = words(text);
        var features = new ArrayList<String>(words.size() * 16);
        for (int i = 0; i < words.size(); i++) {
            features.add("w:" + words.get(i));
            if (i > 0) {
                features.add("b:" + words.get(i - 1) + "_" + words.get(i));
            }
        }
        var joined = " " + String.join(" ", words) + " ";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= joined.length(); i++) {
                features.add("c" + joined.substring(i, i + n));
            }
        }
        return features;
    }
}
