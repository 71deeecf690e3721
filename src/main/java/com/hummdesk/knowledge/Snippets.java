package com.hummdesk.knowledge;

/**
 * ts_headline marks matches but does not escape the passage, which is the author's text: it is escaped here and
 * only the marks (control characters in the SQL, which no passage contains after escaping) become {@code <mark>}.
 */
final class Snippets {
    private Snippets() {}

    static String html(String headline) {
        if (headline == null) {
            return "";
        }
        var sb = new StringBuilder(headline.length() + 16);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case '\u0001' -> sb.append("<mark>");
                case '\u0002' -> sb.append("</mark>");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
