package com.hummdesk.ai.local;

import com.hummdesk.ai.Classification;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.ai.HistoryTurn;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local provider's reply drafts: extractive, so every statement of the answer is a sentence of the account's
 * own knowledge base. A draft is a greeting, the passages' sentences that best match the customer's message (cleaned
 * of markup, never rewritten beyond cutting an overlong sentence), and a closing, in the customer's language where
 * a {@link DraftTemplate} exists (English otherwise); it cites the articles it quotes.
 *
 * <p>Whether a passage answers the message is judged here, not taken from the retrieval score, whose scale belongs
 * to the search that produced it (cosine, rank fusion, ...): a passage is <em>grounding</em> when it contains
 * enough of the message's content words in one place (its title plus {@link #WINDOW} consecutive sentences),
 * {@link #MIN_GROUNDING} of them, counted against at most {@link #KEY_TERMS} terms so a long message is not held to
 * every word. Below that for every passage, the draft
 * asks a clarifying question (a vague message) or hands over to a colleague (a specific one, or an upset or urgent
 * customer), with low confidence and no citations, and never states a policy. The threshold was calibrated on the
 * StackFAQ set (see {@code DraftGroundingCalibrationTest} and bench/drafts/RESULTS.md).
 *
 * <p>The customer's text is only ever used to choose sentences: nothing of it is copied into the draft, so an
 * instruction written in a message cannot change what the draft says. Stateless and thread-safe; no model, no
 * network, well under a millisecond for ordinary input.
 */
public final class GroundedDraftWriter {
    public static final String MODEL = "grounded-extractive-v1";

    /** Share of the message's key terms a passage must contain to be quoted (calibrated on StackFAQ). */
    static final double MIN_GROUNDING = 0.6;
    /** Grounding is measured on the title plus this many consecutive sentences: the answer must be in one place. */
    static final int WINDOW = 2;
    /** A message's terms beyond this many do not raise the bar: long messages carry context, not more question. */
    static final int KEY_TERMS = 5;
    /** Messages with fewer content terms than this are vague: without an answer the draft asks what they mean. */
    static final int VAGUE_TERMS = 3;

    private static final int MAX_PASSAGES = 8;
    private static final int MAX_PASSAGE_CHARS = 20_000;
    private static final int MAX_MESSAGE_CHARS = 4_000;
    private static final int MAX_QUOTED_PASSAGES = 3;
    private static final int MAX_SENTENCES = 4;
    private static final int MAX_STEPS = 6;
    private static final int MAX_ANSWER_CHARS = 900;
    private static final int MAX_TITLE_IN_REASONING = 60;

    /** One offered passage with what was measured on it. */
    private record Scored(KnowledgePassage passage, int rank, Set<String> matched, double grounding, double retrieval) {
        double order() {
            return 0.7 * grounding + 0.3 * retrieval;
        }
    }

    private record Chosen(Scored source, DraftText.Sentence sentence) {}

    public Draft write(DraftContext context) {
        long started = System.nanoTime();
        var template = DraftTemplate.forLanguage(context.language());
        var message = context.messageText().length() > MAX_MESSAGE_CHARS
                ? context.messageText().substring(0, MAX_MESSAGE_CHARS)
                : context.messageText();
        var keywords = new LinkedHashMap<>(DraftText.keywords(message));
        boolean followUp = false;
        if (keywords.size() < VAGUE_TERMS) {
            // "Still not working" says little alone: the customer's previous message says what "it" is.
            var previous = previousCustomerTurn(context.history(), message);
            if (!previous.isEmpty()) {
                DraftText.keywords(previous).forEach(keywords::putIfAbsent);
                followUp = true;
            }
        }
        var query = keywords.keySet();
        var scored = score(context.passages(), query);
        var grounding = scored.stream()
                .filter(s -> s.grounding() >= MIN_GROUNDING)
                .sorted(Comparator.comparingDouble(Scored::order).reversed())
                .limit(MAX_QUOTED_PASSAGES)
                .toList();
        var chosen = grounding.isEmpty() ? List.<Chosen>of() : choose(grounding, query);
        var classification = context.classification();
        boolean upset = classification != null
                && (classification.sentiment() == Sentiment.NEGATIVE
                        || classification.sentiment() == Sentiment.FRUSTRATED);
        var languageNote = DraftTemplate.has(context.language())
                ? "Written from the " + template.language() + " template."
                : "No template for '" + context.language() + "': written in English.";

        if (chosen.isEmpty()) {
            boolean handOver = upset
                    || query.size() >= VAGUE_TERMS
                    || (classification != null && classification.priority().compareTo(Priority.HIGH) >= 0);
            var text = template.opening(upset) + "\n\n" + (handOver ? template.handover() : template.clarify()) + "\n\n"
                    + template.signOff();
            double best = scored.stream().mapToDouble(Scored::grounding).max().orElse(0);
            double confidence = clamp(0.05 + 0.1 * best + 0.05 * classificationConfidence(classification));
            var reasoning =
                    noAnswerReasoning(scored, query, handOver) + " " + classified(classification) + languageNote;
            return new Draft(
                    text, round(confidence), reasoning, List.of(), LocalProvider.NAME, MODEL, elapsedMs(started));
        }

        var answer = render(chosen);
        var text = template.opening(upset) + "\n\n" + template.answerLead() + "\n\n" + answer + "\n\n"
                + template.closing() + "\n\n" + template.signOff();
        var quoted = new LinkedHashMap<Long, Scored>();
        chosen.forEach(c -> quoted.putIfAbsent(c.source().passage().articleId(), c.source()));
        var top = quoted.values().iterator().next();
        double confidence = 0.25
                + 0.45 * top.grounding()
                + 0.15 * top.retrieval()
                + 0.15 * classificationConfidence(classification);
        if (!DraftTemplate.has(context.language())) {
            confidence *= 0.9; // the customer may not read English: an agent should look twice
        }
        var reasoning = "Quoted from "
                + quoted.values().stream()
                        .map(s -> describe(s, keywords, query))
                        .collect(Collectors.joining(" and "))
                + "." + (followUp ? " The message is short, so the customer's previous message was searched too." : "")
                + " " + classified(classification) + languageNote;
        return new Draft(
                text,
                round(clamp(confidence)),
                reasoning,
                List.copyOf(quoted.keySet()),
                LocalProvider.NAME,
                MODEL,
                elapsedMs(started));
    }

    /** Grounding of each distinct offered passage (first {@link #MAX_PASSAGES}), in the order offered. */
    private static List<Scored> score(List<KnowledgePassage> passages, Set<String> query) {
        var scored = new ArrayList<Scored>();
        var seen = new HashSet<String>();
        for (var passage : passages) {
            if (passage == null || scored.size() >= MAX_PASSAGES) {
                continue;
            }
            if (!seen.add(passage.articleId() + ":" + passage.chunkId())) {
                continue; // the same chunk twice (fused result lists) counts once
            }
            var body = passage.text().length() > MAX_PASSAGE_CHARS
                    ? passage.text().substring(0, MAX_PASSAGE_CHARS)
                    : passage.text();
            var title = DraftText.terms(passage.title());
            var sentences = DraftText.sentences(body);
            Set<String> matched = Set.of();
            for (int i = 0; i < Math.max(1, sentences.size()); i++) {
                var window = new HashSet<>(title);
                for (int j = i; j < Math.min(sentences.size(), i + WINDOW); j++) {
                    window.addAll(sentences.get(j).terms());
                }
                var inWindow = new LinkedHashSet<>(query);
                inWindow.retainAll(window);
                if (inWindow.size() > matched.size()) {
                    matched = inWindow;
                }
            }
            scored.add(new Scored(
                    passage, scored.size(), matched, grounding(matched.size(), query.size()), clamp(passage.score())));
        }
        return scored;
    }

    static double grounding(int matched, int queryTerms) {
        return queryTerms == 0 ? 0 : Math.min(1.0, matched / (double) Math.min(queryTerms, KEY_TERMS));
    }

    /**
     * The sentences to quote: the best-matching ones of the grounding passages, then, after a sentence that
     * introduces steps ("Do this:"), the list items that follow it. A passage matched on its title alone gives its
     * opening sentences. Returned in reading order: passage by passage, sentence by sentence.
     */
    private static List<Chosen> choose(List<Scored> grounding, Set<String> query) {
        var candidates = new ArrayList<Chosen>();
        var sentencesBySource = new LinkedHashMap<Scored, List<DraftText.Sentence>>();
        for (var source : grounding) {
            var sentences = DraftText.sentences(
                    source.passage().text().length() > MAX_PASSAGE_CHARS
                            ? source.passage().text().substring(0, MAX_PASSAGE_CHARS)
                            : source.passage().text());
            sentencesBySource.put(source, sentences);
            for (var sentence : sentences) {
                if (overlap(sentence, query) > 0) {
                    candidates.add(new Chosen(source, sentence));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((Chosen c) -> sentenceScore(c, query))
                .reversed());

        var picked = new LinkedHashMap<String, Chosen>();
        int chars = 0;
        for (var candidate : candidates) {
            if (picked.size() >= MAX_SENTENCES || chars >= MAX_ANSWER_CHARS) {
                break;
            }
            if (add(picked, candidate)) {
                chars += candidate.sentence().text().length();
            }
        }
        if (picked.isEmpty()) {
            var first = grounding.getFirst();
            sentencesBySource.get(first).stream().limit(2).forEach(s -> add(picked, new Chosen(first, s)));
        }
        for (var chosen : List.copyOf(picked.values())) {
            if (chosen.sentence().text().endsWith(":")) {
                sentencesBySource.get(chosen.source()).stream()
                        .skip(chosen.sentence().position() + 1L)
                        .takeWhile(DraftText.Sentence::listItem)
                        .limit(MAX_STEPS)
                        .forEach(step -> add(picked, new Chosen(chosen.source(), step)));
            }
        }
        return picked.values().stream()
                .sorted(Comparator.comparingInt((Chosen c) -> grounding.indexOf(c.source()))
                        .thenComparingInt(c -> c.sentence().position()))
                .toList();
    }

    /** Adds unless the same sentence was already taken (overlapping chunks repeat sentences). */
    private static boolean add(Map<String, Chosen> picked, Chosen chosen) {
        var key =
                DraftText.fold(chosen.sentence().text()).replaceAll("\\W+", " ").trim();
        return picked.putIfAbsent(key, chosen) == null;
    }

    private static int overlap(DraftText.Sentence sentence, Set<String> query) {
        int n = 0;
        for (var term : sentence.terms()) {
            if (query.contains(term)) {
                n++;
            }
        }
        return n;
    }

    private static double sentenceScore(Chosen c, Set<String> query) {
        return grounding(overlap(c.sentence(), query), query.size())
                + 0.2 * c.source().order()
                - 0.01 * Math.min(c.sentence().position(), 20);
    }

    /** Sentences of one passage run on as a paragraph; list items stay one per line; passages are paragraphs. */
    private static String render(List<Chosen> chosen) {
        var out = new StringBuilder();
        Scored current = null;
        boolean lastWasItem = false;
        for (var c : chosen) {
            var sentence = c.sentence();
            if (c.source() != current) {
                if (current != null) {
                    out.append("\n\n");
                }
                current = c.source();
            } else if (sentence.listItem() || lastWasItem) {
                out.append('\n');
            } else {
                out.append(' ');
            }
            out.append(sentence.listItem() ? "- " : "").append(sentence.text());
            lastWasItem = sentence.listItem();
        }
        return out.toString();
    }

    private static String previousCustomerTurn(List<HistoryTurn> history, String message) {
        for (int i = history.size() - 1; i >= 0; i--) {
            var turn = history.get(i);
            if (turn.fromContact()
                    && !turn.text().isBlank()
                    && !turn.text().strip().equals(message.strip())) {
                return turn.text().length() > MAX_MESSAGE_CHARS
                        ? turn.text().substring(0, MAX_MESSAGE_CHARS)
                        : turn.text();
            }
        }
        return "";
    }

    private static String describe(Scored s, Map<String, String> keywords, Set<String> query) {
        var words = s.matched().stream().limit(5).map(keywords::get).collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "article %d '%s' (%d of %d key words: %s; grounding %.2f, retrieval score %.2f)",
                s.passage().articleId(),
                shortTitle(s.passage().title()),
                s.matched().size(),
                query.size(),
                words,
                s.grounding(),
                s.passage().score());
    }

    private static String noAnswerReasoning(List<Scored> scored, Set<String> query, boolean handOver) {
        var next = handOver
                ? " The draft hands over to a colleague instead of guessing."
                : " The draft asks the customer for details instead of guessing.";
        if (query.isEmpty()) {
            return "The message has no content words to look up in the knowledge base." + next;
        }
        if (scored.isEmpty()) {
            return "No knowledge-base passage was found for this message." + next;
        }
        var best = scored.stream()
                .max(Comparator.comparingDouble(Scored::grounding))
                .orElseThrow();
        return String.format(
                        Locale.ROOT,
                        "No passage answers the message: the closest, article %d '%s', has %d of its %d key words"
                                + " (grounding %.2f, under the %.2f needed).",
                        best.passage().articleId(),
                        shortTitle(best.passage().title()),
                        best.matched().size(),
                        query.size(),
                        best.grounding(),
                        MIN_GROUNDING)
                + next;
    }

    private static String classified(Classification classification) {
        return classification == null
                ? "Not classified yet. "
                : String.format(
                        Locale.ROOT,
                        "Classified as '%s' (%.2f), %s. ",
                        classification.category(),
                        classification.confidence(),
                        classification.sentiment().wire());
    }

    /** Without a classification the draft's own evidence decides: a neutral 0.5. */
    private static double classificationConfidence(Classification classification) {
        return classification == null ? 0.5 : classification.confidence();
    }

    private static String shortTitle(String title) {
        var clean = title.replaceAll("\\s+", " ").strip();
        return clean.length() <= MAX_TITLE_IN_REASONING ? clean : clean.substring(0, MAX_TITLE_IN_REASONING) + "…";
    }

    /** Into 0..1; NaN (a retriever's bug) counts as no evidence. */
    static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
