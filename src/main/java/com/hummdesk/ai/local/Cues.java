package com.hummdesk.ai.local;

import com.hummdesk.ai.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Explicit urgency and frustration cues in English, Finnish and German (with some Swedish). Regular expressions
 * rather than a model because these phrases are few, decisive and must work in any language and on one-line
 * messages; "low" cues ("no rush", "not urgent") are removed before the others are looked for, so "not urgent"
 * never counts as "urgent".
 */
final class Cues {
    private static final List<Cue> LOW = List.of(Cue.of(
            "no rush",
            Priority.LOW,
            false,
            "\\b(no rush|no hurry|not urgent|whenever you (have|get) (time|a chance)|when you have (time|a moment)"
                    + "|just (wondering|curious)|feature request|ei (ole )?kiire(ttä)?|ei kiireellinen"
                    + "|keine eile|nicht dringend|ingen brådska)\\b"));

    private static final List<Cue> CUES = List.of(
            Cue.of(
                    "outage",
                    Priority.URGENT,
                    false,
                    "\\b(outage|(service|site|website|server|system|app|platform|production|everything|it) (is |was"
                            + " |seems |went )?(completely )?down|down for (everyone|all|us)|nobody can (log ?in|access"
                            + "|use)|käyttökatko\\w*|palvelukatko\\w*|katko\\w*|(palvelu|sivusto|järjestelmä) (on )?"
                            + "(alhaalla|nurin|kaatunut)|ausfall|störung|(ist|sind) (komplett )?(down|ausgefallen)"
                            + "|geht gar nichts|avbrott)\\b"),
            Cue.of(
                    "security incident",
                    Priority.URGENT,
                    false,
                    "\\b(hacked|data breach|account (was |has been )?compromised|someone (else )?(logged|got) into"
                            + "|tietomurto|hakkeroi\\w*|gehackt|datenleck|hackad)\\b"),
            Cue.of(
                    "legal threat",
                    Priority.URGENT,
                    true,
                    "\\b(lawyer|attorney|solicitor|legal action|take (you|this) to court|sue (you|your)|lawsuit"
                            + "|small claims|consumer (protection|ombudsman)|asianajaja\\w*|lakimie\\w*|oikeuteen"
                            + "|haastan|kuluttajariita\\w*|anwalt|rechtliche schritte|klage|verklagen|gericht"
                            + "|advokat|stämma)\\b"),
            Cue.of(
                    "charged twice",
                    Priority.HIGH,
                    false,
                    "\\b(charged (me )?(twice|two times|double)|double[- ]?(charged|charge|billed|payment)|billed"
                            + " (me )?twice|duplicate (charge|payment|transaction)|paid twice|(veloitettiin|veloitettu"
                            + "|laskutettiin|maksoin) (\\w+ )?(kahdesti|kahteen kertaan|kaksi kertaa)"
                            + "|(kahdesti|kahteen kertaan) (veloitettu|veloitettiin|laskutettu)"
                            + "|doppelt (abgebucht|berechnet|belastet|bezahlt|abgerechnet)|zweimal (abgebucht|berechnet"
                            + "|belastet|bezahlt)|dubbel(debiterad|debitering)|debiterad två gånger)\\b"),
            Cue.of(
                    "refund",
                    Priority.HIGH,
                    false,
                    "\\b(refund\\w*|money back|chargeback|hyvity\\w*|rahat takaisin|rahani takaisin"
                            + "|rückerstattung|geld zurück|erstattung|återbetalning)\\b"),
            Cue.of(
                    "cannot log in",
                    Priority.HIGH,
                    false,
                    "\\b((can'?t|cannot|can not|unable to|couldn'?t) (log|sign) ?(in|on)|locked out|login (is )?"
                            + "(not working|broken|fails)|en pääse kirjautumaan|en pysty kirjautumaan|kirjautuminen"
                            + " ei (onnistu|toimi)|kann mich nicht (mehr )?(anmelden|einloggen)|login (funktioniert|"
                            + "geht) nicht|kan inte logga in)\\b"),
            Cue.of(
                    "fraud",
                    Priority.HIGH,
                    false,
                    "\\b(fraud\\w*|scam\\w*|stolen|unauthori[sz]ed (transaction|payment|charge)s?|i did(n'?t| not)"
                            + " (make|authori[sz]e)|petos\\w*|varastettu|varastettiin|betrug|gestohlen|bedrägeri)\\b"),
            Cue.of(
                    "cancellation",
                    Priority.HIGH,
                    true,
                    "\\b(cancel(l?ing)? (my|the|our) (subscription|account|contract|membership|plan)|i('m| am| will)"
                            + " (going to )?cancel|close my account|irtisano\\w*|peru(n|utan) (tilaukse|sopimukse)\\w*"
                            + "|kündig\\w*|säga upp)\\b"),
            Cue.of(
                    "urgent",
                    Priority.HIGH,
                    false,
                    "\\b(urgent\\w*|asap|a\\.s\\.a\\.p|immediately|emergency|right now|kiireelli\\w*|kiire\\w*"
                            + "|pikaisesti|heti|välittömästi|dringend\\w*|sofort\\w*|notfall|eilig|brådskande)\\b"),
            Cue.of(
                    "repeated contact",
                    null,
                    true,
                    "\\b(again|still (not|no|haven'?t|hasn'?t|waiting|broken)|(second|third|fourth|fifth|2nd|3rd|4th)"
                            + " time|(several|many|multiple|countless) times|for (days|weeks|months)|(days|weeks)"
                            + " (ago|now)|no (one|body) (answers|replies|responds|helps|is helping)|nobody (answers|"
                            + "replies|responds|helps)|ignor(ed|ing) (me|my)|taas|jälleen|vieläkään|(toinen|kolmas|"
                            + "neljäs) kerta|kukaan ei vastaa|ei kukaan vastaa|schon wieder|immer noch|seit (tagen|"
                            + "wochen|monaten)|(zweite|dritte|vierte)s? mal|niemand antwortet|igen|fortfarande)\\b"),
            Cue.of(
                    "exasperation",
                    null,
                    true,
                    "\\b(unacceptable|ridiculous|fed up|sick (and tired )?of|had enough|worst (service|support|company)"
                            + "|disgrace\\w*|joke|pathetic|absurd|wtf|ennenkuulumaton\\w*|naurettava\\w*|mahdoton"
                            + "|riittää|unverschämt\\w*|frechheit|inakzeptabel|lächerlich|skandal\\w*|oacceptabelt)\\b"
                            + "|[!?]*\\?![!?]*|!!+"));

    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{4,}\\b");

    private Cues() {}

    /** The cues in the text: low-priority phrases first, then the rest on what remains. */
    static List<CueHit> find(String text) {
        var hits = new ArrayList<CueHit>();
        var remaining = text;
        for (var cue : LOW) {
            var m = cue.pattern().matcher(remaining);
            if (m.find()) {
                hits.add(new CueHit(cue, m.group()));
                remaining = m.replaceAll(" ");
            }
        }
        for (var cue : CUES) {
            var m = cue.pattern().matcher(remaining);
            if (m.find()) {
                hits.add(new CueHit(cue, m.group().strip()));
            }
        }
        if (shouting(text)) {
            hits.add(new CueHit(new Cue("shouting", SHOUTED_WORD, null, true), "CAPITALS"));
        }
        return hits;
    }

    /** Two or more fully capitalised words in a message that is not itself all capitals. */
    private static boolean shouting(String text) {
        var m = SHOUTED_WORD.matcher(text);
        int shouted = 0;
        while (m.find()) {
            shouted++;
        }
        int letters = LanguageDetector.letters(text);
        long upper = text.chars().filter(Character::isUpperCase).count();
        return shouted >= 2 && upper < letters * 0.8;
    }
}
