package com.hummdesk.ai.local;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.ClassificationGuard;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;
import com.hummdesk.ai.HistoryTurn;
import com.hummdesk.ai.Priority;
import com.hummdesk.ai.Sentiment;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The default provider: classification in-process, with no key and no network. Category by a few-shot kernel
 * model over the account's examples (sentence embedding + TF-IDF), sentiment by anchors + lexicon + cues,
 * priority by explicit cues, language by Lingua. The customer's text is only ever data here: nothing in it can
 * choose an output, and every answer passes {@link ClassificationGuard}. Thread-safe; build one per process.
 */
public final class LocalProvider implements AiProvider {
    public static final String NAME = "local";
    static final String NO_CATEGORY = "general";
    // Follow-ups this short ("yes", "still broken") say little alone: the customer's previous message joins them.
    private static final int FOLLOW_UP_WORDS = 4;
    private static final int MAX_CHARS = 4_000;

    private final SentenceEncoder encoder;
    private final LanguageDetector languages;
    private final CategoryModelCache categoryModels;
    private final SentimentModel sentiment;
    private final Calibration calibration;
    private final GroundedDraftWriter drafts = new GroundedDraftWriter();

    public LocalProvider(SentenceEncoder encoder, LanguageDetector languages) {
        this(encoder, languages, Calibration.FITTED);
    }

    public LocalProvider(SentenceEncoder encoder, LanguageDetector languages, Calibration calibration) {
        this.encoder = encoder;
        this.languages = languages;
        this.categoryModels = new CategoryModelCache(encoder);
        this.sentiment = SentimentModel.load(encoder);
        this.calibration = calibration;
    }

    /**
     * Loads the sentiment model's second encoder (e5, ~1 s), which is otherwise loaded by the first message its
     * first layer is unsure of.
     */
    public void loadSecondSentimentLayer() {
        sentiment.loadSecondLayer();
    }

    /**
     * Loads the models (about 5 s): MiniLM and Lingua for the given languages in high-accuracy mode (~290 MB of
     * heap for ten languages; it is what reaches 98 % on sentences of 20+ characters, low-accuracy mode 96 %).
     */
    public static LocalProvider create(List<String> languageCodes) {
        return create(languageCodes, false);
    }

    /** As {@link #create(List)}; {@code lowAccuracyLanguages} trades ~2 points of language accuracy for ~270 MB. */
    public static LocalProvider create(List<String> languageCodes, boolean lowAccuracyLanguages) {
        return new LocalProvider(SharedEncoder.get(), new LanguageDetector(languageCodes, lowAccuracyLanguages));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Classification classify(ClassificationContext context) {
        long started = System.nanoTime();
        // Cues and languages show in the opening of a message; a pasted log file need not be scanned to its end.
        var text = context.messageText().length() > MAX_CHARS
                ? context.messageText().substring(0, MAX_CHARS)
                : context.messageText();
        var customerHistory = context.history().stream()
                .filter(HistoryTurn::fromContact)
                .map(HistoryTurn::text)
                .collect(Collectors.joining("\n"));
        var topicText = LexicalFeatures.words(text).size() < FOLLOW_UP_WORDS && !customerHistory.isBlank()
                ? lastLines(customerHistory) + "\n" + text
                : text;
        var embedding = encoder.embed(topicText);
        var cues = Cues.find(text);

        CategoryMatch match = null;
        double confidence = 0;
        String category = NO_CATEGORY;
        Long team = null;
        if (!context.categories().isEmpty()) {
            match = categoryModels.modelFor(context.categories()).match(topicText, embedding);
            confidence = calibration.confidence(match);
            category = match.name();
            team = context.categories().get(match.index()).teamId();
        }

        var messageEmbedding = topicText.equals(text) ? embedding : encoder.embed(text);
        var mood = sentiment.classify(text, messageEmbedding, cues);
        var priorityCues =
                cues.stream().filter(hit -> hit.cue().priority() != null).toList();
        var priority = priority(priorityCues, mood.sentiment());
        var defaultLanguage =
                context.languages().isEmpty() ? "en" : context.languages().getFirst();
        var language = languages.detect(text, context.languages(), customerHistory, defaultLanguage);

        var reasoning = Reasoning.write(match, priorityCues, priority, mood, language);
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        var raw = new Classification(
                category,
                priority,
                mood.sentiment(),
                language.code(),
                confidence,
                reasoning,
                team,
                NAME,
                SentenceEncoder.MODEL,
                latencyMs);
        return ClassificationGuard.validate(raw, context);
    }

    /** Extractive and grounded in the context's passages; needs none of the models (see GroundedDraftWriter). */
    @Override
    public Draft draft(DraftContext context) {
        return drafts.write(context);
    }

    /**
     * The category evidence alone (best and runner-up scores, nearest example) for the context's message: what the
     * confidence is computed from, exposed for evaluation and for refitting {@link Calibration}.
     */
    public CategoryMatch matchCategory(ClassificationContext context) {
        var text = context.messageText();
        return categoryModels.modelFor(context.categories()).match(text, encoder.embed(text));
    }

    /** The language of a text among the configured languages, with no conversation to fall back on. */
    public String detectLanguage(String text, List<String> allowed) {
        return languages
                .detect(text, allowed, "", allowed.isEmpty() ? "en" : allowed.getFirst())
                .code();
    }

    /**
     * The highest priority any cue implies; "no rush" lowers only when nothing else raises; a frustrated customer
     * is at least high priority, since waiting longer is what frustrates.
     */
    static Priority priority(List<CueHit> cues, Sentiment sentiment) {
        var raised = cues.stream()
                .map(hit -> hit.cue().priority())
                .filter(p -> p != Priority.LOW)
                .reduce(Priority.NORMAL, Priority::atLeast);
        if (sentiment == Sentiment.FRUSTRATED) {
            raised = raised.atLeast(Priority.HIGH);
        }
        boolean lowered = cues.stream().anyMatch(hit -> hit.cue().priority() == Priority.LOW);
        return lowered && raised == Priority.NORMAL ? Priority.LOW : raised;
    }

    private static String lastLines(String history) {
        var lines = history.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
    }
}
