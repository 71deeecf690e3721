package com.hummdesk.ai.local;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settles the pairs of languages Lingua mixes up most (Danish and Norwegian Bokmål; Spanish and Portuguese) by
 * spelling that differs between them: common words ("af"/"av", "mig"/"meg", "hvad"/"hva", "fik"/"fikk") and
 * letter patterns ("-hed"/"-het", "øy", "ção", "ñ"). Consulted only when the two top candidates are such a pair; a
 * tie leaves Lingua's answer.
 */
final class ConfusablePairs {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private record Pair(
            String first,
            Set<String> firstWords,
            List<Pattern> firstSpellings,
            String second,
            Set<String> secondWords,
            List<Pattern> secondSpellings) {}

    private static final List<Pair> PAIRS = List.of(
            new Pair(
                    "da",
                    words("af mig dig sig hvad nu efter blev havde noget nogle nogen uden mellem tilbage blive bliver"
                            + " gøre gør været fået sådan hendes måske ud op mere anden meget købe sige tage lidt"
                            + " dejlig vej øje jer fik siger lave åbent tog brugt sad øget spørgsmål hjælp"),
                    patterns(
                            "\\p{L}+hed(en|er|erne)?\\b",
                            "\\p{L}+ede\\b",
                            "\\p{L}*(ej|øj)\\p{L}*",
                            "\\p{L}{3,}erne\\b",
                            "\\befter\\p{L}*"),
                    "nb",
                    words(
                            "av meg deg seg hva nå etter ble hadde noe noen uten mellom tilbake bli blir gjøre gjør"
                                    + " vært fått slik sånn hennes kanskje ut opp mer annen veldig kjøpe si ta litt deilig"
                                    + " vei øye takk ikkje dere mye vet fikk sier lage åpent tok brukt satt økt å spørsmål hjelp"),
                    patterns("\\p{L}+het(en|er|ene)?\\b", "\\p{L}*(kj|gj|øy|ei)\\p{L}*", "\\better\\p{L}*")),
            new Pair(
                    "es",
                    words("el los y es una pero muy hay como del su sus están ella ellos yo cuando donde hasta bien"
                            + " años lo le se por para con"),
                    patterns("ñ", "ción\\b", "[¿¡]", "\\bll"),
                    "pt",
                    words("o os e é um uma mas muito há do da dos das seu sua não ele eles eu quando onde até bem"
                            + " anos em no na nos nas ao às pelo pela com"),
                    patterns("ção|ções|ã|õ", "\\p{L}+(nh|lh)\\p{L}*")));

    private ConfusablePairs() {}

    /** The language the spelling points to when {@code top} and {@code runnerUp} are a known pair, else top. */
    static String settle(String text, String top, String runnerUp) {
        for (var pair : PAIRS) {
            boolean matches = (pair.first().equals(top) && pair.second().equals(runnerUp))
                    || (pair.second().equals(top) && pair.first().equals(runnerUp));
            if (matches) {
                int vote = votes(text, pair);
                if (vote > 0) {
                    return pair.first();
                }
                if (vote < 0) {
                    return pair.second();
                }
            }
        }
        return top;
    }

    private static int votes(String text, Pair pair) {
        var lower = text.toLowerCase(Locale.ROOT);
        int vote = 0;
        var m = WORD.matcher(lower);
        while (m.find()) {
            var word = m.group();
            boolean first = pair.firstWords().contains(word);
            boolean second = pair.secondWords().contains(word);
            if (first && !second) {
                vote++;
            } else if (second && !first) {
                vote--;
            }
        }
        for (var spelling : pair.firstSpellings()) {
            vote += count(spelling, lower);
        }
        for (var spelling : pair.secondSpellings()) {
            vote -= count(spelling, lower);
        }
        return vote;
    }

    private static Set<String> words(String spaceSeparated) {
        return Set.of(spaceSeparated.split(" "));
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
    }

    private static int count(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
