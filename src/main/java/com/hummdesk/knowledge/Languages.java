package com.hummdesk.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An article's language picks the PostgreSQL text-search configuration that stems its words. The encoder is
 * English-only (MiniLM), so for other languages the full-text half of the hybrid search carries most of the weight.
 */
final class Languages {
    static final Pattern CODE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2})?");
    private static final Map<String, String> CONFIGS = Map.ofEntries(
            Map.entry("en", "english"),
            Map.entry("fi", "finnish"),
            Map.entry("sv", "swedish"),
            Map.entry("de", "german"),
            Map.entry("fr", "french"),
            Map.entry("es", "spanish"),
            Map.entry("da", "danish"),
            Map.entry("nb", "norwegian"),
            Map.entry("no", "norwegian"),
            Map.entry("nl", "dutch"),
            Map.entry("pt", "portuguese"),
            Map.entry("it", "italian"));

    private Languages() {}

    static String config(String language) {
        var base = language == null ? "" : language.toLowerCase(Locale.ROOT);
        int dash = base.indexOf('-');
        return CONFIGS.getOrDefault(dash > 0 ? base.substring(0, dash) : base, "simple");
    }

    /** SQL that maps a language column to its configuration, for ts_headline. */
    static String configSql(String column) {
        var sql = new StringBuilder("(case split_part(lower(").append(column).append("), '-', 1)");
        CONFIGS.forEach((code, config) -> sql.append(" when '")
                .append(code)
                .append("' then '")
                .append(config)
                .append("'::regconfig"));
        return sql.append(" else 'simple'::regconfig end)").toString();
    }
}
