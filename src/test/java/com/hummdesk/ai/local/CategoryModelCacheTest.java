package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.ai.CategoryDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryModelCacheTest {
    private static final List<CategoryDefinition> CATEGORIES = List.of(
            new CategoryDefinition("billing", "Invoices", List.of("charged twice"), 1L),
            new CategoryDefinition("technical", "", List.of("app crashes"), 2L));

    @Test
    void the_key_changes_when_a_definition_changes() {
        var key = CategoryModelCache.key(CATEGORIES);

        assertThat(CategoryModelCache.key(List.copyOf(CATEGORIES))).isEqualTo(key);
        assertThat(CategoryModelCache.key(List.of(CATEGORIES.get(0).withExample("refund"), CATEGORIES.get(1))))
                .isNotEqualTo(key);
        assertThat(CategoryModelCache.key(List.of(
                        new CategoryDefinition("billing", "Invoices and payments", List.of("charged twice"), 1L),
                        CATEGORIES.get(1))))
                .isNotEqualTo(key);
    }

    @Test
    void field_boundaries_are_part_of_the_key() {
        var a = List.of(new CategoryDefinition("ab", "c", List.of(), null));
        var b = List.of(new CategoryDefinition("a", "bc", List.of(), null));

        assertThat(CategoryModelCache.key(a)).isNotEqualTo(CategoryModelCache.key(b));
    }
}
