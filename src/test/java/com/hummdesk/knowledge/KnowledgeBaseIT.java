package com.hummdesk.knowledge;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.ai.KnowledgePassage;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KnowledgeBaseIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final String REFUND_BODY = """
            ## Asking for a refund

            You can get your money back within 30 days of purchase. Open Billing, choose the order and press
            Request refund. The money returns to the original card in five to ten business days.

            ## Exceptions

            Gift cards and downloaded software cannot be refunded.
            """;
    private static final String PASSWORD_BODY = """
            Forgot your password? On the sign-in page choose "Forgot password", enter your e-mail address and
            follow the link we send you. The link is valid for one hour.
            """;

    @Test
    void articles_are_created_read_listed_filtered_changed_and_deleted() {
        var tenant = Fixtures.tenant(app, "KB crud");
        var created = create(tenant.token(), "Refund policy", REFUND_BODY, "published", List.of("Billing", "refunds"));
        assertThat(created.get("title").asText()).isEqualTo("Refund policy");
        assertThat(created.get("status").asText()).isEqualTo("published");
        assertThat(created.get("language").asText()).isEqualTo("en");
        assertThat(created.get("tags").toString()).isEqualTo("[\"billing\",\"refunds\"]");
        long id = created.get("id").asLong();
        create(tenant.token(), "Draft about shipping", "Shipping takes three days.", "draft", List.of());

        var all = app.get("/api/kb/articles", tenant.token()).json();
        assertThat(all.at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(all.get("articles").get(0).has("body")).isFalse();
        var published = app.get("/api/kb/articles?status=published&tag=billing", tenant.token())
                .json();
        assertThat(published.get("articles").findValuesAsText("title")).containsExactly("Refund policy");
        var paged =
                app.get("/api/kb/articles?pageSize=1&page=2", tenant.token()).json();
        assertThat(paged.get("articles")).hasSize(1);
        assertThat(paged.at("/pagination/total").asLong()).isEqualTo(2);

        var changed = app.patch("/api/kb/articles/" + id, Map.of("tags", List.of("money")), tenant.token());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("body").asText()).isEqualTo(REFUND_BODY);
        assertThat(app.get("/api/kb/articles/" + id, tenant.token())
                        .json()
                        .get("tags")
                        .toString())
                .isEqualTo("[\"money\"]");

        assertThat(app.delete("/api/kb/articles/" + id, tenant.token()).status())
                .isEqualTo(204);
        assertThat(app.get("/api/kb/articles/" + id, tenant.token()).status()).isEqualTo(404);
        assertThat(app.delete("/api/kb/articles/" + id, tenant.token()).status())
                .isEqualTo(404);
    }

    @Test
    void bad_input_is_a_4xx_with_the_error_shape() {
        var tenant = Fixtures.tenant(app, "KB validation");
        var noTitle = app.post("/api/kb/articles", Map.of("body", "text"), tenant.token());
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(errorCode(noTitle)).isEqualTo("validation_failed");
        assertThat(noTitle.json().at("/error/details/fields/title").asText()).isEqualTo("is required");

        var fields = new HashMap<String, Object>();
        fields.put("title", "x".repeat(301));
        fields.put("language", "english");
        fields.put("tags", List.of("ok", " "));
        var several = app.post("/api/kb/articles", fields, tenant.token());
        assertThat(several.status()).isEqualTo(422);
        assertThat(several.json().at("/error/details/fields").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("title", "language", "tags");

        var badStatus = app.post("/api/kb/articles", Map.of("title", "t", "status", "live"), tenant.token());
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(errorCode(badStatus)).isEqualTo("invalid_enum");

        var wrongType = app.post("/api/kb/articles", Map.of("title", "t", "tags", "billing"), tenant.token());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(errorCode(app.postRaw("/api/kb/articles", "{", tenant.token())))
                .isEqualTo("invalid_json");

        assertThat(app.get("/api/kb/search", tenant.token()).status()).isEqualTo(400);
        assertThat(app.get("/api/kb/search?q=x&limit=0", tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.get("/api/kb/search?q=" + "a".repeat(1001), tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.get("/api/kb/articles?status=gone", tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.get("/api/kb/articles/abc", tenant.token()).status()).isEqualTo(404);
        assertThat(app.get("/api/kb/articles", null).status()).isEqualTo(401);
    }

    @Test
    void agents_write_drafts_but_only_admins_publish() {
        var tenant = Fixtures.tenant(app, "KB roles");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var draft = app.post("/api/kb/articles", Map.of("title", "Agent notes", "body", "text"), agent.token());
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        long id = draft.json().get("id").asLong();
        assertThat(app.patch("/api/kb/articles/" + id, Map.of("body", "more text"), agent.token())
                        .status())
                .isEqualTo(200);
        var publish = app.patch("/api/kb/articles/" + id, Map.of("status", "published"), agent.token());
        assertThat(publish.status()).isEqualTo(403);
        assertThat(app.patch("/api/kb/articles/" + id, Map.of("status", "published"), tenant.token())
                        .status())
                .isEqualTo(200);
        assertThat(app.delete("/api/kb/articles/" + id, agent.token()).status()).isEqualTo(403);
    }

    @Test
    void search_finds_published_articles_of_the_account_only_with_a_highlighted_snippet() {
        var a = Fixtures.tenant(app, "KB search A");
        var b = Fixtures.tenant(app, "KB search B");
        long refund = create(a.token(), "Refund policy", REFUND_BODY, "published", List.of())
                .get("id")
                .asLong();
        create(a.token(), "Resetting your password", PASSWORD_BODY, "published", List.of());
        long draft = create(a.token(), "Refunds for enterprise customers (draft)", REFUND_BODY, "draft", List.of())
                .get("id")
                .asLong();
        long other = create(b.token(), "Refund rules of account B", REFUND_BODY, "published", List.of())
                .get("id")
                .asLong();

        var results = search(a.token(), "how do I get my money back for an order?", 5);
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).get("articleId").asLong()).isEqualTo(refund);
        assertThat(results.get(0).get("title").asText()).isEqualTo("Refund policy");
        assertThat(results.get(0).get("chunkId").asLong()).isPositive();
        assertThat(results.get(0).get("score").asDouble()).isPositive();
        assertThat(results.findValuesAsText("articleId")).doesNotContain(Long.toString(draft), Long.toString(other));
        var snippets = search(a.token(), "refund gift cards", 5);
        assertThat(snippets.findValuesAsText("snippet")).anyMatch(s -> s.contains("<mark>"));

        // The Java API the drafts feature calls, and the same walls.
        List<KnowledgePassage> passages =
                app.app().knowledge().search().search(b.accountId(), "money back for my order", 5);
        assertThat(passages).isNotEmpty().allMatch(p -> p.articleId() == other);
        assertThat(passages.get(0).score()).isBetween(0.2, 1.0);
        assertThat(passages.get(0).text()).contains("money");
        assertThat(app.app().knowledge().search().search(b.accountId(), "   ", 5))
                .isEmpty();
    }

    @Test
    void a_large_account_s_statement_takes_passages_with_all_query_words_through_the_hnsw_index() {
        for (boolean dominant : new boolean[] {false, true}) {
            largeAccountStatement(dominant);
        }
    }

    /** As the statement runs for an account sharing its partition, or holding most of it (the text filter differs). */
    private void largeAccountStatement(boolean dominant) {
        // The statement used for large accounts (HNSW, all words; see KnowledgeSearch.exact), run on a small account.
        var tenant = Fixtures.tenant(app, "KB large path");
        long refund = create(tenant.token(), "Refund policy", REFUND_BODY, "published", List.of())
                .get("id")
                .asLong();
        create(tenant.token(), "Resetting your password", PASSWORD_BODY, "published", List.of());
        var repo = new ChunkRepository();
        var encoder = com.hummdesk.ai.local.SharedEncoder.get();
        var query = "refund gift cards";
        var rows = app.app().database().transaction(KnowledgeSearch.scope(tenant.accountId(), 100, null), tx -> {
            return repo.search(
                    tx,
                    repo.measure(tx, tenant.accountId(), 1).partition(),
                    tenant.accountId(),
                    encoder.embed(query),
                    KnowledgeSearch.words(query),
                    List.of("english"),
                    40,
                    5,
                    false,
                    true,
                    dominant,
                    ChunkRepository.Fusion.TEXT);
        });
        // Only the "Exceptions" passage has refund, gift and cards together; OR would also rank the other ones.
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).articleId()).isEqualTo(refund);
        assertThat(rows.get(0).content()).contains("Gift cards");
        var hybrid = app.app().database().transaction(KnowledgeSearch.scope(tenant.accountId(), 100, null), tx -> {
            return repo.search(
                    tx,
                    repo.measure(tx, tenant.accountId(), 1).partition(),
                    tenant.accountId(),
                    encoder.embed("forgot my password"),
                    KnowledgeSearch.words("forgot my password"),
                    List.of("english"),
                    40,
                    5,
                    false,
                    true,
                    dominant,
                    ChunkRepository.Fusion.HYBRID);
        });
        assertThat(hybrid).isNotEmpty();
        assertThat(hybrid.get(0).title()).isEqualTo("Resetting your password");
    }

    @Test
    void row_level_security_hides_other_accounts_chunks_even_without_the_account_filter() {
        var a = Fixtures.tenant(app, "KB rls A");
        var b = Fixtures.tenant(app, "KB rls B");
        create(a.token(), "Refund policy", REFUND_BODY, "published", List.of());
        create(b.token(), "Password", PASSWORD_BODY, "published", List.of());
        int visible = app.app().database().inAccount(a.accountId(), tx -> tx.fetchSingle(
                        "select count(*) from kb_chunks")
                .get(0, Integer.class));
        int visibleArticles = app.app().database().inAccount(a.accountId(), tx -> tx.fetchSingle(
                        "select count(distinct account_id) from kb_articles")
                .get(0, Integer.class));
        int all = app.app().database().inAccount(a.accountId(), tx -> tx.fetchSingle(
                        "select count(*) from kb_chunks where account_id in (?, ?)", a.accountId(), b.accountId())
                .get(0, Integer.class));
        assertThat(visible).isPositive().isEqualTo(all);
        assertThat(visibleArticles).isEqualTo(1);
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> app.app()
                .database()
                .runInAccount(
                        a.accountId(),
                        tx -> tx.execute(
                                "insert into kb_articles (account_id, title) values (?, 'sneaky')", b.accountId())));
        assertThat(refused).hasMessageContaining("row-level security");
    }

    @Test
    void a_partition_read_by_name_shows_only_the_account_s_chunks_and_cannot_be_written() {
        var a = Fixtures.tenant(app, "KB partition A");
        var b = Fixtures.tenant(app, "KB partition B");
        create(a.token(), "Refund policy", REFUND_BODY, "published", List.of());
        var db = app.app().database();
        var partition = db.inAccount(
                a.accountId(),
                tx -> new ChunkRepository().measure(tx, a.accountId(), 1).partition());
        assertThat(partition).matches("kb_chunks_p[0-9]{2}");
        int own = db.inAccount(a.accountId(), tx -> tx.fetchSingle("select count(*) from " + partition)
                .get(0, Integer.class));
        int all = db.inAccount(a.accountId(), tx -> tx.fetchSingle(
                        "select count(*) from kb_chunks where account_id = ?", a.accountId())
                .get(0, Integer.class));
        assertThat(own).isPositive().isEqualTo(all);
        // Another account reading the same partition by name sees none of it: each partition has the tenant policy.
        int seenByOther = db.inAccount(b.accountId(), tx -> tx.fetchSingle("select count(*) from " + partition)
                .get(0, Integer.class));
        assertThat(seenByOther).isZero();
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> db.runInAccount(
                a.accountId(), tx -> tx.execute("delete from " + partition + " where account_id = ?", a.accountId())));
        assertThat(refused).hasMessageContaining("permission denied");
    }

    @Test
    void editing_an_article_re_embeds_it_and_changes_what_search_finds() {
        var tenant = Fixtures.tenant(app, "KB edit");
        long id = create(
                        tenant.token(),
                        "Shipping times",
                        "Parcels arrive within three business days.",
                        "published",
                        List.of())
                .get("id")
                .asLong();
        create(tenant.token(), "Resetting your password", PASSWORD_BODY, "published", List.of());
        var before = chunkIds(id, tenant.accountId());
        assertThat(search(tenant.token(), "can I pay with bitcoin or crypto currency", 1)
                        .get(0)
                        .get("articleId")
                        .asLong())
                .isNotEqualTo(id);

        var edited = app.patch(
                "/api/kb/articles/" + id,
                Map.of("title", "Payment methods", "body", "We accept bitcoin and other crypto currencies."),
                tenant.token());
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(chunkIds(id, tenant.accountId())).doesNotContainAnyElementsOf(before);
        var top = search(tenant.token(), "can I pay with bitcoin or crypto currency", 1)
                .get(0);
        assertThat(top.get("articleId").asLong()).isEqualTo(id);
        assertThat(top.get("content").asText()).contains("bitcoin");
        assertThat(search(tenant.token(), "parcels arrive business days", 5).findValuesAsText("content"))
                .noneMatch(c -> c.contains("Parcels"));

        // Unpublishing takes it out of search without re-embedding; publishing brings it back.
        app.patch("/api/kb/articles/" + id, Map.of("status", "draft"), tenant.token());
        assertThat(search(tenant.token(), "bitcoin crypto", 5).findValuesAsText("articleId"))
                .doesNotContain(Long.toString(id));
        assertThat(chunkIds(id, tenant.accountId())).isNotEmpty();
        app.patch("/api/kb/articles/" + id, Map.of("status", "published"), tenant.token());
        assertThat(search(tenant.token(), "bitcoin crypto", 5)
                        .get(0)
                        .get("articleId")
                        .asLong())
                .isEqualTo(id);
    }

    @Test
    void an_account_s_first_published_article_is_found_at_once_after_searching_an_empty_knowledge_base() {
        var tenant = Fixtures.tenant(app, "KB first article");
        assertThat(search(tenant.token(), "how do I get a refund", 5)).isEmpty();
        create(tenant.token(), "Refund policy (draft)", REFUND_BODY, "draft", List.of());
        assertThat(search(tenant.token(), "how do I get a refund", 5)).isEmpty();

        long id = create(tenant.token(), "Refund policy", REFUND_BODY, "published", List.of())
                .get("id")
                .asLong();
        assertThat(search(tenant.token(), "how do I get a refund", 5)
                        .get(0)
                        .get("articleId")
                        .asLong())
                .isEqualTo(id);
        // Its size is now remembered for a minute; a second article is still found at once.
        long password = create(tenant.token(), "Resetting your password", PASSWORD_BODY, "published", List.of())
                .get("id")
                .asLong();
        assertThat(search(tenant.token(), "I forgot my password", 1)
                        .get(0)
                        .get("articleId")
                        .asLong())
                .isEqualTo(password);
    }

    @Test
    void deleting_an_article_removes_its_chunks() {
        var tenant = Fixtures.tenant(app, "KB delete");
        long id = create(tenant.token(), "Refund policy", REFUND_BODY, "published", List.of())
                .get("id")
                .asLong();
        assertThat(chunkIds(id, tenant.accountId())).hasSizeGreaterThan(1);
        assertThat(app.delete("/api/kb/articles/" + id, tenant.token()).status())
                .isEqualTo(204);
        assertThat(chunkIds(id, tenant.accountId())).isEmpty();
        assertThat(search(tenant.token(), "refund", 5)).isEmpty();
    }

    private static List<Long> chunkIds(long articleId, long accountId) {
        return app.app().database().inAccount(accountId, tx -> tx.fetch(
                        "select id from kb_chunks where account_id = ? and article_id = ?", accountId, articleId)
                .getValues(0, Long.class));
    }

    static JsonNode create(String token, String title, String body, String status, List<String> tags) {
        var response = app.post(
                "/api/kb/articles", Map.of("title", title, "body", body, "status", status, "tags", tags), token);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    static JsonNode searchAs(TestApp app, String token, String query) {
        var response = app.get("/api/kb/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("results");
    }

    static JsonNode search(String token, String query, int limit) {
        var response = app.get(
                "/api/kb/search?limit=" + limit + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("results");
    }
}
