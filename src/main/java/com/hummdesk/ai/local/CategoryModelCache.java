package com.hummdesk.ai.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hummdesk.ai.CategoryDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Trained category models, keyed by a hash of the category definitions (names, descriptions, examples). Editing a
 * category or adding an example changes the key, so the next message trains a new model (the example embeddings
 * come from the encoder's cache, so that costs the matrix solve: ~0.1 s at 10 examples x 77 categories); the stale
 * model ages out. Identical definitions share one model, which is safe: the model is a pure function of them.
 */
final class CategoryModelCache {
    // Weighed by training sentences (~8 KB each with vocabulary and kernel weights): 20,000 sentences ~ 160 MB.
    private static final long MAX_SENTENCES = 20_000;

    private final SentenceEncoder encoder;
    private final Cache<String, CategoryModel> models = Caffeine.newBuilder()
            .maximumWeight(MAX_SENTENCES)
            .<String, CategoryModel>weigher((key, model) -> model.trainingSize())
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    CategoryModelCache(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    CategoryModel modelFor(List<CategoryDefinition> categories) {
        return models.get(key(categories), k -> CategoryModel.train(categories, encoder));
    }

    static String key(List<CategoryDefinition> categories) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var category : categories) {
                update(digest, "C", category.name());
                update(digest, "D", category.description());
                for (var example : category.examples()) {
                    update(digest, "E", example);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String tag, String value) {
        // Length-prefixed so that ("ab","c") and ("a","bc") never hash alike.
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(tag.getBytes(StandardCharsets.UTF_8));
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
