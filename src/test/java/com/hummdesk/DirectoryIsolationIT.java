package com.hummdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenant isolation of the whole account directory: with account B's ids, account A's owner gets the same 404 as for
 * ids that exist nowhere, on every endpoint, and nothing of B shows up in A's lists or searches.
 */
class DirectoryIsolationIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final long NOWHERE = 987_654_321L;
    private static Fixtures.Tenant a;
    private static Fixtures.Tenant b;
    private static Ids aIds;
    private static Ids bIds;

    record Ids(long contact, long team, long agent, String agentEmail, long label, long canned, String shortCode) {}

    @BeforeAll
    static void twoAccountsWithADirectoryEach() {
        a = Fixtures.tenant(app, "Isolation A");
        b = Fixtures.tenant(app, "Isolation B");
        aIds = seed(a, "alpha");
        bIds = seed(b, "bravo");
    }

    private static Ids seed(Fixtures.Tenant tenant, String word) {
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long contact = app.post(
                        "/api/contacts",
                        Map.of(
                                "name",
                                word + " customer",
                                "email",
                                word + "@example.com",
                                "phone",
                                "+1555" + word.length(),
                                "identifier",
                                word + "-id"),
                        tenant.token())
                .json()
                .get("id")
                .asLong();
        long inbox = DirectoryFixtures.inbox(app, tenant.accountId());
        DirectoryFixtures.conversation(app, tenant.accountId(), inbox, contact, agent.userId(), "open");
        long team = app.post("/api/teams", Map.of("name", word + " team"), tenant.token())
                .json()
                .get("id")
                .asLong();
        app.post("/api/teams/" + team + "/members", Map.of("userIds", List.of(agent.userId())), tenant.token());
        long label = app.post("/api/labels", Map.of("name", word + "-label"), tenant.token())
                .json()
                .get("id")
                .asLong();
        long canned = app.post(
                        "/api/canned-responses",
                        Map.of("shortCode", word, "content", word + " canned content"),
                        tenant.token())
                .json()
                .get("id")
                .asLong();
        return new Ids(contact, team, agent.userId(), agent.email(), label, canned, word);
    }

    /** Every endpoint that takes an id, called with the given ids (B's, or ids that exist nowhere). */
    private static Map<String, TestApp.Response> callEveryEndpoint(Ids target) {
        var token = a.token();
        var calls = new LinkedHashMap<String, Function<Ids, TestApp.Response>>();
        calls.put("GET contact", t -> app.get("/api/contacts/" + t.contact(), token));
        calls.put("PATCH contact", t -> app.patch("/api/contacts/" + t.contact(), Map.of("name", "hijacked"), token));
        calls.put("GET contact conversations", t -> app.get("/api/contacts/" + t.contact() + "/conversations", token));
        calls.put(
                "POST merge into theirs",
                t -> app.post(
                        "/api/contacts/" + t.contact() + "/merge", Map.of("otherContactId", aIds.contact()), token));
        calls.put(
                "POST merge theirs into mine",
                t -> app.post(
                        "/api/contacts/" + aIds.contact() + "/merge", Map.of("otherContactId", t.contact()), token));
        calls.put("GET team", t -> app.get("/api/teams/" + t.team(), token));
        calls.put("PATCH team", t -> app.patch("/api/teams/" + t.team(), Map.of("name", "hijacked"), token));
        calls.put(
                "POST team members",
                t -> app.post("/api/teams/" + t.team() + "/members", Map.of("userIds", List.of(a.ownerId())), token));
        calls.put(
                "POST their agent into my team",
                t -> app.post("/api/teams/" + aIds.team() + "/members", Map.of("userIds", List.of(t.agent())), token));
        calls.put("DELETE team member", t -> app.delete("/api/teams/" + t.team() + "/members/" + t.agent(), token));
        calls.put(
                "DELETE their agent from my team",
                t -> app.delete("/api/teams/" + aIds.team() + "/members/" + t.agent(), token));
        calls.put("DELETE team", t -> app.delete("/api/teams/" + t.team(), token));
        calls.put("GET agent", t -> app.get("/api/agents/" + t.agent(), token));
        calls.put("PATCH agent", t -> app.patch("/api/agents/" + t.agent(), Map.of("maxConcurrent", 1), token));
        calls.put("DELETE agent", t -> app.delete("/api/agents/" + t.agent(), token));
        calls.put("GET label", t -> app.get("/api/labels/" + t.label(), token));
        calls.put("PATCH label", t -> app.patch("/api/labels/" + t.label(), Map.of("name", "hijacked"), token));
        calls.put("DELETE label", t -> app.delete("/api/labels/" + t.label(), token));
        calls.put("GET canned", t -> app.get("/api/canned-responses/" + t.canned(), token));
        calls.put("GET canned by shortcut", t -> app.get("/api/canned-responses/shortcut/" + t.shortCode(), token));
        calls.put(
                "PATCH canned",
                t -> app.patch("/api/canned-responses/" + t.canned(), Map.of("content", "hijacked"), token));
        calls.put("DELETE canned", t -> app.delete("/api/canned-responses/" + t.canned(), token));
        var responses = new LinkedHashMap<String, TestApp.Response>();
        calls.forEach((name, call) -> responses.put(name, call.apply(target)));
        return responses;
    }

    @Test
    void every_endpoint_answers_404_for_another_accounts_ids_exactly_as_for_ids_that_exist_nowhere() {
        var withTheirs = callEveryEndpoint(bIds);
        var withNowhere = callEveryEndpoint(
                new Ids(NOWHERE, NOWHERE, NOWHERE, "nobody@example.com", NOWHERE, NOWHERE, "nowhere"));
        withTheirs.forEach((name, response) -> {
            assertThat(response.status()).as(name + ": " + response.text()).isEqualTo(404);
            var nowhere = withNowhere.get(name);
            assertThat(nowhere.status()).as(name).isEqualTo(404);
            var error = response.json().get("error");
            assertThat(error.get("code").asText())
                    .as(name)
                    .isEqualTo(nowhere.json().at("/error/code").asText());
            if (!name.contains("shortcut")) {
                // Same words, no hint; only the shortcut message repeats the caller's own short code.
                assertThat(error.toString())
                        .as(name)
                        .isEqualTo(nowhere.json()
                                .get("error")
                                .toString()
                                .replace(Long.toString(NOWHERE), Long.toString(bIds.agent())))
                        .doesNotContain("bravo");
            }
        });
    }

    @Test
    void nothing_of_the_other_account_was_changed_by_those_calls() {
        callEveryEndpoint(bIds);
        var token = b.token();
        assertThat(app.get("/api/contacts/" + bIds.contact(), token)
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("bravo customer");
        assertThat(app.get("/api/contacts/" + bIds.contact() + "/conversations", token)
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(1);
        var team = app.get("/api/teams/" + bIds.team(), token).json();
        assertThat(team.get("name").asText()).isEqualTo("bravo team");
        assertThat(team.get("memberCount").asInt()).isEqualTo(1);
        assertThat(app.get("/api/agents/" + bIds.agent(), token)
                        .json()
                        .get("maxConcurrent")
                        .asInt())
                .isEqualTo(20);
        assertThat(app.get("/api/labels/" + bIds.label(), token)
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("bravo-label");
        assertThat(app.get("/api/canned-responses/" + bIds.canned(), token)
                        .json()
                        .get("content")
                        .asText())
                .isEqualTo("bravo canned content");
        // A's own contact was not merged with anything either.
        assertThat(app.get("/api/contacts/" + aIds.contact(), a.token())
                        .json()
                        .get("email")
                        .asText())
                .isEqualTo("alpha@example.com");
        assertThat(app.get("/api/teams/" + aIds.team(), a.token())
                        .json()
                        .get("memberCount")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void nothing_of_the_other_account_appears_in_any_list_or_search() {
        var token = a.token();
        var bodies = List.of(
                app.get("/api/contacts?pageSize=100", token),
                app.get("/api/contacts?q=bravo", token),
                app.get("/api/contacts?q=bravo%40example.com", token),
                app.get("/api/contacts?q=bravo-id", token),
                app.get("/api/contacts?q=example.com", token),
                app.get("/api/contacts/" + aIds.contact() + "/conversations", token),
                app.get("/api/teams", token),
                app.get("/api/agents", token),
                app.get("/api/labels", token),
                app.get("/api/canned-responses", token),
                app.get("/api/canned-responses?search=bravo", token),
                app.get("/api/canned-responses?search=canned", token));
        for (var response : bodies) {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.text()).doesNotContain("bravo").doesNotContain(bIds.agentEmail());
        }
        assertThat(app.get("/api/contacts?q=bravo", token)
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isZero();
        assertThat(app.get("/api/contacts?q=example.com", token)
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(1);
        assertThat(app.get("/api/agents", token).json().at("/pagination/total").asLong())
                .isEqualTo(2);
        assertThat(app.get("/api/canned-responses?search=canned", token)
                        .json()
                        .get("cannedResponses")
                        .findValuesAsText("shortCode"))
                .containsExactly("alpha");
    }
}
