package com.hummdesk.ai.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hummdesk.ai.CategoryDefinition;
import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict reading of a model's JSON: every field present with the right type, enums among their values, the category
 * among the account's, numbers in range, text bounded, cited articles among those offered. Anything else is an
 * {@link InvalidOutputException}: the provider asks once more, then answers locally. Lenient only about what cannot
 * matter: surrounding whitespace, a Markdown code fence, the case of enum values, unknown extra fields.
 */
final class RemoteOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISO_639_1 = Pattern.compile("[a-z]{2}");
    private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final int MAX_CATEGORY = 100;
    private static final int MAX_RAW_REASONING = 2000;

    private RemoteOutput() {}

    static Classification classification(
            String json, ClassificationContext context, String provider, String model, long latencyMs) {
        var node = object(json);
        var category = category(text(node, "category", MAX_CATEGORY), context);
        var priority = oneOf(node, "priority", Priority.class);
        var sentiment = oneOf(node, "sentiment", Sentiment.class);
        var language = text(node, "language", 10).toLowerCase(Locale.ROOT);
        if (!ISO_639_1.matcher(language).matches()) {
            throw new InvalidOutputException("language is not an ISO 639-1 code");
        }
        double confidence = probability(node, "confidence");
        var reasoning = clean(text(node, "reasoning", MAX_RAW_REASONING));
        if (reasoning.isBlank()) {
            throw new InvalidOutputException("reasoning is empty");
        }
        Long team = context.categories().stream()
                .filter(c -> c.name().equals(category))
                .findFirst()
                .map(CategoryDefinition::teamId)
                .orElse(null);
        return new Classification(
                category, priority, sentiment, language, confidence, reasoning, team, provider, model, latencyMs);
    }

    static Draft draft(String json, DraftContext context, String provider, String model, long latencyMs) {
        var node = object(json);
        var text = clean(text(node, "text", Prompts.MAX_DRAFT_TEXT));
        if (text.isBlank()) {
            throw new InvalidOutputException("text is empty");
        }
        double confidence = probability(node, "confidence");
        var reasoning = clean(text(node, "reasoning", MAX_RAW_REASONING));
        if (reasoning.length() > Prompts.MAX_REASONING) {
            reasoning = reasoning.substring(0, Prompts.MAX_REASONING - 1) + "…";
        }
        var cited = node.get("citedArticleIds");
        if (cited == null || !cited.isArray()) {
            throw new InvalidOutputException("citedArticleIds is not an array");
        }
        Set<Long> offered =
                context.passages().stream().map(KnowledgePassage::articleId).collect(Collectors.toSet());
        var ids = new LinkedHashSet<Long>();
        for (var id : cited) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw new InvalidOutputException("citedArticleIds holds a non-integer");
            }
            if (!offered.contains(id.longValue())) {
                throw new InvalidOutputException("cites an article that was not offered");
            }
            ids.add(id.longValue());
        }
        return new Draft(text, confidence, reasoning, new ArrayList<>(ids), provider, model, latencyMs);
    }

    private static JsonNode object(String json) {
        if (json == null) {
            throw new InvalidOutputException("no output");
        }
        var body = json.strip();
        var fenced = FENCE.matcher(body);
        if (fenced.matches()) {
            body = fenced.group(1);
        }
        try {
            var node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidOutputException("output is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidOutputException("output is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field, int max) {
        var value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidOutputException(field + " is missing or not a string");
        }
        var text = value.asText().strip();
        if (text.length() > max) {
            throw new InvalidOutputException(field + " is longer than " + max + " characters");
        }
        return text;
    }

    private static <E extends Enum<E>> E oneOf(JsonNode node, String field, Class<E> type) {
        var value = text(node, field, 20).toUpperCase(Locale.ROOT);
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidOutputException(field + " is not one of the allowed values");
    }

    private static double probability(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new InvalidOutputException(field + " is missing or not a number");
        }
        double number = value.asDouble();
        if (!(number >= 0 && number <= 1)) {
            throw new InvalidOutputException(field + " is outside 0..1");
        }
        return number;
    }

    /** The account's own spelling of the category; a category the account does not have is rejected. */
    private static String category(String name, ClassificationContext context) {
        if (context.categories().isEmpty()) {
            if (name.isBlank()) {
                throw new InvalidOutputException("category is empty");
            }
            return clean(name);
        }
        return context.categories().stream()
                .map(CategoryDefinition::name)
                .filter(n -> n.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new InvalidOutputException("category is not one of the account's"));
    }

    private static String clean(String text) {
        return CONTROL.matcher(text).replaceAll(" ").strip();
    }
}
