package com.hummdesk.ai.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the development data sets from the shared data folder (never copied into the repository): banking77's
 * text,category CSV files, tweeteval's parallel text/label files and ud_langid's lang/text TSV.
 */
public final class DataSets {
    private final Path root;

    public DataSets(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public boolean exists() {
        return Files.isDirectory(root.resolve("banking77"));
    }

    public List<LabeledText> banking77(String split) {
        var rows = Csv.parse(read("banking77/" + split + ".csv"));
        var out = new ArrayList<LabeledText>();
        for (var row : rows.subList(1, rows.size())) {
            out.add(new LabeledText(row.get(0), row.get(1)));
        }
        return out;
    }

    /** tweeteval sentiment, val split, labels mapped through mapping.txt (0 negative, 1 neutral, 2 positive). */
    public List<LabeledText> tweetevalSentiment() {
        var names = new ArrayList<String>();
        for (var line : read("tweeteval_sentiment/mapping.txt").split("\n")) {
            if (!line.isBlank()) {
                names.add(line.split("\t")[1].strip());
            }
        }
        var texts = read("tweeteval_sentiment/val_text.txt").split("\n");
        var labels = read("tweeteval_sentiment/val_labels.txt").split("\n");
        var out = new ArrayList<LabeledText>();
        for (int i = 0; i < labels.length; i++) {
            if (!labels[i].isBlank()) {
                out.add(new LabeledText(texts[i].strip(), names.get(Integer.parseInt(labels[i].strip()))));
            }
        }
        return out;
    }

    public List<LabeledText> udLangid() {
        var lines = read("ud_langid/ud_langid.tsv").split("\n");
        var out = new ArrayList<LabeledText>();
        for (int i = 1; i < lines.length; i++) {
            var parts = lines[i].split("\t");
            if (parts.length >= 2) {
                out.add(new LabeledText(parts[1], parts[0]));
            }
        }
        return out;
    }

    private String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
        }
    }
}
