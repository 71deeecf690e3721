package com.hummdesk.knowledge;

import java.util.regex.Pattern;

/** Markdown inline syntax reduced to the words a reader sees, for embeddings, full-text vectors and snippets. */
final class Markdown {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~|`+)");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>+\\s?");
    private static final Pattern RAW_OPEN = Pattern.compile("(?i)<(script|style)\\b[^>]*>");
    private static final Pattern RAW_CLOSE = Pattern.compile("(?i)</(script|style)\\s*>");

    private Markdown() {}

    static String inline(String line) {
        var text = QUOTE.matcher(line).replaceFirst("");
        text = LIST_MARKER.matcher(text).replaceFirst("");
        text = IMAGE.matcher(text).replaceAll("$1");
        text = LINK.matcher(text).replaceAll("$1");
        text = TAG.matcher(text).replaceAll(" ");
        text = EMPHASIS.matcher(text).replaceAll("");
        return text.strip();
    }

    /**
     * Drops raw HTML {@code <script>} and {@code <style>} elements, which may span lines, from a markdown body read
     * line by line: their contents are code, not words a reader sees (nor text a draft may quote to a customer).
     */
    static final class RawBlocks {
        private boolean open;

        /** The part of the line outside script and style elements. */
        String visible(String line) {
            var out = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                if (open) {
                    var close = RAW_CLOSE.matcher(line);
                    if (!close.find(i)) {
                        break;
                    }
                    open = false;
                    i = close.end();
                } else {
                    var start = RAW_OPEN.matcher(line);
                    if (!start.find(i)) {
                        out.append(line, i, line.length());
                        break;
                    }
                    out.append(line, i, start.start());
                    open = true;
                    i = start.end();
                }
            }
            return out.toString();
        }

        boolean open() {
            return open;
        }
    }
}
