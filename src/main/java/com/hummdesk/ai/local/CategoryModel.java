package com.hummdesk.ai.local;

import com.hummdesk.ai.CategoryDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One category set's trained classifier. Training sentences are each category's examples plus its name (snake or
 * kebab case turned into words) and description: on banking77 the names alone added 1-2 points at 10 examples per
 * label, and they make a category with no examples yet usable at all.
 */
final class CategoryModel {
    static final KernelRidge.Params PARAMS = new KernelRidge.Params(0.25, 2.0, 0.1);

    private final List<String> names;
    private final List<String> texts;
    private final int[] labels;
    private final float[][] embeddings;
    private final LexicalFeatures lexicalFeatures;
    private final KernelRidge ridge;

    private CategoryModel(
            List<String> names,
            List<String> texts,
            int[] labels,
            float[][] embeddings,
            LexicalFeatures lexicalFeatures,
            KernelRidge ridge) {
        this.names = names;
        this.texts = texts;
        this.labels = labels;
        this.embeddings = embeddings;
        this.lexicalFeatures = lexicalFeatures;
        this.ridge = ridge;
    }

    static CategoryModel train(List<CategoryDefinition> categories, SentenceEncoder encoder) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("no categories to train on");
        }
        var names = new ArrayList<String>();
        var texts = new ArrayList<String>();
        var labelList = new ArrayList<Integer>();
        for (int c = 0; c < categories.size(); c++) {
            var category = categories.get(c);
            names.add(category.name());
            texts.add(humanize(category.name()));
            labelList.add(c);
            if (!category.description().isBlank()) {
                texts.add(category.description());
                labelList.add(c);
            }
            for (var example : category.examples()) {
                if (!example.isBlank()) {
                    texts.add(example);
                    labelList.add(c);
                }
            }
        }
        var labels = labelList.stream().mapToInt(Integer::intValue).toArray();
        var embeddings = texts.stream().map(encoder::embedCached).toArray(float[][]::new);
        var lexicalFeatures = LexicalFeatures.fit(texts);
        var lexical = texts.stream().map(lexicalFeatures::vector).toArray(SparseVector[]::new);
        var ridge = KernelRidge.fit(embeddings, lexical, labels, categories.size(), PARAMS);
        return new CategoryModel(List.copyOf(names), List.copyOf(texts), labels, embeddings, lexicalFeatures, ridge);
    }

    CategoryMatch match(String text, float[] embedding) {
        var scores = ridge.scores(embedding, lexicalFeatures.vector(text));
        int best = 0;
        int second = -1;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                second = best;
                best = c;
            } else if (second < 0 || scores[c] > scores[second]) {
                second = c;
            }
        }
        int nearest = -1;
        double nearestSimilarity = -1;
        for (int i = 0; i < texts.size(); i++) {
            if (labels[i] == best) {
                double similarity = SentenceEncoder.dot(embedding, embeddings[i]);
                if (similarity > nearestSimilarity) {
                    nearestSimilarity = similarity;
                    nearest = i;
                }
            }
        }
        return new CategoryMatch(
                best,
                names.get(best),
                scores[best],
                second < 0 ? "" : names.get(second),
                second < 0 ? 0 : scores[second],
                texts.get(nearest),
                nearestSimilarity);
    }

    int trainingSize() {
        return texts.size();
    }

    static String humanize(String name) {
        return name.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
    }
}
