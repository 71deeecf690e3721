package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.ai.HistoryTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    private final LocalProvider provider = Models.PROVIDER;

    @Test
    void detects_english_finnish_and_german() {
        var all = LanguageDetector.DEFAULT_LANGUAGES;
        assertThat(provider.detectLanguage("My invoice shows the wrong amount, can you check it?", all))
                .isEqualTo("en");
        assertThat(provider.detectLanguage("Laskussani on väärä summa, voisitteko tarkistaa sen?", all))
                .isEqualTo("fi");
        assertThat(provider.detectLanguage("Meine Rechnung zeigt den falschen Betrag, können Sie das prüfen?", all))
                .isEqualTo("de");
        assertThat(provider.detectLanguage("Jeg kan ikke logge inn på kontoen min i dag.", all))
                .isIn("nb", "da");
    }

    @Test
    void is_limited_to_the_account_languages() {
        // German text in an account that only speaks English and Finnish: the closer of the two.
        assertThat(provider.detectLanguage("Das ist ein Test", List.of("en", "fi")))
                .isIn("en", "fi");
    }

    @Test
    void a_message_too_short_to_judge_takes_the_conversation_language() {
        var context = SupportAccount.context("ok")
                .withHistory(List.of(
                        new HistoryTurn("contact", "Hei, en pääse kirjautumaan tililleni enää ollenkaan."),
                        new HistoryTurn("agent", "Hi! Could you try resetting your password?")));
        var result = provider.classify(context);

        assertThat(result.language()).isEqualTo("fi");
        assertThat(result.reasoning()).contains("language fi from earlier messages");
    }

    @Test
    void a_message_too_short_with_no_history_takes_the_account_default() {
        var context = SupportAccount.context("?!").withLanguages(List.of("sv", "en"));

        assertThat(provider.classify(context).language()).isEqualTo("sv");
    }
}
