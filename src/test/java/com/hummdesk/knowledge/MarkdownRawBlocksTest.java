package com.hummdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Script and style elements in a markdown body are code, not passage text that drafts could quote. */
class MarkdownRawBlocksTest {
    @Test
    void script_and_style_contents_never_reach_the_passages() {
        var body = String.join(
                "\n",
                "# Refunds",
                "",
                "We refund duplicate charges. <script>alert(1)</script> Within 5 days.",
                "",
                "<script type=\"text/javascript\">",
                "  steal(document.cookie);",
                "",
                "  more();",
                "</SCRIPT>",
                "<style>.x { color: red }</style>",
                "",
                "Reply with the invoice number.");
        var text = String.join(
                " | ",
                Chunker.chunk("Refunds", body).stream().map(Chunk::content).toList());

        assertThat(text).contains("We refund duplicate charges.", "Within 5 days.", "Reply with the invoice number.");
        assertThat(text).doesNotContain("alert", "steal", "cookie", "more()", "color");
    }

    @Test
    void code_fences_keep_their_html() {
        var body = "# Embedding the widget\n\n```html\n<script src=\"/widget.js\"></script>\n```\n\nThen reload.";
        var text = String.join(
                " | ",
                Chunker.chunk("Widget", body).stream().map(Chunk::content).toList());

        assertThat(text).contains("<script src=\"/widget.js\"></script>", "Then reload.");
    }

    @Test
    void visible_text_around_raw_blocks_is_kept_line_by_line() {
        var raw = new Markdown.RawBlocks();
        assertThat(raw.visible("before <style>a{}</style> after")).isEqualTo("before  after");
        assertThat(raw.visible("open <script>")).isEqualTo("open ");
        assertThat(raw.open()).isTrue();
        assertThat(raw.visible("code();")).isEmpty();
        assertThat(raw.visible("</script> tail")).isEqualTo(" tail");
        assertThat(raw.open()).isFalse();
    }
}
