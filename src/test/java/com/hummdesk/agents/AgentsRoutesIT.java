package com.hummdesk.agents;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentsRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Map<String, Object> newAgent(String email, String role) {
        var body = new HashMap<String, Object>();
        body.put("name", "New Person");
        body.put("email", email);
        body.put("role", role);
        body.put("password", "a-long-password");
        return body;
    }

    @Test
    void the_list_shows_profile_load_and_teams_of_every_member() {
        var tenant = Fixtures.tenant(app, "Agentlist");
        var alice = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long team = app.post("/api/teams", Map.of("name", "Billing"), tenant.token())
                .json()
                .get("id")
                .asLong();
        app.post("/api/teams/" + team + "/members", Map.of("userIds", List.of(alice.userId())), tenant.token());
        long contact = app.post("/api/contacts", Map.of("name", "C"), tenant.token())
                .json()
                .get("id")
                .asLong();
        long inbox = DirectoryFixtures.inbox(app, tenant.accountId());
        for (var status : List.of("open", "pending", "snoozed", "resolved")) {
            DirectoryFixtures.conversation(app, tenant.accountId(), inbox, contact, alice.userId(), status);
        }
        DirectoryFixtures.conversation(app, tenant.accountId(), inbox, contact, null, "open");

        var list = app.get("/api/agents", alice.token());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().at("/pagination/total").asLong()).isEqualTo(2);
        var items = list.json().get("agents");
        assertThat(items.findValuesAsText("email")).containsExactlyInAnyOrder(alice.email(), tenant.ownerEmail());

        var one = app.get("/api/agents/" + alice.userId(), tenant.token()).json();
        assertThat(one.get("name").asText()).startsWith("Member ");
        assertThat(one.get("role").asText()).isEqualTo("agent");
        assertThat(one.get("availability").asText()).isEqualTo("offline");
        assertThat(one.get("maxConcurrent").asInt()).isEqualTo(20);
        assertThat(one.get("skills")).isEmpty();
        assertThat(one.get("languages")).isEmpty();
        assertThat(one.get("openConversations").asInt()).isEqualTo(3);
        assertThat(one.get("teams").get(0).get("name").asText()).isEqualTo("Billing");
        assertThat(one.get("joinedAt").asText()).isNotBlank();
        assertThat(one.has("passwordHash")).isFalse();

        var owner = app.get("/api/agents/" + tenant.ownerId(), alice.token()).json();
        assertThat(owner.get("role").asText()).isEqualTo("owner");
        assertThat(owner.get("openConversations").asInt()).isZero();
        assertThat(owner.get("teams")).isEmpty();

        assertThat(app.get("/api/agents/999999", tenant.token()).status()).isEqualTo(404);
        var page = app.get("/api/agents?pageSize=1&page=2", tenant.token()).json();
        assertThat(page.get("agents")).hasSize(1);
        assertThat(page.at("/pagination/total").asLong()).isEqualTo(2);
    }

    @Test
    void an_admin_invites_someone_new_who_can_then_sign_in() {
        var tenant = Fixtures.tenant(app, "Invite");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);
        var body = newAgent("  New.Person@Example.TEST ", "agent");
        body.put("maxConcurrent", 5);
        body.put("skills", List.of("billing", "technical", "billing"));
        body.put("languages", List.of("fi", "en"));

        var created = app.post("/api/agents", body, admin.token());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var agent = created.json();
        assertThat(agent.get("email").asText()).isEqualTo("new.person@example.test");
        assertThat(agent.get("name").asText()).isEqualTo("New Person");
        assertThat(agent.get("role").asText()).isEqualTo("agent");
        assertThat(agent.get("maxConcurrent").asInt()).isEqualTo(5);
        assertThat(agent.get("skills").toString()).isEqualTo("[\"billing\",\"technical\"]");
        assertThat(agent.get("languages").toString()).isEqualTo("[\"fi\",\"en\"]");

        var login = Fixtures.login(app, "new.person@example.test", "a-long-password");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("role").asText()).isEqualTo("agent");
        var audit = DirectoryFixtures.audit(app, tenant.accountId(), "agent.added");
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().get("details", String.class)).contains("\"newUser\": true");

        var again = app.post("/api/agents", body, tenant.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(errorCode(again)).isEqualTo("already_member");
    }

    @Test
    void an_existing_login_is_added_as_it_is() {
        var tenant = Fixtures.tenant(app, "Existing");
        var elsewhere = Fixtures.tenant(app, "Elsewhere");
        var body = new HashMap<String, Object>();
        body.put("email", elsewhere.ownerEmail());
        body.put("role", "admin");
        body.put("name", "Ignored Name");
        body.put("password", "another-password");

        var added = app.post("/api/agents", body, tenant.token());
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.json().get("id").asLong()).isEqualTo(elsewhere.ownerId());
        assertThat(added.json().get("name").asText()).isEqualTo("Elsewhere Owner");
        assertThat(added.json().get("role").asText()).isEqualTo("admin");
        // Their password stays theirs.
        assertThat(Fixtures.login(app, elsewhere.ownerEmail(), "another-password")
                        .status())
                .isEqualTo(401);
        assertThat(Fixtures.login(app, elsewhere.ownerEmail(), Fixtures.PASSWORD)
                        .json()
                        .get("accounts"))
                .hasSize(2);
        // Without a password is fine for someone who has a login.
        var third = Fixtures.tenant(app, "Third");
        assertThat(app.post("/api/agents", Map.of("email", third.ownerEmail()), tenant.token())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void someone_new_needs_a_name_and_a_password_of_8_or_more() {
        var tenant = Fixtures.tenant(app, "Newbad");
        var noPassword = app.post("/api/agents", Map.of("email", "nopass@example.test", "name", "N"), tenant.token());
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.json().at("/error/details/fields").has("password"))
                .isTrue();
        var noName = app.post(
                "/api/agents", Map.of("email", "noname@example.test", "password", "long-enough"), tenant.token());
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().at("/error/details/fields").has("name")).isTrue();
        var shortPassword = newAgent("short@example.test", "agent");
        shortPassword.put("password", "1234567");
        assertThat(app.post("/api/agents", shortPassword, tenant.token()).status())
                .isEqualTo(422);
        assertThat(app.post("/api/agents", newAgent("not-an-email", "agent"), tenant.token())
                        .status())
                .isEqualTo(422);
        var longName = newAgent("long@example.test", "agent");
        longName.put("name", "n".repeat(201));
        assertThat(app.post("/api/agents", longName, tenant.token()).status()).isEqualTo(422);
        assertThat(Fixtures.login(app, "nopass@example.test", "whatever-pass").status())
                .isEqualTo(401);
    }

    @Test
    void invalid_enums_are_400_listing_the_allowed_values() {
        var tenant = Fixtures.tenant(app, "Enums");
        var badRole = app.post("/api/agents", newAgent("role@example.test", "superuser"), tenant.token());
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(errorCode(badRole)).isEqualTo("invalid_enum");
        assertThat(badRole.json().at("/error/details/allowed").toString()).isEqualTo("[\"owner\",\"admin\",\"agent\"]");

        var badAvailability = app.patch("/api/agents/me/availability", Map.of("availability", "away"), tenant.token());
        assertThat(badAvailability.status()).isEqualTo(400);
        assertThat(badAvailability.json().at("/error/details/allowed").toString())
                .isEqualTo("[\"online\",\"busy\",\"offline\"]");
        assertThat(app.patch("/api/agents/" + tenant.ownerId(), Map.of("availability", "gone"), tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.patch("/api/agents/me/availability", Map.of(), tenant.token())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void an_admin_changes_role_and_routing_settings_with_validation() {
        var tenant = Fixtures.tenant(app, "Patch");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var path = "/api/agents/" + agent.userId();

        var changed = app.patch(
                path,
                Map.of(
                        "role",
                        "admin",
                        "availability",
                        "busy",
                        "maxConcurrent",
                        0,
                        "skills",
                        List.of("billing"),
                        "languages",
                        List.of("de"),
                        "name",
                        "Renamed Agent"),
                admin.token());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        var body = changed.json();
        assertThat(body.get("role").asText()).isEqualTo("admin");
        assertThat(body.get("availability").asText()).isEqualTo("busy");
        assertThat(body.get("maxConcurrent").asInt()).isZero();
        assertThat(body.get("skills").toString()).isEqualTo("[\"billing\"]");
        assertThat(body.get("languages").toString()).isEqualTo("[\"de\"]");
        assertThat(body.get("name").asText()).isEqualTo("Renamed Agent");
        assertThat(app.patch(path, Map.of("maxConcurrent", 1000), admin.token()).status())
                .isEqualTo(200);
        assertThat(app.patch(path, Map.of("skills", List.of()), admin.token())
                        .json()
                        .get("skills"))
                .isEmpty();

        for (var bad : List.<Map<String, Object>>of(
                Map.of("maxConcurrent", 1001),
                Map.of("maxConcurrent", -1),
                Map.of("skills", List.of("Billing")),
                Map.of("skills", List.of("has space")),
                Map.of("languages", List.of("eng")),
                Map.of("languages", List.of("EN")),
                Map.of("name", " "))) {
            var response = app.patch(path, bad, admin.token());
            assertThat(response.status()).as(bad.toString()).isEqualTo(422);
            assertThat(errorCode(response)).isEqualTo("validation_failed");
        }
        assertThat(app.postRaw("/api/agents", "{\"maxConcurrent\": \"5\"}", admin.token())
                        .status())
                .isEqualTo(400);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "agent.updated"))
                .hasSize(3);
    }

    @Test
    void agents_change_only_their_own_name_and_availability() {
        var tenant = Fixtures.tenant(app, "Selfservice");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var colleague = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);

        var own = app.patch("/api/agents/me/availability", Map.of("availability", "online"), agent.token());
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.json().get("availability").asText()).isEqualTo("online");
        assertThat(own.json().get("id").asLong()).isEqualTo(agent.userId());
        var self = app.patch(
                "/api/agents/" + agent.userId(), Map.of("availability", "busy", "name", "Me Myself"), agent.token());
        assertThat(self.status()).as(self.text()).isEqualTo(200);
        assertThat(self.json().get("name").asText()).isEqualTo("Me Myself");
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "agent.availability_changed"))
                .hasSize(1);

        for (var response : new TestApp.Response[] {
            app.patch("/api/agents/" + agent.userId(), Map.of("role", "admin"), agent.token()),
            app.patch("/api/agents/" + agent.userId(), Map.of("maxConcurrent", 50), agent.token()),
            app.patch("/api/agents/" + agent.userId(), Map.of("skills", List.of("vip")), agent.token()),
            app.patch("/api/agents/" + agent.userId(), Map.of("languages", List.of("sv")), agent.token()),
            app.patch("/api/agents/" + colleague.userId(), Map.of("availability", "offline"), agent.token()),
            app.post("/api/agents", newAgent("x@example.test", "agent"), agent.token()),
            app.delete("/api/agents/" + colleague.userId(), agent.token())
        }) {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(errorCode(response)).isEqualTo("forbidden");
            assertThat(response.json().at("/error/message").asText()).contains("your role is agent");
        }
        assertThat(app.get("/api/agents/" + colleague.userId(), agent.token())
                        .json()
                        .get("availability")
                        .asText())
                .isEqualTo("offline");
    }

    @Test
    void only_owners_make_owners_and_admins_cannot_touch_owners() {
        var tenant = Fixtures.tenant(app, "Owners");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);

        var inviteOwner = app.post("/api/agents", newAgent("wannabe@example.test", "owner"), admin.token());
        assertThat(inviteOwner.status()).isEqualTo(403);
        assertThat(errorCode(inviteOwner)).isEqualTo("owner_only");
        var promote = app.patch("/api/agents/" + agent.userId(), Map.of("role", "owner"), admin.token());
        assertThat(promote.status()).isEqualTo(403);
        assertThat(errorCode(promote)).isEqualTo("owner_only");
        var demoteOwner = app.patch("/api/agents/" + tenant.ownerId(), Map.of("role", "admin"), admin.token());
        assertThat(demoteOwner.status()).isEqualTo(403);
        assertThat(errorCode(demoteOwner)).isEqualTo("owner_only");
        var removeOwner = app.delete("/api/agents/" + tenant.ownerId(), admin.token());
        assertThat(removeOwner.status()).isEqualTo(403);
        assertThat(errorCode(removeOwner)).isEqualTo("owner_only");
        // Admins do manage admins and agents.
        assertThat(app.patch("/api/agents/" + agent.userId(), Map.of("role", "admin"), admin.token())
                        .status())
                .isEqualTo(200);

        // An owner makes an owner, after which the first owner may step down.
        assertThat(app.patch("/api/agents/" + admin.userId(), Map.of("role", "owner"), tenant.token())
                        .status())
                .isEqualTo(200);
        var invited = app.post("/api/agents", newAgent("coowner@example.test", "owner"), tenant.token());
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("role").asText()).isEqualTo("owner");
        assertThat(app.patch("/api/agents/" + tenant.ownerId(), Map.of("role", "agent"), tenant.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_last_owner_can_be_neither_demoted_nor_removed() {
        var tenant = Fixtures.tenant(app, "Lastowner");
        var demote = app.patch("/api/agents/" + tenant.ownerId(), Map.of("role", "admin"), tenant.token());
        assertThat(demote.status()).isEqualTo(422);
        assertThat(errorCode(demote)).isEqualTo("last_owner");
        var remove = app.delete("/api/agents/" + tenant.ownerId(), tenant.token());
        assertThat(remove.status()).isEqualTo(422);
        assertThat(errorCode(remove)).isEqualTo("last_owner");
        assertThat(app.get("/api/agents/" + tenant.ownerId(), tenant.token())
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("owner");

        // With a second owner, one of them may leave.
        var second = DirectoryFixtures.member(app, tenant.accountId(), Role.OWNER);
        assertThat(app.delete("/api/agents/" + tenant.ownerId(), second.token()).status())
                .isEqualTo(204);
        var nowLast = app.delete("/api/agents/" + second.userId(), second.token());
        assertThat(nowLast.status()).isEqualTo(422);
    }

    @Test
    void removing_an_agent_unassigns_their_conversations_and_ends_their_membership() {
        var tenant = Fixtures.tenant(app, "Remove");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long team = app.post("/api/teams", Map.of("name", "T"), tenant.token())
                .json()
                .get("id")
                .asLong();
        app.post("/api/teams/" + team + "/members", Map.of("userIds", List.of(agent.userId())), tenant.token());
        long contact = app.post("/api/contacts", Map.of("name", "C"), tenant.token())
                .json()
                .get("id")
                .asLong();
        long inbox = DirectoryFixtures.inbox(app, tenant.accountId());
        long conversation =
                DirectoryFixtures.conversation(app, tenant.accountId(), inbox, contact, agent.userId(), "open");

        assertThat(app.delete("/api/agents/" + agent.userId(), tenant.token()).status())
                .isEqualTo(204);

        assertThat(app.get("/api/agents/" + agent.userId(), tenant.token()).status())
                .isEqualTo(404);
        assertThat(app.delete("/api/agents/" + agent.userId(), tenant.token()).status())
                .isEqualTo(404);
        assertThat(app.get("/api/teams/" + team, tenant.token())
                        .json()
                        .get("memberCount")
                        .asInt())
                .isZero();
        Long assignee = app.app().database().inAccount(tenant.accountId(), tx -> tx.fetchOne(
                        "select assignee_id from conversations where account_id = ? and id = ?",
                        tenant.accountId(),
                        conversation)
                .get(0, Long.class));
        assertThat(assignee).isNull();
        assertThat(Fixtures.login(app, agent.email(), Fixtures.PASSWORD).status())
                .isEqualTo(403);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "agent.removed"))
                .hasSize(1);
    }

    @Test
    void two_owners_demoting_each_other_at_once_leave_one_owner() throws Exception {
        var tenant = Fixtures.tenant(app, "Race");
        var second = DirectoryFixtures.member(app, tenant.accountId(), Role.OWNER);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(
                    () -> app.patch("/api/agents/" + second.userId(), Map.of("role", "agent"), tenant.token()));
            var other = pool.submit(
                    () -> app.patch("/api/agents/" + tenant.ownerId(), Map.of("role", "agent"), second.token()));
            var statuses = List.of(first.get().status(), other.get().status());
            assertThat(statuses).containsOnlyOnce(200);
            assertThat(statuses).containsAnyOf(422, 403);
        }
        var roles = app.get("/api/agents", tenant.token()).json().get("agents").findValuesAsText("role");
        assertThat(roles).containsOnlyOnce("owner");
    }

    @Test
    void availability_changes_and_removals_are_published_after_commit() {
        var tenant = Fixtures.tenant(app, "Events");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var seen = new CopyOnWriteArrayList<Object>();
        app.app().events().subscribe(AgentAvailabilityChanged.class, seen::add);
        app.app().events().subscribe(AgentRemoved.class, seen::add);

        app.patch("/api/agents/me/availability", Map.of("availability", "online"), agent.token());
        app.patch("/api/agents/" + agent.userId(), Map.of("availability", "busy"), tenant.token());
        app.patch("/api/agents/me/availability", Map.of("availability", "nope"), agent.token());
        app.delete("/api/agents/" + agent.userId(), tenant.token());

        assertThat(seen)
                .filteredOn(e -> e instanceof AgentAvailabilityChanged c && c.accountId() == tenant.accountId())
                .containsExactly(
                        new AgentAvailabilityChanged(tenant.accountId(), agent.userId(), Availability.ONLINE),
                        new AgentAvailabilityChanged(tenant.accountId(), agent.userId(), Availability.BUSY));
        assertThat(seen).contains(new AgentRemoved(tenant.accountId(), agent.userId()));
    }

    @Test
    void a_demoted_admin_loses_management_at_once_even_with_an_old_token() {
        var tenant = Fixtures.tenant(app, "Stale");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        assertThat(app.patch("/api/agents/" + admin.userId(), Map.of("role", "agent"), tenant.token())
                        .status())
                .isEqualTo(200);

        var stale = app.patch("/api/agents/" + agent.userId(), Map.of("maxConcurrent", 3), admin.token());
        assertThat(stale.status()).isEqualTo(403);
        assertThat(app.delete("/api/agents/" + agent.userId(), admin.token()).status())
                .isEqualTo(403);
    }
}
