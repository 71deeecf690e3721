package com.hummdesk.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Turns one imported file (markdown, HTML or plain text) into an article's title and markdown body. */
final class TextExtractor {
    static final Set<String> EXTENSIONS = Set.of("md", "markdown", "html", "htm", "txt");
    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)\\A\\s*#\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---\\r?\\n", Pattern.DOTALL);
    private static final Pattern FRONT_TITLE = Pattern.compile("(?m)^title:\\s*[\"']?(.+?)[\"']?\\s*$");
    private static final Pattern FRONT_LANGUAGE =
            Pattern.compile("(?m)^lang(?:uage)?:\\s*[\"']?([A-Za-z-]+)[\"']?\\s*$");
    private static final Set<String> BLOCKS =
            Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "td", "th", "dt", "dd");

    private TextExtractor() {}

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    static ImportedFile extract(String path, byte[] bytes) {
        var extension = extension(path);
        if (!EXTENSIONS.contains(extension)) {
            return ImportedFile.failed(path, "unsupported file type; expected .md, .markdown, .html, .htm or .txt");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return ImportedFile.failed(path, "not UTF-8 text (binary or another encoding)");
        }
        if (text.indexOf('\0') >= 0) {
            return ImportedFile.failed(path, "binary content (contains NUL bytes)");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return ImportedFile.failed(path, "empty file");
        }
        var parsed =
                switch (extension) {
                    case "html", "htm" -> html(text);
                    case "txt" -> plain(text);
                    default -> markdown(text);
                };
        var title = parsed[0] == null || parsed[0].isBlank() ? fileTitle(path) : parsed[0].strip();
        if (title.length() > ArticleService.MAX_TITLE) {
            title = title.substring(0, ArticleService.MAX_TITLE);
        }
        var body = parsed[1].strip();
        if (body.length() > ArticleService.MAX_BODY) {
            return ImportedFile.failed(path, "text longer than " + ArticleService.MAX_BODY + " characters");
        }
        var language = parsed.length > 2 ? parsed[2] : null;
        return new ImportedFile(path, title, body, language, null);
    }

    /**
     * Front matter's title, else a leading "# Title" (removed from the body), else none; and front matter's language
     * when it is a language code (anything else is ignored: the article stays English).
     */
    private static String[] markdown(String text) {
        String title = null;
        String language = null;
        var front = FRONT_MATTER.matcher(text);
        if (front.find()) {
            var t = FRONT_TITLE.matcher(front.group(1));
            if (t.find()) {
                title = t.group(1);
            }
            var l = FRONT_LANGUAGE.matcher(front.group(1));
            if (l.find() && Languages.CODE.matcher(l.group(1)).matches()) {
                language = l.group(1);
            }
            text = text.substring(front.end());
        }
        if (title == null) {
            var heading = FIRST_HEADING.matcher(text);
            if (heading.find()) {
                title = Markdown.inline(heading.group(1));
                text = text.substring(heading.end());
            }
        }
        return new String[] {title, text, language};
    }

    /** A short first line is the title. */
    private static String[] plain(String text) {
        var lines = text.strip().split("\\R", 2);
        if (lines[0].length() <= 120 && lines.length > 1) {
            return new String[] {lines[0], lines[1]};
        }
        return new String[] {null, text};
    }

    /** Headings become markdown headings and block elements paragraphs, so chunking sees the same structure. */
    private static String[] html(String text) {
        var doc = Jsoup.parse(text);
        var title = doc.title();
        var body = new StringBuilder();
        var firstH1 = doc.selectFirst("h1");
        if (title.isBlank() && firstH1 != null) {
            title = firstH1.text();
        }
        for (var element : doc.body().getAllElements()) {
            var tag = element.normalName();
            if (!BLOCKS.contains(tag) || hasBlockAncestor(element)) {
                continue;
            }
            var content = tag.equals("pre") ? element.wholeText() : element.text();
            if (content.isBlank() || (element == firstH1 && content.strip().equals(title.strip()))) {
                continue;
            }
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                body.append("#".repeat(tag.charAt(1) - '0')).append(' ');
            }
            body.append(content.strip()).append("\n\n");
        }
        if (body.isEmpty()) {
            body.append(doc.body().text());
        }
        return new String[] {title, body.toString()};
    }

    private static boolean hasBlockAncestor(Element element) {
        for (var parent = element.parent(); parent != null; parent = parent.parent()) {
            if (BLOCKS.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** "billing/how-to_refund.md" → "How to refund". */
    private static String fileTitle(String path) {
        var name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name)
                .replace('-', ' ')
                .replace('_', ' ')
                .strip();
        return name.isEmpty() ? "Untitled" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
