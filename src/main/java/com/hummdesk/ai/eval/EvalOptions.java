package com.hummdesk.ai.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code eval-ai}: the data folder, few-shot sizes, the sampling seed, an optional row limit per data
 * set and label limit (for quick runs and tests), Lingua's mode, and whether to refit the calibration instead.
 */
public record EvalOptions(
        Path data,
        List<Integer> shots,
        long seed,
        int limit,
        int maxLabels,
        boolean linguaHighAccuracy,
        boolean fitCalibration,
        String only) {
    public static final Path DEFAULT_DATA = Path.of("..", "shared", "data");
    public static final long DEFAULT_SEED = 42;

    static final String USAGE = """
            eval-ai [--data DIR] [--shots 5,10,20] [--seed N] [--limit ROWS] [--labels N] [--lingua low|high]
                    [--only banking77|sentiment|langid] [--fit-calibration]
              measures the local AI provider on the development data (default DIR ../shared/data)
            """;

    public static EvalOptions parse(List<String> args) {
        var data = DEFAULT_DATA;
        var shots = List.of(5, 10, 20);
        long seed = DEFAULT_SEED;
        int limit = 0;
        int maxLabels = Integer.MAX_VALUE;
        boolean high = true;
        boolean fit = false;
        String only = "";
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            switch (arg) {
                case "--fit-calibration" -> fit = true;
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--shots" -> {
                    var list = new ArrayList<Integer>();
                    for (var part : value(args, ++i, arg).split(",")) {
                        list.add(Integer.parseInt(part.strip()));
                    }
                    shots = List.copyOf(list);
                }
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--limit" -> limit = Integer.parseInt(value(args, ++i, arg));
                case "--labels" -> maxLabels = Integer.parseInt(value(args, ++i, arg));
                case "--lingua" -> high = !"low".equals(value(args, ++i, arg));
                case "--only" -> only = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new EvalOptions(data, shots, seed, limit, maxLabels, high, fit, only);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    /** Whether a section (banking77, sentiment, langid) is to run. */
    boolean runs(String section) {
        return only.isEmpty() || only.equals(section);
    }

    /** At most {@code limit} rows spread evenly over the list (so every label keeps some), or all of them. */
    <T> List<T> limited(List<T> rows) {
        if (limit <= 0 || limit >= rows.size()) {
            return rows;
        }
        var out = new ArrayList<T>(limit);
        double step = (double) rows.size() / limit;
        for (int i = 0; i < limit; i++) {
            out.add(rows.get((int) (i * step)));
        }
        return out;
    }
}
