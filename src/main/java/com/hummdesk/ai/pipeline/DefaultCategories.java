package com.hummdesk.ai.pipeline;

import java.util.List;

/**
 * The categories an account starts with (the seed's four), created the first time the account's AI configuration
 * is read. Admins edit or delete them like any other; deleted ones do not come back.
 */
final class DefaultCategories {
    record Seed(String name, String description, List<String> examples) {}

    static final List<Seed> ALL = List.of(
            new Seed(
                    "billing",
                    "Invoices, charges, payments, refunds and subscriptions",
                    List.of(
                            "I was charged twice for my subscription this month",
                            "Can I get a copy of my last invoice?",
                            "Why is my bill higher than usual?",
                            "I want a refund for the annual plan",
                            "My credit card payment failed")),
            new Seed(
                    "technical",
                    "Bugs, errors, outages, login problems and things that do not work",
                    List.of(
                            "The app crashes when I open the settings page",
                            "I get an error 500 when I upload a file",
                            "The website is down and nothing loads",
                            "I can't log in, the password reset email never arrives",
                            "Sync between my phone and laptop stopped working")),
            new Seed(
                    "sales",
                    "Pricing, plans, demos, quotes and new purchases",
                    List.of(
                            "Do you offer discounts for non-profits?",
                            "I'd like to book a demo for my team",
                            "What is the difference between the Pro and Business plans?",
                            "Can we buy 50 more seats?",
                            "Could you send us a quote for an enterprise licence?")),
            new Seed(
                    "general",
                    "Questions, feedback and anything else",
                    List.of(
                            "What are your opening hours?",
                            "Thanks for the quick help yesterday!",
                            "Where can I find your privacy policy?",
                            "I have a suggestion for a new feature",
                            "How do I contact you by phone?")));

    private DefaultCategories() {}
}
