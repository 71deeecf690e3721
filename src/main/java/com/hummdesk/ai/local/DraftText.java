package com.hummdesk.ai.local;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text handling of local drafts: content terms (stop words out, words cut to a five-letter prefix, which
 * matches inflected forms in every language the templates cover without a stemmer per language) and sentences of a
 * knowledge-base passage, cleaned of markdown and HTML so they can be quoted in a reply.
 */
final class DraftText {
    /** Sentences longer than this are cut at a word boundary: a reply quotes, it does not paste a wall of text. */
    static final int MAX_SENTENCE_CHARS = 400;

    private static final int PREFIX = 5;
    private static final int MIN_TERM = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{1,200}>");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*([-*+•]|\\d{1,3}[.)])\\s+");
    private static final Pattern HEADING = Pattern.compile("^\\s*#{1,6}\\s+");
    private static final Pattern QUOTE_MARKER = Pattern.compile("^\\s*>\\s?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    // A sentence ends at . ! ? (or their CJK forms) followed by space and something that starts a new sentence.
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?。！？])\\s+(?=[\\p{Lu}\\p{N}\"'(\\[¿¡])");

    // Function words of the template languages, plus the pleasantries every support message carries, which say
    // nothing about what the customer needs. Matched before cutting to the prefix.
    private static final Set<String> STOP_WORDS = folded(List.of(
            // English
            "the",
            "and",
            "for",
            "are",
            "but",
            "not",
            "you",
            "your",
            "yours",
            "all",
            "any",
            "can",
            "could",
            "would",
            "should",
            "will",
            "with",
            "this",
            "that",
            "these",
            "those",
            "there",
            "their",
            "they",
            "them",
            "then",
            "than",
            "what",
            "when",
            "where",
            "which",
            "who",
            "whom",
            "why",
            "how",
            "have",
            "has",
            "had",
            "was",
            "were",
            "been",
            "being",
            "does",
            "did",
            "doing",
            "done",
            "from",
            "into",
            "onto",
            "about",
            "just",
            "also",
            "some",
            "such",
            "only",
            "very",
            "more",
            "most",
            "much",
            "many",
            "other",
            "our",
            "ours",
            "out",
            "its",
            "it's",
            "i'm",
            "i've",
            "don't",
            "can't",
            "won't",
            "isn't",
            "doesn't",
            "didn't",
            "get",
            "got",
            "please",
            "thanks",
            "thank",
            "hello",
            "hey",
            "dear",
            "help",
            "need",
            "want",
            "know",
            "like",
            "let",
            "one",
            "way",
            "still",
            "here",
            "now",
            "again",
            "after",
            "before",
            "because",
            "while",
            "even",
            "ever",
            "may",
            "might",
            "must",
            "shall",
            "yes",
            "yet",
            "too",
            "own",
            "same",
            "each",
            "both",
            "few",
            "hi",
            // web noise in passages
            "http",
            "https",
            "www",
            "com",
            "org",
            "net",
            "html",
            // Spanish
            "los",
            "las",
            "del",
            "que",
            "por",
            "para",
            "con",
            "una",
            "uno",
            "unos",
            "unas",
            "como",
            "pero",
            "más",
            "mas",
            "este",
            "esta",
            "esto",
            "estos",
            "estas",
            "ese",
            "esa",
            "eso",
            "mis",
            "tus",
            "sus",
            "muy",
            "sin",
            "sobre",
            "hay",
            "ser",
            "está",
            "estoy",
            "tengo",
            "tiene",
            "puedo",
            "puede",
            "hola",
            "gracias",
            "favor",
            "ayuda",
            "cuando",
            "donde",
            "porque",
            "también",
            "nos",
            "les",
            // French
            "les",
            "des",
            "une",
            "est",
            "pas",
            "pour",
            "dans",
            "sur",
            "avec",
            "vous",
            "nous",
            "mon",
            "mes",
            "ton",
            "son",
            "ses",
            "qui",
            "quoi",
            "mais",
            "ou",
            "où",
            "comme",
            "plus",
            "tout",
            "tous",
            "cette",
            "ces",
            "je",
            "suis",
            "avoir",
            "être",
            "fait",
            "faire",
            "peux",
            "peut",
            "bonjour",
            "merci",
            "aide",
            "quand",
            "pourquoi",
            "votre",
            "vos",
            "notre",
            "nos",
            "leur",
            // German
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "und",
            "oder",
            "nicht",
            "ist",
            "sind",
            "war",
            "mit",
            "von",
            "für",
            "auf",
            "bei",
            "ich",
            "sie",
            "wir",
            "ihr",
            "ihre",
            "mein",
            "meine",
            "mich",
            "mir",
            "sich",
            "auch",
            "noch",
            "schon",
            "wie",
            "was",
            "wann",
            "warum",
            "kann",
            "können",
            "habe",
            "haben",
            "hat",
            "bitte",
            "danke",
            "hallo",
            "hilfe",
            "aber",
            "wenn",
            "dass",
            "zum",
            "zur",
            "aus",
            "nach",
            "über",
            // Finnish
            "hei",
            "moi",
            "kiitos",
            "kuinka",
            "voisin",
            "voinko",
            "olen",
            "olet",
            "ole",
            "oli",
            "ovat",
            "mutta",
            "tai",
            "kun",
            "jos",
            "että",
            "minä",
            "mä",
            "sinä",
            "hän",
            "mitä",
            "miten",
            "miksi",
            "missä",
            "mikä",
            "tämä",
            "tämän",
            "tuo",
            "sen",
            "ei",
            "en",
            "voi",
            "voin",
            "voisitko",
            "apua",
            "myös",
            "vielä",
            "nyt",
            "minun",
            "minulla",
            "minulle",
            "meidän",
            // Swedish
            "och",
            "att",
            "det",
            "som",
            "en",
            "ett",
            "jag",
            "du",
            "han",
            "hon",
            "vi",
            "ni",
            "de",
            "inte",
            "har",
            "hade",
            "är",
            "var",
            "för",
            "med",
            "till",
            "från",
            "min",
            "mitt",
            "mina",
            "din",
            "ditt",
            "kan",
            "hur",
            "vad",
            "varför",
            "när",
            "hej",
            "tack",
            "hjälp",
            "också",
            "men",
            "eller",
            "om",
            "på",
            "av",
            // Portuguese, Italian, Dutch (the most frequent only)
            "não",
            "uma",
            "com",
            "por",
            "olá",
            "obrigado",
            "ajuda",
            "che",
            "non",
            "per",
            "una",
            "sono",
            "grazie",
            "aiuto",
            "een",
            "het",
            "van",
            "niet",
            "ik",
            "je",
            "mijn",
            "bedankt",
            "hulp",
            "ciao"));

    /** One quotable sentence of a passage: its cleaned text, its terms, and whether it was a list item. */
    record Sentence(String text, Set<String> terms, boolean listItem, int position) {}

    private DraftText() {}

    /** The distinct content terms of a text, in order of first appearance. */
    static Set<String> terms(String text) {
        return keywords(text).keySet();
    }

    /** Each content term of a text with the first word it came from (for naming the evidence), in order. */
    static Map<String, String> keywords(String text) {
        var terms = new LinkedHashMap<String, String>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        var words = WORD.matcher(fold(text));
        while (words.find()) {
            var word = words.group();
            if (word.length() < MIN_TERM && !(word.length() == 2 && Character.isDigit(word.charAt(0)))) {
                continue;
            }
            if (STOP_WORDS.contains(word)) {
                continue;
            }
            terms.putIfAbsent(word.length() > PREFIX ? word.substring(0, PREFIX) : word, word);
        }
        return terms;
    }

    /** Lower case without accents, so "está", "esta" and "Está" are one word. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
    }

    private static Set<String> folded(List<String> words) {
        return words.stream().map(DraftText::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The passage's sentences, cleaned for quoting, in their order; empty ones and bare headings dropped. */
    static List<Sentence> sentences(String passage) {
        var sentences = new ArrayList<Sentence>();
        if (passage == null || passage.isBlank()) {
            return sentences;
        }
        for (var rawLine : passage.split("\\R")) {
            if (HEADING.matcher(rawLine).lookingAt()) {
                continue; // a heading names a section; the title already says what the passage is about
            }
            boolean listItem = LIST_MARKER.matcher(rawLine).lookingAt();
            var line = clean(rawLine);
            if (line.isEmpty()) {
                continue;
            }
            for (var piece : BOUNDARY.split(line)) {
                var text = cut(piece.trim());
                if (WORD.matcher(text).find()) {
                    sentences.add(new Sentence(text, terms(text), listItem, sentences.size()));
                }
            }
        }
        return sentences;
    }

    /** Markdown and HTML out, links kept as "text (url)", whitespace collapsed. */
    static String clean(String line) {
        var text = QUOTE_MARKER.matcher(line).replaceFirst("");
        text = LIST_MARKER.matcher(text).replaceFirst("");
        text = HEADING.matcher(text).replaceFirst("");
        text = IMAGE.matcher(text).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1 ($2)");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = EMPHASIS.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** At most {@link #MAX_SENTENCE_CHARS}, cut at a word boundary with an ellipsis. */
    static String cut(String sentence) {
        if (sentence.length() <= MAX_SENTENCE_CHARS) {
            return sentence;
        }
        int end = sentence.lastIndexOf(' ', MAX_SENTENCE_CHARS - 1);
        if (end < MAX_SENTENCE_CHARS / 2) {
            end = MAX_SENTENCE_CHARS - 1;
        }
        // Never split a surrogate pair.
        if (Character.isHighSurrogate(sentence.charAt(end - 1))) {
            end--;
        }
        return sentence.substring(0, end).stripTrailing() + "…";
    }
}
