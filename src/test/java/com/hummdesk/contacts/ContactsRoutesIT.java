package com.hummdesk.contacts;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactsRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static JsonNode create(String token, Map<String, ?> body) {
        var response = app.post("/api/contacts", body, token);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private static List<String> search(String token, String q) {
        var response = app.get("/api/contacts?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("contacts").findValuesAsText("name");
    }

    @Test
    void an_agent_creates_reads_and_changes_a_contact() {
        var tenant = Fixtures.tenant(app, "Contacts");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);

        var contact = create(
                agent.token(),
                Map.of(
                        "name", " Emma Korhonen ",
                        "email", " Emma.Korhonen@Example.COM ",
                        "phone", "+358 40 123 4567",
                        "identifier", "crm-42",
                        "attributes", Map.of("plan", "pro", "seats", 5)));
        assertThat(contact.get("name").asText()).isEqualTo("Emma Korhonen");
        assertThat(contact.get("email").asText()).isEqualTo("emma.korhonen@example.com");
        assertThat(contact.get("phone").asText()).isEqualTo("+358 40 123 4567");
        assertThat(contact.get("identifier").asText()).isEqualTo("crm-42");
        assertThat(contact.get("attributes").get("seats").asInt()).isEqualTo(5);
        assertThat(contact.get("createdAt").asText()).isNotBlank();
        long id = contact.get("id").asLong();

        var read = app.get("/api/contacts/" + id, agent.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(contact);

        var changes = new HashMap<String, Object>();
        changes.put("name", "Emma K.");
        changes.put("phone", "");
        changes.put("attributes", Map.of("plan", "enterprise"));
        var changed = app.patch("/api/contacts/" + id, changes, agent.token());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Emma K.");
        assertThat(changed.json().get("phone").isNull()).isTrue();
        assertThat(changed.json().get("email").asText()).isEqualTo("emma.korhonen@example.com");
        assertThat(changed.json().get("identifier").asText()).isEqualTo("crm-42");
        assertThat(changed.json().get("attributes").toString()).isEqualTo("{\"plan\":\"enterprise\"}");
        assertThat(OffsetDateTime.parse(changed.json().get("updatedAt").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(contact.get("updatedAt").asText()));

        var minimal = create(agent.token(), Map.of("name", "Nameonly"));
        assertThat(minimal.get("email").isNull()).isTrue();
        assertThat(minimal.get("attributes").size()).isZero();

        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "contact.created"))
                .hasSize(2);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "contact.updated")
                        .getFirst()
                        .get("actor_user_id", Long.class))
                .isEqualTo(agent.userId());
        assertThat(app.get("/api/contacts/999999", agent.token()).status()).isEqualTo(404);
        assertThat(app.patch("/api/contacts/999999", Map.of("name", "x"), agent.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_duplicate_email_in_the_account_is_409_whatever_its_case() {
        var tenant = Fixtures.tenant(app, "Contactdup");
        create(tenant.token(), Map.of("name", "First", "email", "same@example.com"));
        long second = create(tenant.token(), Map.of("name", "Second", "email", "other@example.com"))
                .get("id")
                .asLong();

        var duplicate = app.post("/api/contacts", Map.of("name", "Again", "email", "SAME@example.com"), tenant.token());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(errorCode(duplicate)).isEqualTo("email_taken");
        var patched = app.patch("/api/contacts/" + second, Map.of("email", "Same@Example.com"), tenant.token());
        assertThat(patched.status()).isEqualTo(409);
        // Contacts without email never clash, and another account may have the same email.
        create(tenant.token(), Map.of("name", "No email 1"));
        create(tenant.token(), Map.of("name", "No email 2"));
        var elsewhere = Fixtures.tenant(app, "Contactdup2");
        create(elsewhere.token(), Map.of("name", "First", "email", "same@example.com"));
    }

    @Test
    void search_finds_words_in_any_order_prefixes_and_substrings() {
        var tenant = Fixtures.tenant(app, "Contactsearch");
        create(tenant.token(), Map.of("name", "Emma Korhonen", "email", "emma@acme.fi", "phone", "+358401234"));
        create(
                tenant.token(),
                Map.of("name", "Liam Smith", "email", "liam.smith@example.com", "identifier", "cust-77"));
        create(tenant.token(), Map.of("name", "Olivia Müller", "email", "olivia@acme.de"));
        create(tenant.token(), Map.of("name", "100% Percent", "email", "percent@example.com"));

        assertThat(search(tenant.token(), "korhonen emma")).containsExactly("Emma Korhonen");
        assertThat(search(tenant.token(), "Korh")).containsExactly("Emma Korhonen");
        assertThat(search(tenant.token(), "em")).containsExactly("Emma Korhonen");
        assertThat(search(tenant.token(), "@acme")).containsExactly("Emma Korhonen", "Olivia Müller");
        assertThat(search(tenant.token(), "müll")).containsExactly("Olivia Müller");
        assertThat(search(tenant.token(), "1234")).containsExactly("Emma Korhonen");
        assertThat(search(tenant.token(), "cust-77")).containsExactly("Liam Smith");
        assertThat(search(tenant.token(), "LIAM.SMITH@EXAMPLE.COM")).containsExactly("Liam Smith");
        assertThat(search(tenant.token(), "%")).containsExactly("100% Percent");
        assertThat(search(tenant.token(), "_")).isEmpty();
        assertThat(search(tenant.token(), "nobody here")).isEmpty();
        assertThat(search(tenant.token(), "'\")(&|!:*")).isEmpty();
        assertThat(search(tenant.token(), "  ")).hasSize(4);
        assertThat(app.get("/api/contacts?q=" + "x".repeat(201), tenant.token()).status())
                .isEqualTo(400);
    }

    @Test
    void an_exact_email_match_comes_first() {
        var tenant = Fixtures.tenant(app, "Contactexact");
        create(tenant.token(), Map.of("name", "Aaron Anna", "email", "anna.other@example.com"));
        create(tenant.token(), Map.of("name", "Zed", "email", "anna@example.com"));
        assertThat(search(tenant.token(), "anna@example.com")).containsExactly("Zed");
        assertThat(search(tenant.token(), "anna")).containsExactly("Aaron Anna", "Zed");
    }

    @Test
    void the_list_pages_with_bounded_page_sizes() {
        var tenant = Fixtures.tenant(app, "Contactpages");
        for (int i = 0; i < 30; i++) {
            create(tenant.token(), Map.of("name", String.format("Contact %02d", i)));
        }
        var first = app.get("/api/contacts", tenant.token()).json();
        assertThat(first.get("contacts")).hasSize(25);
        assertThat(first.at("/pagination/pageSize").asInt()).isEqualTo(25);
        assertThat(first.at("/pagination/total").asLong()).isEqualTo(30);
        var second = app.get("/api/contacts?page=2", tenant.token()).json();
        assertThat(second.get("contacts").findValuesAsText("name"))
                .containsExactly("Contact 25", "Contact 26", "Contact 27", "Contact 28", "Contact 29");
        var exactEnd =
                app.get("/api/contacts?page=3&pageSize=15", tenant.token()).json();
        assertThat(exactEnd.get("contacts")).isEmpty();
        assertThat(exactEnd.at("/pagination/total").asLong()).isEqualTo(30);
        assertThat(app.get("/api/contacts?pageSize=100", tenant.token()).json().get("contacts"))
                .hasSize(30);
        assertThat(app.get("/api/contacts?q=contact&pageSize=10&page=3", tenant.token())
                        .json()
                        .get("contacts"))
                .hasSize(10);
        for (var bad : new String[] {"pageSize=101", "pageSize=0", "page=0", "page=-1", "page=two", "pageSize=1.5"}) {
            var response = app.get("/api/contacts?" + bad, tenant.token());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(errorCode(response)).isEqualTo("invalid_parameter");
        }
    }

    @Test
    void merging_moves_conversations_fills_empty_fields_and_deletes_the_other_contact() {
        var tenant = Fixtures.tenant(app, "Merge");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long keep = create(
                        agent.token(),
                        Map.of("name", "Emma", "phone", "+35840111", "attributes", Map.of("plan", "pro", "a", 1)))
                .get("id")
                .asLong();
        long other = create(
                        agent.token(),
                        Map.of(
                                "name", "Emma Korhonen",
                                "email", "emma@example.com",
                                "phone", "+35840999",
                                "identifier", "crm-1",
                                "attributes", Map.of("plan", "free", "b", 2)))
                .get("id")
                .asLong();
        long inbox = DirectoryFixtures.inbox(app, tenant.accountId());
        long kept = DirectoryFixtures.conversation(app, tenant.accountId(), inbox, keep, null, "open");
        long moved1 = DirectoryFixtures.conversation(app, tenant.accountId(), inbox, other, null, "resolved");
        long moved2 = DirectoryFixtures.conversation(app, tenant.accountId(), inbox, other, null, "pending");

        var events = new CopyOnWriteArrayList<ContactsMerged>();
        app.app().events().subscribe(ContactsMerged.class, events::add);
        var merge = app.post("/api/contacts/" + keep + "/merge", Map.of("otherContactId", other), agent.token());
        assertThat(merge.status()).as(merge.text()).isEqualTo(200);
        var result = merge.json();
        assertThat(result.get("mergedContactId").asLong()).isEqualTo(other);
        assertThat(result.get("movedConversations").asInt()).isEqualTo(2);
        var contact = result.get("contact");
        assertThat(contact.get("id").asLong()).isEqualTo(keep);
        assertThat(contact.get("name").asText()).isEqualTo("Emma");
        assertThat(contact.get("phone").asText()).isEqualTo("+35840111");
        assertThat(contact.get("email").asText()).isEqualTo("emma@example.com");
        assertThat(contact.get("identifier").asText()).isEqualTo("crm-1");
        assertThat(contact.get("attributes").get("plan").asText()).isEqualTo("pro");
        assertThat(contact.get("attributes").get("a").asInt()).isEqualTo(1);
        assertThat(contact.get("attributes").get("b").asInt()).isEqualTo(2);

        assertThat(app.get("/api/contacts/" + other, agent.token()).status()).isEqualTo(404);
        var conversations = app.get("/api/contacts/" + keep + "/conversations", agent.token())
                .json();
        assertThat(conversations.at("/pagination/total").asLong()).isEqualTo(3);
        assertThat(conversations.get("conversations").findValues("id").stream().map(JsonNode::asLong))
                .containsExactlyInAnyOrder(kept, moved1, moved2);
        assertThat(events).containsExactly(new ContactsMerged(tenant.accountId(), keep, other, 2));
        var audit = DirectoryFixtures.audit(app, tenant.accountId(), "contact.merged");
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().get("details", String.class)).contains("\"movedConversations\": 2");
        // The merged contact's email is free for reuse... by the contact that now holds it only.
        assertThat(app.post("/api/contacts", Map.of("name", "x", "email", "emma@example.com"), agent.token())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void merging_into_itself_is_422_and_unknown_contacts_are_404() {
        var tenant = Fixtures.tenant(app, "Mergebad");
        long id = create(tenant.token(), Map.of("name", "Solo")).get("id").asLong();
        var self = app.post("/api/contacts/" + id + "/merge", Map.of("otherContactId", id), tenant.token());
        assertThat(self.status()).isEqualTo(422);
        assertThat(errorCode(self)).isEqualTo("merge_into_itself");
        assertThat(app.post("/api/contacts/" + id + "/merge", Map.of("otherContactId", 999_999), tenant.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/contacts/999999/merge", Map.of("otherContactId", id), tenant.token())
                        .status())
                .isEqualTo(404);
        var missing = app.post("/api/contacts/" + id + "/merge", Map.of(), tenant.token());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/error/details/fields").has("otherContactId"))
                .isTrue();
        assertThat(app.postRaw("/api/contacts/" + id + "/merge", "{\"otherContactId\": \"x\"}", tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.get("/api/contacts/" + id, tenant.token()).status()).isEqualTo(200);
    }

    @Test
    void a_contacts_conversations_are_listed_most_recent_first() {
        var tenant = Fixtures.tenant(app, "Contactconv");
        long id = create(tenant.token(), Map.of("name", "Busy")).get("id").asLong();
        long quiet = create(tenant.token(), Map.of("name", "Quiet")).get("id").asLong();
        long inbox = DirectoryFixtures.inbox(app, tenant.accountId());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        long older =
                DirectoryFixtures.conversation(app, tenant.accountId(), inbox, id, null, "resolved", now.minusDays(2));
        long newer = DirectoryFixtures.conversation(app, tenant.accountId(), inbox, id, null, "open", now);
        long middle =
                DirectoryFixtures.conversation(app, tenant.accountId(), inbox, id, null, "pending", now.minusDays(1));

        var page = app.get("/api/contacts/" + id + "/conversations", tenant.token());
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        var items = page.json().get("conversations");
        assertThat(items.findValues("id").stream().map(JsonNode::asLong)).containsExactly(newer, middle, older);
        var first = items.get(0);
        assertThat(first.get("status").asText()).isEqualTo("open");
        assertThat(first.get("priority").asText()).isEqualTo("normal");
        assertThat(first.get("inboxId").asLong()).isEqualTo(inbox);
        assertThat(first.get("lastMessagePreview").asText()).isEqualTo("Last message of open");
        assertThat(first.get("lastMessageAt").asText()).isNotBlank();
        assertThat(first.get("createdAt").asText()).isNotBlank();

        var second = app.get("/api/contacts/" + id + "/conversations?pageSize=2&page=2", tenant.token())
                .json();
        assertThat(second.get("conversations").findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(older);
        assertThat(second.at("/pagination/total").asLong()).isEqualTo(3);
        assertThat(app.get("/api/contacts/" + quiet + "/conversations", tenant.token())
                        .json()
                        .get("conversations"))
                .isEmpty();
        assertThat(app.get("/api/contacts/999999/conversations", tenant.token()).status())
                .isEqualTo(404);
    }

    @Test
    void bad_input_is_rejected_with_the_field_named() {
        var tenant = Fixtures.tenant(app, "Contactbad");
        for (var bad : List.<Map<String, Object>>of(
                Map.of("email", "no-name@example.com"),
                Map.of("name", "  "),
                Map.of("name", "n".repeat(201)),
                Map.of("name", "x", "email", "not an email"),
                Map.of("name", "x", "phone", "call me maybe"),
                Map.of("name", "x", "identifier", "i".repeat(256)))) {
            var response = app.post("/api/contacts", bad, tenant.token());
            assertThat(response.status()).as(bad.toString()).isEqualTo(422);
            assertThat(errorCode(response)).isEqualTo("validation_failed");
        }
        assertThat(app.post("/api/contacts", Map.of("name", "n".repeat(200)), tenant.token())
                        .status())
                .isEqualTo(201);
        var huge = app.post(
                "/api/contacts",
                Map.of("name", "Big", "attributes", Map.of("notes", "x".repeat(20_000))),
                tenant.token());
        assertThat(huge.status()).isEqualTo(413);
        assertThat(errorCode(huge)).isEqualTo("attributes_too_large");
        assertThat(app.postRaw("/api/contacts", "{\"name\": \"x\", \"attributes\": [1]}", tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.postRaw("/api/contacts", "{\"name\": 12}", tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.postRaw("/api/contacts", "not json", tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.get("/api/contacts", null).status()).isEqualTo(401);
    }
}
