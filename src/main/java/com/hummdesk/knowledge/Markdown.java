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
}
