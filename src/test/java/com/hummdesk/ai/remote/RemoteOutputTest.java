package com.hummdesk.ai.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteOutputTest {
    private static final String VALID = """
            {"category":"Billing","priority":"HIGH","sentiment":"Frustrated","language":"EN","confidence":0.5,
             "reasoning":"Charged twice.\\u0007","extra":"ignored"}""";

    @Test
    void case_of_enums_and_categories_is_forgiven_and_the_accounts_spelling_kept() {
        var c = RemoteOutput.classification(VALID, FakeLocal.CONTEXT, "anthropic", "m", 3);

        assertThat(c.category()).isEqualTo("billing");
        assertThat(c.sentiment()).isEqualTo(Sentiment.FRUSTRATED);
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.reasoning()).isEqualTo("Charged twice.");
        assertThat(c.suggestedTeamId()).isEqualTo(1L);
    }

    @Test
    void each_broken_field_is_rejected() {
        for (var broken : List.of(
                VALID.replace("\"EN\"", "\"english\""),
                VALID.replace("0.5", "\"0.5\""),
                VALID.replace("0.5", "-0.1"),
                VALID.replace("\"Frustrated\"", "\"angry\""),
                VALID.replace("\"Charged twice.\\u0007\"", "\"  \""),
                VALID.replace("\"Billing\"", "\"" + "x".repeat(200) + "\""),
                "[" + VALID + "]",
                "not json at all")) {
            assertThatThrownBy(() -> RemoteOutput.classification(broken, FakeLocal.CONTEXT, "p", "m", 1))
                    .as(broken)
                    .isInstanceOf(InvalidOutputException.class);
        }
    }

    @Test
    void without_configured_categories_any_short_name_is_accepted() {
        var context = ClassificationContext.of("hello", List.of());
        var c = RemoteOutput.classification(VALID, context, "openai", "m", 1);
        assertThat(c.category()).isEqualTo("Billing");
        assertThat(Prompts.classificationSchema(context).properties().get("category"))
                .isInstanceOf(dev.langchain4j.model.chat.request.json.JsonStringSchema.class);
    }

    @Test
    void drafts_need_text_a_probability_and_integer_ids_from_the_offered_passages() {
        var context = FakeLocal.draftContext();
        var ok = RemoteOutput.draft(
                "{\"text\":\"Hi\",\"confidence\":1,\"reasoning\":\"r\",\"citedArticleIds\":[7]}", context, "p", "m", 1);
        assertThat(ok.citedArticleIds()).containsExactly(7L);

        for (var broken : List.of(
                "{\"text\":\"Hi\",\"confidence\":1,\"reasoning\":\"r\",\"citedArticleIds\":[\"7\"]}",
                "{\"text\":\"Hi\",\"confidence\":1,\"reasoning\":\"r\",\"citedArticleIds\":[7.5]}",
                "{\"text\":\"Hi\",\"confidence\":1,\"reasoning\":\"r\"}",
                "{\"text\":\"Hi\",\"confidence\":2,\"reasoning\":\"r\",\"citedArticleIds\":[]}",
                "{\"text\":\"" + "x".repeat(Prompts.MAX_DRAFT_TEXT + 1) + "\",\"confidence\":1,\"reasoning\":\"r\","
                        + "\"citedArticleIds\":[]}")) {
            assertThatThrownBy(() -> RemoteOutput.draft(broken, context, "p", "m", 1))
                    .as(broken)
                    .isInstanceOf(InvalidOutputException.class);
        }
    }

    @Test
    void customer_text_and_category_examples_travel_only_in_the_user_turn() {
        var prompt = Prompts.classify(FakeLocal.CONTEXT.withMessage("<b>zebra-hi</b> & bye"));

        assertThat(prompt.user()).contains("&lt;b&gt;zebra-hi&lt;/b&gt; &amp; bye", "billing: Refund my order");
        assertThat(prompt.system()).doesNotContain("zebra", "Refund my order").contains("billing: Invoices");
    }
}
