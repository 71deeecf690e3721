package com.hummdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account directory's role rules in one sweep: an agent reads everything and manages contacts, and gets a 403
 * with the error shape for every operation reserved to admins and owners, which changes nothing.
 */
class DirectoryAccessIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void an_agent_gets_403_for_every_management_operation() {
        var tenant = Fixtures.tenant(app, "Access");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var colleague = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var owner = tenant.token();
        long team = app.post("/api/teams", Map.of("name", "Team"), owner)
                .json()
                .get("id")
                .asLong();
        app.post("/api/teams/" + team + "/members", Map.of("userIds", List.of(colleague.userId())), owner);
        long label = app.post("/api/labels", Map.of("name", "label"), owner)
                .json()
                .get("id")
                .asLong();
        long canned = app.post("/api/canned-responses", Map.of("shortCode", "hi", "content", "Hi"), owner)
                .json()
                .get("id")
                .asLong();
        var token = agent.token();

        var operations = new LinkedHashMap<String, Supplier<TestApp.Response>>();
        operations.put("create team", () -> app.post("/api/teams", Map.of("name", "New"), token));
        operations.put("rename team", () -> app.patch("/api/teams/" + team, Map.of("name", "X"), token));
        operations.put(
                "add team members",
                () -> app.post("/api/teams/" + team + "/members", Map.of("userIds", List.of(agent.userId())), token));
        operations.put(
                "remove team member", () -> app.delete("/api/teams/" + team + "/members/" + colleague.userId(), token));
        operations.put("delete team", () -> app.delete("/api/teams/" + team, token));
        operations.put(
                "invite agent",
                () -> app.post(
                        "/api/agents",
                        Map.of("name", "N", "email", "n@example.test", "password", "long-password"),
                        token));
        operations.put(
                "change role", () -> app.patch("/api/agents/" + colleague.userId(), Map.of("role", "admin"), token));
        operations.put(
                "change capacity",
                () -> app.patch("/api/agents/" + colleague.userId(), Map.of("maxConcurrent", 1), token));
        operations.put(
                "change skills",
                () -> app.patch("/api/agents/" + colleague.userId(), Map.of("skills", List.of("billing")), token));
        operations.put(
                "change languages",
                () -> app.patch("/api/agents/" + colleague.userId(), Map.of("languages", List.of("fi")), token));
        operations.put(
                "promote self", () -> app.patch("/api/agents/" + agent.userId(), Map.of("role", "owner"), token));
        operations.put("remove agent", () -> app.delete("/api/agents/" + colleague.userId(), token));
        operations.put("create label", () -> app.post("/api/labels", Map.of("name", "mine"), token));
        operations.put("change label", () -> app.patch("/api/labels/" + label, Map.of("color", "#000000"), token));
        operations.put("delete label", () -> app.delete("/api/labels/" + label, token));
        operations.put(
                "create canned response",
                () -> app.post("/api/canned-responses", Map.of("shortCode", "mine", "content", "x"), token));
        operations.put(
                "change canned response",
                () -> app.patch("/api/canned-responses/" + canned, Map.of("content", "x"), token));
        operations.put("delete canned response", () -> app.delete("/api/canned-responses/" + canned, token));

        operations.forEach((name, operation) -> {
            var response = operation.get();
            assertThat(response.status()).as(name + ": " + response.text()).isEqualTo(403);
            var error = response.json().get("error");
            assertThat(error.get("code").asText()).as(name).isEqualTo("forbidden");
            assertThat(error.get("message").asText()).as(name).contains("admins and owners");
            assertThat(error.has("details")).as(name).isTrue();
        });

        // Nothing changed.
        assertThat(app.get("/api/teams/" + team, owner).json().get("members").findValuesAsText("email"))
                .containsExactly(colleague.email());
        assertThat(app.get("/api/teams", owner).json().at("/pagination/total").asLong())
                .isEqualTo(1);
        assertThat(app.get("/api/agents", owner).json().at("/pagination/total").asLong())
                .isEqualTo(3);
        var colleagueNow = app.get("/api/agents/" + colleague.userId(), owner).json();
        assertThat(colleagueNow.get("role").asText()).isEqualTo("agent");
        assertThat(colleagueNow.get("maxConcurrent").asInt()).isEqualTo(20);
        assertThat(app.get("/api/agents/" + agent.userId(), owner)
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("agent");
        assertThat(app.get("/api/labels", owner).json().at("/pagination/total").asLong())
                .isEqualTo(1);
        assertThat(app.get("/api/canned-responses", owner)
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void an_agent_reads_the_whole_directory_and_manages_contacts() {
        var tenant = Fixtures.tenant(app, "Reader");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var token = agent.token();
        long team = app.post("/api/teams", Map.of("name", "Team"), tenant.token())
                .json()
                .get("id")
                .asLong();
        long label = app.post("/api/labels", Map.of("name", "l"), tenant.token())
                .json()
                .get("id")
                .asLong();
        app.post("/api/canned-responses", Map.of("shortCode", "hi", "content", "Hi"), tenant.token());

        for (var path : List.of(
                "/api/teams",
                "/api/teams/" + team,
                "/api/agents",
                "/api/agents/" + tenant.ownerId(),
                "/api/labels",
                "/api/labels/" + label,
                "/api/canned-responses",
                "/api/canned-responses/shortcut/hi",
                "/api/contacts")) {
            assertThat(app.get(path, token).status()).as(path).isEqualTo(200);
        }
        long one = app.post("/api/contacts", Map.of("name", "One"), token)
                .json()
                .get("id")
                .asLong();
        long two = app.post("/api/contacts", Map.of("name", "Two"), token)
                .json()
                .get("id")
                .asLong();
        assertThat(app.patch("/api/contacts/" + one, Map.of("phone", "+358 1"), token)
                        .status())
                .isEqualTo(200);
        assertThat(app.post("/api/contacts/" + one + "/merge", Map.of("otherContactId", two), token)
                        .status())
                .isEqualTo(200);
        assertThat(app.patch("/api/agents/me/availability", Map.of("availability", "online"), token)
                        .status())
                .isEqualTo(200);
    }
}
