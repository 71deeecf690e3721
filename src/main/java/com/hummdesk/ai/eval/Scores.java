package com.hummdesk.ai.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/** Accuracy, macro-F1 (over the gold classes) and per-class figures of a list of predictions. */
public record Scores(double accuracy, double macroF1, List<ClassFigures> perClass, int count) {

    public static Scores of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        var truePositives = new HashMap<String, Integer>();
        var predictedCounts = new HashMap<String, Integer>();
        var goldCounts = new HashMap<String, Integer>();
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            goldCounts.merge(gold.get(i), 1, Integer::sum);
            predictedCounts.merge(predicted.get(i), 1, Integer::sum);
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
                truePositives.merge(gold.get(i), 1, Integer::sum);
            }
        }
        var perClass = new ArrayList<ClassFigures>();
        double f1Sum = 0;
        for (var label : new TreeSet<>(goldCounts.keySet())) {
            int tp = truePositives.getOrDefault(label, 0);
            int support = goldCounts.get(label);
            int predictedCount = predictedCounts.getOrDefault(label, 0);
            double precision = predictedCount == 0 ? 0 : (double) tp / predictedCount;
            double recall = (double) tp / support;
            double f1 = tp == 0 ? 0 : 2.0 * tp / (predictedCount + support);
            f1Sum += f1;
            perClass.add(new ClassFigures(label, precision, recall, f1, support));
        }
        return new Scores(
                gold.isEmpty() ? 0 : (double) correct / gold.size(),
                perClass.isEmpty() ? 0 : f1Sum / perClass.size(),
                List.copyOf(perClass),
                gold.size());
    }

    /** The classes sorted by F1, worst first. */
    public List<ClassFigures> worstFirst() {
        return perClass.stream()
                .sorted(Comparator.comparingDouble(ClassFigures::f1).thenComparing(ClassFigures::label))
                .toList();
    }
}
