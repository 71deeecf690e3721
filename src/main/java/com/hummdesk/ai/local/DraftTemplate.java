package com.hummdesk.ai.local;

import java.util.Locale;
import java.util.Map;

/**
 * The fixed wording of a local draft in one language: everything around the answer, which itself is always quoted
 * from the knowledge base. None of these sentences states a fact, a deadline or a policy, so a template can never
 * promise what the account does not offer; the clarifying question and the handover are what a draft says when
 * the knowledge base has no answer.
 */
record DraftTemplate(
        String language,
        String greeting,
        String thanks,
        String empathy,
        String answerLead,
        String closing,
        String signOff,
        String clarify,
        String handover) {

    static final String FALLBACK = "en";

    private static final Map<String, DraftTemplate> TEMPLATES = Map.of(
            "en",
            new DraftTemplate(
                    "en",
                    "Hi,",
                    "Thanks for getting in touch.",
                    "I'm sorry for the trouble this has caused.",
                    "Here is what should help:",
                    "If this doesn't solve it, just reply here and we'll take it from there.",
                    "Best regards",
                    "To make sure I give you the right answer, could you tell me a bit more about what you are trying"
                            + " to do and what happens when you try it?",
                    "I want to make sure you get an accurate answer, so I'm passing your message to a colleague who"
                            + " can look into it, and we'll get back to you here."),
            "es",
            new DraftTemplate(
                    "es",
                    "Hola:",
                    "Gracias por ponerte en contacto con nosotros.",
                    "Siento mucho las molestias.",
                    "Esto es lo que debería ayudarte:",
                    "Si esto no lo resuelve, responde a este mensaje y seguiremos desde ahí.",
                    "Un saludo",
                    "Para darte la respuesta correcta, ¿podrías contarme un poco más sobre lo que intentas hacer y"
                            + " qué ocurre cuando lo intentas?",
                    "Quiero asegurarme de que recibas una respuesta precisa, así que paso tu mensaje a un compañero"
                            + " que podrá revisarlo, y te responderemos por aquí."),
            "fr",
            new DraftTemplate(
                    "fr",
                    "Bonjour,",
                    "Merci de nous avoir contactés.",
                    "Nous sommes désolés pour la gêne occasionnée.",
                    "Voici ce qui devrait vous aider :",
                    "Si cela ne résout pas le problème, répondez simplement à ce message et nous verrons la suite"
                            + " ensemble.",
                    "Cordialement",
                    "Pour vous donner la bonne réponse, pourriez-vous m'en dire un peu plus sur ce que vous essayez"
                            + " de faire et sur ce qui se passe lorsque vous essayez ?",
                    "Pour que vous receviez une réponse précise, je transmets votre message à un collègue qui pourra"
                            + " s'en occuper ; nous vous répondrons ici."),
            "de",
            new DraftTemplate(
                    "de",
                    "Hallo,",
                    "Vielen Dank für Ihre Nachricht.",
                    "Es tut uns leid, dass Ihnen das Umstände bereitet.",
                    "Folgendes sollte Ihnen weiterhelfen:",
                    "Falls das Ihr Anliegen nicht löst, antworten Sie einfach auf diese Nachricht, und wir kümmern"
                            + " uns weiter darum.",
                    "Viele Grüße",
                    "Damit ich Ihnen die richtige Antwort geben kann: Könnten Sie etwas genauer beschreiben, was Sie"
                            + " tun möchten und was dabei passiert?",
                    "Damit Sie eine verlässliche Antwort bekommen, gebe ich Ihre Nachricht an eine Kollegin oder"
                            + " einen Kollegen weiter, die sich darum kümmert; wir melden uns hier bei Ihnen."),
            "fi",
            new DraftTemplate(
                    "fi",
                    "Hei,",
                    "Kiitos yhteydenotostasi.",
                    "Olen pahoillani aiheutuneesta harmista.",
                    "Tässä ohjeet, joiden pitäisi auttaa:",
                    "Jos tämä ei ratkaise asiaa, vastaa tähän viestiin, niin jatketaan siitä.",
                    "Ystävällisin terveisin",
                    "Jotta voin antaa oikean vastauksen, voisitko kertoa hieman tarkemmin, mitä yrität tehdä ja mitä"
                            + " silloin tapahtuu?",
                    "Haluan varmistaa, että saat tarkan vastauksen, joten välitän viestisi kollegalle, joka selvittää"
                            + " asian. Palaamme asiaan tässä keskustelussa."),
            "sv",
            new DraftTemplate(
                    "sv",
                    "Hej,",
                    "Tack för att du hör av dig.",
                    "Jag beklagar besväret.",
                    "Det här bör hjälpa:",
                    "Om det inte löser problemet kan du svara på det här meddelandet, så tar vi det därifrån.",
                    "Vänliga hälsningar",
                    "För att kunna ge dig rätt svar, kan du berätta lite mer om vad du försöker göra och vad som"
                            + " händer när du försöker?",
                    "Jag vill se till att du får ett korrekt svar, så jag skickar ditt meddelande vidare till en"
                            + " kollega som kan titta på det. Vi återkommer till dig här."),
            "pt",
            new DraftTemplate(
                    "pt",
                    "Olá,",
                    "Obrigado por entrar em contato.",
                    "Lamentamos o transtorno.",
                    "Veja o que deve ajudar:",
                    "Se isso não resolver, basta responder a esta mensagem e continuamos a partir daí.",
                    "Atenciosamente",
                    "Para lhe dar a resposta certa, poderia contar um pouco mais sobre o que está tentando fazer e o"
                            + " que acontece quando tenta?",
                    "Quero garantir que receba uma resposta precisa, por isso vou encaminhar a sua mensagem a um"
                            + " colega que poderá analisá-la; responderemos por aqui."),
            "it",
            new DraftTemplate(
                    "it",
                    "Buongiorno,",
                    "Grazie per averci contattato.",
                    "Ci scusiamo per il disagio.",
                    "Ecco cosa dovrebbe aiutarti:",
                    "Se questo non risolve il problema, rispondi a questo messaggio e proseguiremo da lì.",
                    "Cordiali saluti",
                    "Per darti la risposta giusta, potresti dirmi qualcosa in più su cosa stai cercando di fare e"
                            + " cosa succede quando ci provi?",
                    "Voglio assicurarmi che tu riceva una risposta precisa, quindi inoltro il tuo messaggio a un"
                            + " collega che potrà verificare; ti risponderemo qui."),
            "nl",
            new DraftTemplate(
                    "nl",
                    "Hallo,",
                    "Bedankt voor je bericht.",
                    "Het spijt me dat dit voor ongemak zorgt.",
                    "Dit zou moeten helpen:",
                    "Lost dit het niet op? Reageer dan gewoon op dit bericht, dan helpen we je verder.",
                    "Met vriendelijke groet",
                    "Om je het juiste antwoord te geven: kun je iets meer vertellen over wat je probeert te doen en"
                            + " wat er dan gebeurt?",
                    "Ik wil zeker weten dat je een juist antwoord krijgt, dus ik stuur je bericht door naar een"
                            + " collega die ernaar kan kijken. We laten het je hier weten."));

    /** The template for an ISO 639-1 code ("fi", "FI", "sv-SE"); English when there is none. */
    static DraftTemplate forLanguage(String language) {
        var template = TEMPLATES.get(normalise(language));
        return template == null ? TEMPLATES.get(FALLBACK) : template;
    }

    static boolean has(String language) {
        return TEMPLATES.containsKey(normalise(language));
    }

    static java.util.Set<String> languages() {
        return TEMPLATES.keySet();
    }

    private static String normalise(String language) {
        if (language == null) {
            return FALLBACK;
        }
        var code = language.trim().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        return dash > 0 ? code.substring(0, dash) : code;
    }

    /** Greeting, thanks, and a word of sympathy when the customer is upset. */
    String opening(boolean upset) {
        return greeting + "\n\n" + thanks + (upset ? " " + empathy : "");
    }
}
