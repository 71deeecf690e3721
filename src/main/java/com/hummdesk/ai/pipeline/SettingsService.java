package com.hummdesk.ai.pipeline;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** An account's AI settings: every member reads them; admins and owners change them. */
final class SettingsService {
    static final int MAX_POLICIES = 4_000;

    /**
     * A change; null leaves a field as it is, except the provider, which {@code providerGiven} says was named
     * (null then means "the node's default").
     */
    record Changes(
            boolean providerGiven,
            String provider,
            Double confidenceThreshold,
            List<String> languages,
            String policies) {}

    private final Database db;
    private final AiProviders providers;
    private final ContextBuilder contexts;
    private final List<String> nodeLanguages;
    private final AccountAi accounts;
    private final SettingsRepository settings = new SettingsRepository();
    private final AuditRepository audit = new AuditRepository();

    SettingsService(
            Database db, AiProviders providers, AccountAi accounts, ContextBuilder contexts, List<String> languages) {
        this.db = db;
        this.providers = providers;
        this.accounts = accounts;
        this.contexts = contexts;
        this.nodeLanguages = List.copyOf(languages);
    }

    AiSettingsView get(CurrentUser user) {
        return view(db.inAccount(user.accountId(), tx -> accounts.settings(tx, user.accountId())));
    }

    AiSettingsView update(CurrentUser user, Changes changes) {
        user.requireManager();
        var languages = changes.languages() == null
                ? null
                : changes.languages().stream()
                        .map(l -> l == null ? "" : l.trim().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        var unknown = languages == null ? new ArrayList<String>() : new ArrayList<>(languages);
        unknown.removeAll(nodeLanguages);
        var provider = changes.provider() == null || changes.provider().isBlank()
                ? null
                : changes.provider().trim().toLowerCase(Locale.ROOT);
        var threshold = changes.confidenceThreshold();
        new FieldErrors()
                .check(
                        provider == null || providers.has(provider),
                        "provider",
                        "must be one of " + String.join(", ", providers.names()) + " (or null for the default)")
                .check(
                        threshold == null || (threshold >= 0 && threshold <= 1),
                        "confidenceThreshold",
                        "must be between 0 and 1")
                .check(
                        unknown.isEmpty(),
                        "languages",
                        "not detected on this server: " + String.join(", ", unknown) + "; available: "
                                + String.join(", ", nodeLanguages))
                .maxLength(changes.policies(), MAX_POLICIES, "policies")
                .throwIfAny();
        var saved = db.inAccount(user.accountId(), tx -> {
            var current = accounts.settings(tx, user.accountId());
            var next = new AiSettings(
                    changes.providerGiven() ? provider : current.provider(),
                    threshold == null ? current.confidenceThreshold() : threshold,
                    languages == null ? current.languages() : languages,
                    changes.policies() == null
                            ? current.policies()
                            : changes.policies().strip());
            settings.save(tx, user.accountId(), next);
            var details = new LinkedHashMap<String, Object>();
            details.put("provider", next.provider());
            details.put("confidenceThreshold", next.confidenceThreshold());
            details.put("languages", next.languages());
            audit.record(tx, user, "ai_settings.updated", "account", user.accountId(), details);
            return next;
        });
        return view(saved);
    }

    private AiSettingsView view(AiSettings s) {
        return new AiSettingsView(
                s.provider(),
                providers.effectiveName(s.provider()),
                s.confidenceThreshold(),
                s.languages(),
                contexts.languages(s),
                s.policies(),
                providers.names(),
                nodeLanguages);
    }
}
