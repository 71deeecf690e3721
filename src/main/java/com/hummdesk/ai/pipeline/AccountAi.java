package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.CategoryDefinition;
import java.util.List;
import org.jooq.DSLContext;

/**
 * An account's AI configuration inside a transaction: its settings (the defaults until an admin saves some) and its
 * categories, creating the default categories the first time anything reads them.
 */
final class AccountAi {
    private final SettingsRepository settings = new SettingsRepository();
    private final CategoryRepository categories = new CategoryRepository();

    AiSettings settings(DSLContext tx, long accountId) {
        return settings.find(tx, accountId)
                .map(SettingsRepository.Row::settings)
                .orElse(AiSettings.DEFAULTS);
    }

    List<Category> categories(DSLContext tx, long accountId) {
        ensureSeeded(tx, accountId);
        return categories.all(tx, accountId);
    }

    /** The categories as a classifier reads them. */
    List<CategoryDefinition> definitions(DSLContext tx, long accountId) {
        return categories(tx, accountId).stream()
                .map(c -> new CategoryDefinition(
                        c.name(),
                        c.description(),
                        c.examples().stream().map(Category.Example::text).toList(),
                        c.teamId()))
                .toList();
    }

    void ensureSeeded(DSLContext tx, long accountId) {
        boolean seeded = settings.find(tx, accountId)
                .map(SettingsRepository.Row::categoriesSeeded)
                .orElse(false);
        if (seeded || !settings.claimSeeding(tx, accountId)) {
            return;
        }
        for (var seed : DefaultCategories.ALL) {
            // An admin may have created a category of that name before anything read the defaults.
            if (categories.idByName(tx, accountId, seed.name()).isPresent()) {
                continue;
            }
            long id = categories.insert(tx, accountId, seed.name(), seed.description(), null);
            categories.replaceSeedExamples(tx, accountId, id, seed.examples());
        }
    }
}
