package com.hummdesk.conversations;

import static com.hummdesk.conversations.ConversationFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/conversations against a fixed set of five conversations whose every attribute differs, so each filter
 * and each sort has exactly one right answer.
 *
 * <pre>
 *      status    assignee  team       inbox  category   sentiment   lang prio    labels       last msg  waiting
 *  c1  open      owner     billing    1      billing    frustrated  en   urgent  refund       5h ago    1h
 *  c2  pending   Ben       technical  1      technical  negative    en   high    vip          1h ago    5h
 *  c3  resolved  -         -          2      account    neutral     fi   normal  -            3h ago    -
 *  c4  open      -         -          2      billing    neutral     en   low     vip, refund  2h ago    3h
 *  c5  snoozed   Ben       technical  1      technical  positive    de   high    -            4h ago    -
 * </pre>
 */
class ConversationListIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Fixtures.Tenant tenant;
    private static ConversationFixtures.Agent ben;
    private static long c1;
    private static long c2;
    private static long c3;
    private static long c4;
    private static long c5;

    @BeforeAll
    static void conversations() {
        tenant = Fixtures.tenant(app, "Listco");
        long account = tenant.accountId();
        ben = ConversationFixtures.agent(app, account, "Ben Carter");
        var inbox1 = ConversationFixtures.inbox(app, account);
        var inbox2 = ConversationFixtures.inbox(app, account);
        long billing = ConversationFixtures.team(app, account, "billing");
        long technical = ConversationFixtures.team(app, account, "technical");
        long vip = ConversationFixtures.label(app, account, "vip");
        long refund = ConversationFixtures.label(app, account, "refund");
        var alice = ConversationFixtures.customer(app, inbox1, "Alice Anderson", "alice@example.com");
        var bob = ConversationFixtures.customer(app, inbox1, "Bob Brown", "bob@shop.test");
        var carol = ConversationFixtures.customer(app, inbox2, "Carol Virtanen", "carol@example.fi");
        var dave = ConversationFixtures.customer(app, inbox2, "Dave Dunn", "dave@example.com");
        c1 = ConversationFixtures.conversation(app, alice, "I was charged twice for my subscription");
        c2 = ConversationFixtures.conversation(app, bob, "The mobile app crashes on startup");
        c3 = ConversationFixtures.conversation(app, carol, "Miten vaihdan salasanani?");
        c4 = ConversationFixtures.conversation(app, dave, "Please send an invoice with our VAT number");
        c5 = ConversationFixtures.conversation(app, alice, "Vielen Dank für die schnelle Hilfe");
        set(c1, "open", tenant.ownerId(), billing, "urgent", 5, 1);
        set(c2, "pending", ben.userId(), technical, "high", 1, 5);
        set(c3, "resolved", null, null, "normal", 3, null);
        set(c4, "open", null, null, "low", 2, 3);
        set(c5, "snoozed", ben.userId(), technical, "high", 4, null);
        ConversationFixtures.classify(app, account, c1, "billing", "frustrated", "en");
        ConversationFixtures.classify(app, account, c2, "technical", "negative", "en");
        ConversationFixtures.classify(app, account, c3, "account", "neutral", "fi");
        ConversationFixtures.classify(app, account, c4, "billing", "neutral", "en");
        ConversationFixtures.classify(app, account, c5, "technical", "positive", "de");
        labelled(c1, refund);
        labelled(c2, vip);
        labelled(c4, vip);
        labelled(c4, refund);
    }

    private static void set(
            long id, String status, Long assignee, Long team, String priority, int hoursSinceLast, Integer waiting) {
        sql(
                app,
                tenant.accountId(),
                "update conversations set status = ?, assignee_id = ?, team_id = ?, priority = ?,"
                        + " snoozed_until = case when ? = 'snoozed' then now() + interval '1 day' end,"
                        + " last_message_at = now() - make_interval(hours => ?),"
                        + " waiting_since = now() - make_interval(hours => ?)"
                        + " where account_id = ? and id = ? returning id",
                status,
                assignee,
                team,
                priority,
                status,
                hoursSinceLast,
                waiting,
                tenant.accountId(),
                id);
    }

    private static void labelled(long conversation, long label) {
        sql(
                app,
                tenant.accountId(),
                "insert into conversation_labels (account_id, conversation_id, label_id) values (?, ?, ?)"
                        + " returning label_id",
                tenant.accountId(),
                conversation,
                label);
    }

    private static JsonNode list(String query) {
        var response = app.get("/api/conversations" + query, tenant.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(String query) {
        var ids = new ArrayList<Long>();
        list(query).get("conversations").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    private static String q(String text) {
        return "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void the_list_has_the_seed_shape_plus_tab_counts() {
        var body = list("?sort=priority&pageSize=1");
        assertThat(ConversationFixtures.keys(body)).containsExactly("conversations", "pagination", "counts");
        var first = body.get("conversations").get(0);
        assertThat(ConversationFixtures.keys(first))
                .containsExactly(
                        "id",
                        "status",
                        "priority",
                        "aiCategory",
                        "sentiment",
                        "contact",
                        "assignedAgent",
                        "lastMessage",
                        "createdAt");
        assertThat(first.get("id").asLong()).isEqualTo(c1);
        assertThat(first.get("status").asText()).isEqualTo("open");
        assertThat(first.get("priority").asText()).isEqualTo("urgent");
        assertThat(first.get("aiCategory").asText()).isEqualTo("billing");
        assertThat(first.get("sentiment").asText()).isEqualTo("frustrated");
        assertThat(first.get("contact").toString())
                .isEqualTo("{\"name\":\"Alice Anderson\",\"email\":\"alice@example.com\"}");
        assertThat(first.get("assignedAgent").toString())
                .isEqualTo("{\"name\":\"Listco Owner\",\"id\":" + tenant.ownerId() + "}");
        assertThat(first.get("lastMessage").get("content").asText())
                .isEqualTo("I was charged twice for my subscription");
        assertThat(first.get("lastMessage").get("createdAt").asText()).endsWith("Z");
        assertThat(first.get("createdAt").asText()).endsWith("Z");
        assertThat(body.get("pagination").toString()).isEqualTo("{\"total\":5,\"page\":1,\"pageSize\":1}");
        assertThat(body.get("counts").toString()).isEqualTo("{\"mine\":1,\"unassigned\":2,\"all\":5}");
    }

    @Test
    void an_unassigned_conversation_has_a_null_agent() {
        var body = list("?sort=oldest&assignee=unassigned&pageSize=1");
        assertThat(body.get("conversations").get(0).get("id").asLong()).isEqualTo(c3);
        assertThat(body.get("conversations").get(0).get("assignedAgent").isNull())
                .isTrue();
    }

    @Test
    void without_a_status_filter_every_status_is_listed_newest_activity_first() {
        assertThat(ids("")).containsExactly(c2, c4, c3, c5, c1);
    }

    @Test
    void each_sort_orders_as_documented() {
        assertThat(ids("?sort=newest")).containsExactly(c2, c4, c3, c5, c1);
        assertThat(ids("?sort=oldest")).containsExactly(c1, c5, c3, c4, c2);
        assertThat(ids("?sort=priority")).containsExactly(c1, c2, c5, c3, c4);
        assertThat(ids("?sort=waiting")).containsExactly(c2, c4, c1, c3, c5);
    }

    @Test
    void each_filter_narrows_the_list() {
        assertThat(ids("?status=open")).containsExactly(c4, c1);
        assertThat(ids("?status=resolved")).containsExactly(c3);
        assertThat(ids("?assignee=me")).containsExactly(c1);
        assertThat(ids("?assignee=unassigned")).containsExactly(c4, c3);
        assertThat(ids("?assignee=any")).containsExactly(c2, c4, c3, c5, c1);
        assertThat(ids("?assignee=" + ben.userId())).containsExactly(c2, c5);
        assertThat(ids("?team=" + teamOf(c2))).containsExactly(c2, c5);
        assertThat(ids("?inbox=" + inboxOf(c3))).containsExactly(c4, c3);
        assertThat(ids("?category=billing")).containsExactly(c4, c1);
        assertThat(ids("?priority=high")).containsExactly(c2, c5);
        assertThat(ids("?sentiment=neutral")).containsExactly(c4, c3);
        assertThat(ids("?language=fi")).containsExactly(c3);
        assertThat(ids("?label=vip")).containsExactly(c2, c4);
        assertThat(ids("?label=refund&status=open")).containsExactly(c4, c1);
        assertThat(ids("?label=nosuchlabel")).isEmpty();
    }

    @Test
    void counts_follow_every_filter_but_the_assignee() {
        var open = list("?status=open");
        assertThat(open.get("counts").toString()).isEqualTo("{\"mine\":1,\"unassigned\":1,\"all\":2}");
        assertThat(open.get("pagination").get("total").asLong()).isEqualTo(2);

        var openUnassigned = list("?status=open&assignee=unassigned");
        assertThat(openUnassigned.get("counts")).isEqualTo(open.get("counts"));
        assertThat(openUnassigned.get("pagination").get("total").asLong()).isEqualTo(1);

        var bens = list("?assignee=" + ben.userId() + "&priority=high");
        assertThat(bens.get("counts").toString()).isEqualTo("{\"mine\":0,\"unassigned\":0,\"all\":2}");
        assertThat(bens.get("pagination").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void full_text_search_finds_message_content() {
        assertThat(ids(q("charged"))).containsExactly(c1);
        assertThat(ids(q("mobile crashes"))).containsExactly(c2);
        assertThat(ids(q("VAT invoice"))).containsExactly(c4);
        assertThat(ids(q("refund"))).isEmpty();
    }

    @Test
    void full_text_search_finds_contact_name_and_email() {
        assertThat(ids(q("virtanen"))).containsExactly(c3);
        assertThat(ids(q("Brown"))).containsExactly(c2);
        assertThat(ids(q("bob@shop.test"))).containsExactly(c2);
        var alice = list(q("alice"));
        assertThat(alice.get("pagination").get("total").asLong()).isEqualTo(2);
        assertThat(alice.get("counts").toString()).isEqualTo("{\"mine\":1,\"unassigned\":0,\"all\":2}");
    }

    @Test
    void search_combines_with_filters() {
        assertThat(ids(q("alice") + "&status=snoozed")).containsExactly(c5);
        assertThat(ids(q("charged") + "&status=resolved")).isEmpty();
    }

    @Test
    void pages_split_the_list_and_a_page_beyond_the_end_is_empty_with_the_total() {
        assertThat(ids("?pageSize=2")).containsExactly(c2, c4);
        assertThat(ids("?pageSize=2&page=2")).containsExactly(c3, c5);
        assertThat(ids("?pageSize=2&page=3")).containsExactly(c1);
        var beyond = list("?pageSize=2&page=4");
        assertThat(beyond.get("conversations")).isEmpty();
        assertThat(beyond.get("pagination").toString()).isEqualTo("{\"total\":5,\"page\":4,\"pageSize\":2}");
        assertThat(beyond.get("counts").get("all").asLong()).isEqualTo(5);
        assertThat(list("").get("pagination").get("pageSize").asInt()).isEqualTo(25);
    }

    @Test
    void page_size_and_page_out_of_range_are_400() {
        for (var query : List.of("?pageSize=0", "?pageSize=101", "?page=0", "?page=-1", "?pageSize=ten")) {
            var response = app.get("/api/conversations" + query, tenant.token());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("error").get("code").asText()).isEqualTo("invalid_parameter");
        }
        assertThat(ids("?pageSize=100")).hasSize(5);
    }

    @Test
    void invalid_enum_values_are_400_listing_the_allowed_ones() {
        var status = app.get("/api/conversations?status=closed", tenant.token());
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("error").get("code").asText()).isEqualTo("invalid_enum");
        assertThat(status.json().get("error").get("details").get("allowed").toString())
                .isEqualTo("[\"open\",\"pending\",\"snoozed\",\"resolved\"]");
        var sort = app.get("/api/conversations?sort=random", tenant.token());
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.json().get("error").get("details").get("allowed").toString())
                .isEqualTo("[\"newest\",\"oldest\",\"priority\",\"waiting\"]");
        assertThat(app.get("/api/conversations?priority=critical", tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.get("/api/conversations?sentiment=angry", tenant.token()).status())
                .isEqualTo(400);
        var assignee = app.get("/api/conversations?assignee=someone", tenant.token());
        assertThat(assignee.status()).isEqualTo(400);
        assertThat(assignee.json().get("error").get("message").asText()).contains("me, unassigned, any");
        assertThat(app.get("/api/conversations?team=x", tenant.token()).status())
                .isEqualTo(400);
    }

    @Test
    void the_api_document_describes_the_conversation_routes() {
        var doc = app.get("/openapi.json", null).json();
        assertThat(ConversationFixtures.keys(doc.get("paths")))
                .contains(
                        "/api/conversations",
                        "/api/conversations/{id}",
                        "/api/conversations/{id}/messages",
                        "/api/public/inboxes/{inbox}/contacts",
                        "/api/public/inboxes/{inbox}/conversations",
                        "/api/public/inboxes/{inbox}/conversations/{id}/messages");
        assertThat(doc.at("/components/schemas/MessageView/properties").has("private"))
                .isTrue();
        assertThat(doc.at("/paths/~1api~1public~1inboxes~1{inbox}~1conversations/post/security/0")
                        .has("contact"))
                .isTrue();
    }

    @Test
    void the_list_needs_a_sign_in() {
        assertThat(app.get("/api/conversations", null).status()).isEqualTo(401);
    }

    private static long teamOf(long conversation) {
        return sql(
                app,
                tenant.accountId(),
                "select team_id from conversations where account_id = ? and id = ?",
                tenant.accountId(),
                conversation);
    }

    private static long inboxOf(long conversation) {
        return sql(
                app,
                tenant.accountId(),
                "select inbox_id from conversations where account_id = ? and id = ?",
                tenant.accountId(),
                conversation);
    }
}
