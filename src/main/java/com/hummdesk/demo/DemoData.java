package com.hummdesk.demo;

import java.util.List;

/** The demo account's people and the customer messages its conversations start from. */
final class DemoData {
    private DemoData() {}

    static final String ACCOUNT_NAME = "HummDesk Demo";
    static final String OWNER_EMAIL = "owner@demo.hummdesk.dev";
    static final String PASSWORD = "demo-password";
    static final String INBOX_PUBLIC_ID = "demo-api-inbox";

    /** The knowledge base's articles, resources under demo/kb. */
    static final List<String> ARTICLES = List.of(
            "refunds-and-double-charges.md",
            "invoices-and-vat.md",
            "cancel-subscription-and-delete-account.md",
            "password-reset-and-login.md",
            "outages-and-service-status.md",
            "exporting-your-data.md",
            "plans-pricing-and-users.md",
            "kaksoisveloitus-ja-hyvitykset.md",
            "rechnungen-und-erstattungen.md");

    record Agent(
            String name,
            String email,
            String role,
            int capacity,
            List<String> skills,
            List<String> languages,
            String team) {}

    static final List<Agent> AGENTS = List.of(
            new Agent(
                    "Aino Virtanen",
                    "aino@demo.hummdesk.dev",
                    "admin",
                    25,
                    List.of("billing", "account"),
                    List.of("fi", "en"),
                    "billing"),
            new Agent(
                    "Ben Carter",
                    "ben@demo.hummdesk.dev",
                    "agent",
                    20,
                    List.of("technical"),
                    List.of("en"),
                    "technical"),
            new Agent(
                    "Clara Schmidt",
                    "clara@demo.hummdesk.dev",
                    "agent",
                    15,
                    List.of("technical", "billing"),
                    List.of("de", "en"),
                    "technical"),
            new Agent(
                    "Diego Alvarez",
                    "diego@demo.hummdesk.dev",
                    "agent",
                    10,
                    List.of("sales", "account"),
                    List.of("en", "es"),
                    "billing"));

    record Sample(String language, String category, String priority, String sentiment, String text) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "en",
                    "billing",
                    "high",
                    "frustrated",
                    "I was charged twice for my subscription this month. Please refund the duplicate payment."),
            new Sample("en", "billing", "normal", "neutral", "Can I get an invoice with our company VAT number on it?"),
            new Sample(
                    "en",
                    "technical",
                    "urgent",
                    "frustrated",
                    "Your app has been down for an hour, none of our team can log in!"),
            new Sample("en", "technical", "normal", "neutral", "How do I export my data to CSV?"),
            new Sample(
                    "en",
                    "technical",
                    "high",
                    "negative",
                    "The mobile app crashes every time I open the settings page."),
            new Sample(
                    "en",
                    "sales",
                    "normal",
                    "positive",
                    "We love the product and want to upgrade to the team plan. What are the prices?"),
            new Sample("en", "account", "normal", "neutral", "Please change the email address on my account."),
            new Sample("en", "account", "high", "negative", "I want to cancel my account and delete all my data."),
            new Sample(
                    "fi",
                    "billing",
                    "high",
                    "frustrated",
                    "Minulta veloitettiin kahdesti tässä kuussa. Palauttakaa ylimääräinen maksu."),
            new Sample("fi", "technical", "normal", "neutral", "Miten voin vaihtaa salasanani sovelluksessa?"),
            new Sample(
                    "fi",
                    "technical",
                    "urgent",
                    "negative",
                    "Palvelu ei toimi ollenkaan, emme pääse kirjautumaan sisään."),
            new Sample(
                    "fi",
                    "sales",
                    "normal",
                    "positive",
                    "Olemme kiinnostuneita yrityspaketista. Voisitteko lähettää tarjouksen?"),
            new Sample(
                    "de",
                    "billing",
                    "normal",
                    "neutral",
                    "Könnten Sie mir bitte eine Rechnung für den letzten Monat schicken?"),
            new Sample(
                    "de",
                    "technical",
                    "high",
                    "negative",
                    "Die Synchronisierung funktioniert seit gestern nicht mehr."),
            new Sample(
                    "de",
                    "account",
                    "normal",
                    "neutral",
                    "Wie kann ich einen weiteren Benutzer zu unserem Konto hinzufügen?"),
            new Sample(
                    "de",
                    "billing",
                    "urgent",
                    "frustrated",
                    "Sie haben meine Kreditkarte dreimal belastet! Ich erwarte sofort eine Erstattung."));

    static final List<String> REPLIES_EN = List.of(
            "Thanks for reaching out! I'm looking into this right now.",
            "I've checked your account and fixed the issue. Could you try again?",
            "Sorry for the trouble. I've forwarded this to our specialists.");

    static final List<String> FIRST_NAMES = List.of(
            "Emma", "Liam", "Olivia", "Noah", "Sofia", "Elias", "Helmi", "Leo", "Mia", "Lukas", "Anna", "Jonas", "Aada",
            "Felix", "Ella", "Paul");

    static final List<String> LAST_NAMES = List.of(
            "Korhonen",
            "Müller",
            "Smith",
            "Nieminen",
            "Schneider",
            "Johnson",
            "Mäkinen",
            "Fischer",
            "Brown",
            "Laine",
            "Weber",
            "Wilson");
}
