package com.hummdesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a markdown article into passages by headings, then paragraphs, then sentences, packed up to a word-piece
 * budget with some overlap between consecutive passages of a section. The budget comes from MiniLM: it reads only
 * the first 128 word-pieces of a text, so anything past that in a chunk is invisible to the vector search.
 */
final class Chunker {
    /** MiniLM's window minus [CLS] and [SEP]. */
    static final int WINDOW_TOKENS = 126;
    /** A passage never gets less room than this, however long the title and heading. */
    static final int MIN_BODY_TOKENS = 48;
    /** Carried from the end of one passage into the next, so an answer split at the boundary is whole in one. */
    static final int OVERLAP_TOKENS = 20;
    /** More chunks than this for one article means a document that should be split; the tail is not indexed. */
    static final int MAX_CHUNKS = 400;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WORD_PIECE = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private Chunker() {}

    static List<Chunk> chunk(String title, String markdown) {
        var chunks = new ArrayList<Chunk>();
        // \u0001 and \u0002 mark matches in search snippets (see Snippets); an article never supplies them.
        for (var section : sections(markdown.replace('\u0001', ' ').replace('\u0002', ' '))) {
            int budget = Math.max(MIN_BODY_TOKENS, WINDOW_TOKENS - tokens(title) - tokens(section.heading()) - 2);
            for (var passage : pack(section.paragraphs(), budget)) {
                if (chunks.size() == MAX_CHUNKS) {
                    return chunks;
                }
                chunks.add(new Chunk(chunks.size(), section.heading(), passage));
            }
        }
        if (chunks.isEmpty()) {
            chunks.add(new Chunk(0, "", ""));
        }
        return chunks;
    }

    /** A rough word-piece count: BERT's tokenizer splits punctuation off and long or rare words into pieces. */
    static int tokens(String text) {
        int count = 0;
        var m = WORD_PIECE.matcher(text);
        while (m.find()) {
            int length = m.end() - m.start();
            count += length <= 7 ? 1 : 1 + (length - 4) / 5;
        }
        return count;
    }

    private record Section(String heading, List<String> paragraphs) {}

    /** Sections under their heading path ("Billing › Refunds"); text before the first heading has none. */
    private static List<Section> sections(String markdown) {
        var sections = new ArrayList<Section>();
        var path = new String[6];
        var heading = "";
        var paragraphs = new ArrayList<String>();
        var paragraph = new StringBuilder();
        boolean inFence = false;
        var raw = new Markdown.RawBlocks();
        for (var original : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (!raw.open() && FENCE.matcher(original).matches()) {
                inFence = !inFence;
                continue;
            }
            boolean inRawBefore = raw.open();
            var line = inFence ? original : raw.visible(original);
            if (!inFence && line.isBlank() && (inRawBefore || raw.open() || !original.isBlank())) {
                continue; // a line that was all script or style
            }
            var m = inFence ? null : HEADING.matcher(line);
            if (m != null && m.matches()) {
                flush(paragraph, paragraphs);
                if (!paragraphs.isEmpty()) {
                    sections.add(new Section(heading, List.copyOf(paragraphs)));
                }
                paragraphs.clear();
                int level = m.group(1).length();
                path[level - 1] = Markdown.inline(m.group(2));
                for (int i = level; i < path.length; i++) {
                    path[i] = null;
                }
                heading = joinPath(path);
                continue;
            }
            if (line.isBlank() && !inFence) {
                flush(paragraph, paragraphs);
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append(inFence ? "\n" : " ");
                }
                paragraph.append(inFence ? line : Markdown.inline(line));
            }
        }
        flush(paragraph, paragraphs);
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(heading, List.copyOf(paragraphs)));
        } else if (!heading.isEmpty()) {
            // A trailing heading with no text still says something about the article.
            sections.add(new Section(heading, List.of()));
        }
        return sections;
    }

    private static String joinPath(String[] path) {
        var parts = new ArrayList<String>();
        for (var part : path) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return String.join(" › ", parts);
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        var text = paragraph.toString().strip();
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        paragraph.setLength(0);
    }

    /** Packs paragraphs (split further when one is over budget) into passages of at most {@code budget}. */
    private static List<String> pack(List<String> paragraphs, int budget) {
        var units = new ArrayList<String>();
        for (var paragraph : paragraphs) {
            split(paragraph, budget, units);
        }
        var passages = new ArrayList<String>();
        if (units.isEmpty()) {
            passages.add("");
            return passages;
        }
        var current = new ArrayList<String>();
        int used = 0;
        for (var unit : units) {
            int size = tokens(unit);
            if (!current.isEmpty() && used + size > budget) {
                passages.add(String.join(" ", current));
                var overlap = tail(current, Math.min(OVERLAP_TOKENS, budget - size));
                current = new ArrayList<>();
                used = 0;
                if (!overlap.isEmpty()) {
                    current.add(overlap);
                    used = tokens(overlap);
                }
            }
            current.add(unit);
            used += size;
        }
        passages.add(String.join(" ", current));
        return passages;
    }

    /** Sentences of an over-long paragraph, and word windows of an over-long sentence. */
    private static void split(String paragraph, int budget, List<String> out) {
        if (tokens(paragraph) <= budget) {
            out.add(paragraph);
            return;
        }
        for (var sentence : SENTENCE_END.split(paragraph)) {
            if (tokens(sentence) <= budget) {
                out.add(sentence);
                continue;
            }
            var window = new StringBuilder();
            int used = 0;
            for (var word : sentence.split("\\s+")) {
                int size = tokens(word);
                if (used + size > budget && !window.isEmpty()) {
                    out.add(window.toString());
                    window.setLength(0);
                    used = 0;
                }
                if (!window.isEmpty()) {
                    window.append(' ');
                }
                window.append(word);
                used += size;
            }
            if (!window.isEmpty()) {
                out.add(window.toString());
            }
        }
    }

    /** The last words of a passage, at most {@code budget} word-pieces, for the next passage's start. */
    private static String tail(List<String> units, int budget) {
        if (budget <= 0) {
            return "";
        }
        var words = String.join(" ", units).split("\\s+");
        int used = 0;
        int start = words.length;
        while (start > 0) {
            int size = tokens(words[start - 1]);
            if (used + size > budget) {
                break;
            }
            used += size;
            start--;
        }
        return String.join(" ", java.util.Arrays.asList(words).subList(start, words.length));
    }
}
