package com.hummdesk.conversations;

import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the list's query parameters into a filter; bad values are 400s that say what is allowed. */
final class ConversationListParams {
    static final int MAX_TEXT = 200;

    private ConversationListParams() {}

    static ConversationFilter filter(Function<String, String> params, CurrentUser user, int page, int pageSize) {
        var assignee = text(params, "assignee");
        Long assigneeId = null;
        boolean unassigned = false;
        if (assignee != null) {
            switch (assignee) {
                case "me" -> assigneeId = user.userId();
                case "unassigned" -> unassigned = true;
                case "any" -> {}
                default -> assigneeId = id("assignee", assignee, List.of("me", "unassigned", "any", "<agent id>"));
            }
        }
        var sort = text(params, "sort");
        return new ConversationFilter(
                user.accountId(),
                user.userId(),
                enumValue(Status.class, "status", text(params, "status")),
                assigneeId,
                unassigned,
                id("team", text(params, "team"), List.of("<team id>")),
                id("inbox", text(params, "inbox"), List.of("<inbox id>")),
                text(params, "category"),
                enumValue(Priority.class, "priority", text(params, "priority")),
                enumValue(Sentiment.class, "sentiment", text(params, "sentiment")),
                text(params, "language"),
                text(params, "label"),
                text(params, "q"),
                sort == null ? ConversationSort.NEWEST : Enums.parse(ConversationSort.class, "sort", sort),
                page,
                pageSize);
    }

    private static String text(Function<String, String> params, String name) {
        var value = params.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.indexOf('\0') >= 0) {
            throw new BadRequest(
                    "invalid_parameter",
                    name + " must be at most " + MAX_TEXT + " characters of text",
                    Map.of("field", name, "max", MAX_TEXT));
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        return value == null ? null : Enums.parse(type, name, value);
    }

    private static Long id(String name, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(
                    "invalid_parameter",
                    name + " must be one of " + String.join(", ", allowed) + "; got '" + value + "'",
                    Map.of("field", name, "allowed", allowed, "value", value));
        }
    }
}
