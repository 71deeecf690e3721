package com.hummdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.db.Scope;
import org.junit.jupiter.api.Test;

class KnowledgeSearchTest {

    @Test
    void small_accounts_are_searched_exactly() {
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(0, 0, "kb_chunks_p00")))
                .isTrue();
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(1_500, 1_500, "kb_chunks_p00")))
                .isTrue();
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(300, 500_000, "kb_chunks_p00")))
                .isTrue();
    }

    @Test
    void an_account_with_its_partition_mostly_to_itself_goes_through_the_index() {
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(9_091, 9_091, "kb_chunks_p00")))
                .isFalse();
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(20_001, 128_000, "kb_chunks_p00")))
                .isFalse();
        // Statistics not gathered yet (0 rows) count as a partition of its own.
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(9_091, 0, "kb_chunks_p00")))
                .isFalse();
    }

    @Test
    void a_mid_sized_account_sharing_its_partition_with_a_much_larger_one_is_searched_exactly() {
        // 5,000 of 1,000,000: the index walk would step over ~200 other chunks for each of the account's.
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(5_000, 1_000_000, "kb_chunks_p00")))
                .isTrue();
        // The same account with the partition to itself: the walk is cheaper than comparing all 5,000.
        assertThat(KnowledgeSearch.exact(new ChunkRepository.Size(5_000, 5_200, "kb_chunks_p00")))
                .isFalse();
    }

    @Test
    void an_account_dominates_its_partition_when_it_holds_more_than_half_of_the_known_rows() {
        assertThat(KnowledgeSearch.dominant(new ChunkRepository.Size(72_728, 145_455, "kb_chunks_p24")))
                .isTrue();
        assertThat(KnowledgeSearch.dominant(new ChunkRepository.Size(9_091, 18_182, "kb_chunks_p26")))
                .isFalse();
        assertThat(KnowledgeSearch.dominant(new ChunkRepository.Size(500, 0, "kb_chunks_p01")))
                .as("no statistics yet")
                .isFalse();
    }

    @Test
    void searches_of_known_size_not_depending_on_the_account_s_share_are_planned_once() {
        assertThat(KnowledgeSearch.scope(7, 100, null).plans()).isEqualTo(Scope.Plans.CUSTOM);
        var large = new ChunkRepository.Size(9_091, 18_182, "kb_chunks_p26");
        assertThat(KnowledgeSearch.scope(7, 100, large).plans()).isEqualTo(Scope.Plans.GENERIC);
        assertThat(KnowledgeSearch.scope(7, 100, large).accountId()).isEqualTo(7L);
        // Searched exactly as a small share of a large partition: a plan for an average account could scan it all.
        var minority = new ChunkRepository.Size(5_000, 1_000_000, "kb_chunks_p03");
        assertThat(KnowledgeSearch.scope(7, 100, minority).plans()).isEqualTo(Scope.Plans.CUSTOM);
        var dominantAndExact = new ChunkRepository.Size(1_900, 2_000, "kb_chunks_p04");
        assertThat(KnowledgeSearch.scope(7, 100, dominantAndExact).plans()).isEqualTo(Scope.Plans.GENERIC);
    }
}
