package com.hummdesk.conversations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The list statement of one shape (which filters are present, which sort) rendered once, with its parameters'
 * names in bind order; binding a filter's values is then all a request costs.
 *
 * <p>The page's LIMIT and OFFSET are written into the SQL as numbers (both are validated integers), not bound:
 * PostgreSQL plans a bound LIMIT as if it kept a tenth of the rows, so the parameterised (generic) plan of the
 * list looked ten times dearer than it is, was never chosen, and every execution was planned again.
 */
record ListStatement(String sql, List<String> names) {
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");
    /** Parameters written into the SQL rather than bound. */
    private static final List<String> INLINED = List.of("limit", "offset");

    record Shape(int filters, ConversationSort sort) {}

    ListStatement {
        names = List.copyOf(names);
    }

    /** From SQL rendered with named parameters ({@code :accountId}); every parameter must have a name. */
    static ListStatement of(String namedSql) {
        var names = new ArrayList<String>();
        var matcher = NAMED.matcher(namedSql);
        var sql = new StringBuilder();
        while (matcher.find()) {
            var name = matcher.group(1);
            if (INLINED.contains(name)) {
                matcher.appendReplacement(sql, "{" + name + "}");
            } else {
                names.add(name);
                matcher.appendReplacement(sql, "?");
            }
        }
        matcher.appendTail(sql);
        if (sql.indexOf(":") >= 0) {
            throw new IllegalStateException("the list statement has an unnamed parameter: " + namedSql);
        }
        return new ListStatement(sql.toString(), names);
    }

    /** The SQL for these values: the inlined parameters written in as numbers, the others left as {@code ?}. */
    String sql(Map<String, Object> values) {
        var sql = this.sql;
        for (var name : INLINED) {
            if (sql.contains("{" + name + "}")) {
                var value = values.get(name);
                if (!(value instanceof Integer || value instanceof Long)) {
                    throw new IllegalStateException("parameter " + name + " must be an integer, not " + value);
                }
                sql = sql.replace("{" + name + "}", value.toString());
            }
        }
        return sql;
    }

    List<Object> binds(Map<String, Object> values) {
        var binds = new ArrayList<Object>(names.size());
        for (var name : names) {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("no value for parameter " + name);
            }
            binds.add(values.get(name));
        }
        return binds;
    }

    static Shape shapeOf(ConversationFilter f) {
        int filters = bit(f.status(), 0)
                | bit(f.assigneeId(), 1)
                | (f.unassigned() ? 1 << 2 : 0)
                | bit(f.teamId(), 3)
                | bit(f.inboxId(), 4)
                | bit(f.category(), 5)
                | bit(f.priority(), 6)
                | bit(f.sentiment(), 7)
                | bit(f.language(), 8)
                | bit(f.label(), 9)
                | bit(f.q(), 10);
        return new Shape(filters, f.sort());
    }

    /** The value of each named parameter of the list statement, with the Java types jOOQ binds them as. */
    static Map<String, Object> values(ConversationFilter f) {
        var values = new HashMap<String, Object>();
        values.put("accountId", f.accountId());
        values.put("userId", f.userId());
        values.put("assigneeId", f.assigneeId());
        values.put("status", f.status() == null ? null : f.status().wire());
        values.put("teamId", f.teamId());
        values.put("inboxId", f.inboxId());
        values.put("category", f.category());
        values.put("priority", f.priority() == null ? null : f.priority().wire());
        values.put("sentiment", f.sentiment() == null ? null : f.sentiment().wire());
        values.put("language", f.language());
        values.put("label", f.label());
        values.put("q", f.q());
        values.put("limit", f.pageSize());
        values.put("offset", f.offset());
        return values;
    }

    private static int bit(Object value, int position) {
        return value == null ? 0 : 1 << position;
    }
}
