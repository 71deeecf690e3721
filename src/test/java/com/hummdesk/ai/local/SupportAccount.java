package com.hummdesk.ai.local;

import com.hummdesk.ai.CategoryDefinition;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.TeamRef;
import java.util.List;

/** A small helpdesk configuration used by the AI tests. */
final class SupportAccount {
    static final List<CategoryDefinition> CATEGORIES = List.of(
            new CategoryDefinition(
                    "billing",
                    "Invoices, charges, payments and refunds",
                    List.of(
                            "I was charged twice for my subscription this month",
                            "Can I get a copy of my last invoice?",
                            "Why is my bill higher than usual?",
                            "I want a refund for the annual plan",
                            "My credit card payment failed"),
                    1L),
            new CategoryDefinition(
                    "technical",
                    "Bugs, errors, outages and things that do not work",
                    List.of(
                            "The app crashes when I open the settings page",
                            "I get an error 500 when I upload a file",
                            "The website is down and nothing loads",
                            "Sync between my phone and laptop stopped working",
                            "The export button does nothing"),
                    2L),
            new CategoryDefinition(
                    "account_access",
                    "Logging in, passwords, two-factor authentication",
                    List.of(
                            "I can't log in to my account",
                            "The password reset email never arrives",
                            "How do I turn off two-factor authentication?",
                            "My account is locked after too many attempts"),
                    2L),
            new CategoryDefinition(
                    "sales",
                    "Pricing, plans, demos and new purchases",
                    List.of(
                            "Do you offer discounts for non-profits?",
                            "I'd like to book a demo for my team",
                            "What is the difference between the Pro and Business plans?",
                            "Can we buy 50 more seats?"),
                    3L));

    static final List<TeamRef> TEAMS =
            List.of(new TeamRef(1, "Billing"), new TeamRef(2, "Support"), new TeamRef(3, "Sales"));

    static ClassificationContext context(String message) {
        return new ClassificationContext(
                message, List.of(), List.of(), CATEGORIES, TEAMS, LanguageDetector.DEFAULT_LANGUAGES);
    }

    private SupportAccount() {}
}
