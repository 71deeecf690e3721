package com.hummdesk.ai.eval;

import com.hummdesk.ai.CategoryDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * An account configured the few-shot way: one category per label with N examples drawn from the training rows
 * with a fixed seed (the same seed gives the same examples on every machine).
 */
public record FewShot(List<CategoryDefinition> categories, Set<String> usedTexts) {

    public static FewShot sample(List<LabeledText> train, int shots, long seed, int maxLabels) {
        var byLabel = new TreeMap<String, List<String>>();
        for (var row : train) {
            byLabel.computeIfAbsent(row.label(), k -> new ArrayList<>()).add(row.text());
        }
        var random = new Random(seed);
        var categories = new ArrayList<CategoryDefinition>();
        var used = new java.util.HashSet<String>();
        var labels = new LinkedHashMap<>(byLabel);
        int taken = 0;
        for (var entry : labels.entrySet()) {
            if (taken++ >= maxLabels) {
                break;
            }
            var texts = new ArrayList<>(entry.getValue());
            java.util.Collections.shuffle(texts, random);
            var examples = texts.subList(0, Math.min(shots, texts.size()));
            used.addAll(examples);
            categories.add(new CategoryDefinition(entry.getKey(), "", List.copyOf(examples), null));
        }
        return new FewShot(List.copyOf(categories), Set.copyOf(used));
    }

    public Set<String> labels() {
        var labels = new java.util.HashSet<String>();
        categories.forEach(c -> labels.add(c.name()));
        return labels;
    }
}
