package com.hummdesk.drafts;

/**
 * Normalised Levenshtein distance: edits (insert, delete, substitute one character) to turn one text into the other,
 * divided by the longer text's length, so 0 is identical and 1 nothing in common. Counted in code points, so an
 * emoji is one character. Two rows of the table, O(n·m) time: about 0.1 s for two 10,000-character texts, the
 * longest a message can be. Written here rather than taken from a library: it is twenty lines and a new dependency
 * for it would be heavier than the code.
 */
final class EditDistance {
    private EditDistance() {}

    static double normalised(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int longer = Math.max(x.length, y.length);
        return longer == 0 ? 0 : (double) levenshtein(x, y) / longer;
    }

    static int levenshtein(int[] x, int[] y) {
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
