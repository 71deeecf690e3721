package com.hummdesk.teams;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TeamsRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static long createTeam(String token, String name) {
        var response = app.post("/api/teams", Map.of("name", name), token);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    @Test
    void an_admin_creates_staffs_lists_reads_renames_and_deletes_a_team() {
        var tenant = Fixtures.tenant(app, "Teams");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);
        var alice = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var bob = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);

        var created = app.post("/api/teams", Map.of("name", "Billing", "description", "Money matters"), admin.token());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("memberCount").asInt()).isZero();
        assertThat(created.json().get("members")).isEmpty();
        long id = created.json().get("id").asLong();
        createTeam(admin.token(), "Technical");

        var staffed = app.post(
                "/api/teams/" + id + "/members",
                Map.of("userIds", List.of(alice.userId(), bob.userId())),
                admin.token());
        assertThat(staffed.status()).as(staffed.text()).isEqualTo(200);
        assertThat(staffed.json().get("memberCount").asInt()).isEqualTo(2);
        // Adding someone twice changes nothing.
        var again =
                app.post("/api/teams/" + id + "/members", Map.of("userIds", List.of(alice.userId())), admin.token());
        assertThat(again.json().get("memberCount").asInt()).isEqualTo(2);

        var list = app.get("/api/teams", alice.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("teams").findValuesAsText("name")).containsExactly("Billing", "Technical");
        assertThat(list.json().get("teams").get(0).get("memberCount").asInt()).isEqualTo(2);
        assertThat(list.json().get("teams").get(1).get("memberCount").asInt()).isZero();
        assertThat(list.json().at("/pagination/total").asLong()).isEqualTo(2);

        var team = app.get("/api/teams/" + id, alice.token()).json();
        assertThat(team.get("description").asText()).isEqualTo("Money matters");
        var member = team.get("members").get(0);
        assertThat(team.get("members").findValuesAsText("email")).containsExactlyInAnyOrder(alice.email(), bob.email());
        assertThat(member.get("role").asText()).isEqualTo("agent");
        assertThat(member.get("availability").asText()).isEqualTo("offline");
        assertThat(member.get("name").asText()).startsWith("Member ");
        assertThat(member.get("id").asLong()).isIn(alice.userId(), bob.userId());

        var renamed = app.patch("/api/teams/" + id, Map.of("name", "Payments"), admin.token());
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Payments");
        assertThat(renamed.json().get("description").asText()).isEqualTo("Money matters");
        assertThat(renamed.json().get("memberCount").asInt()).isEqualTo(2);

        assertThat(app.delete("/api/teams/" + id + "/members/" + bob.userId(), admin.token())
                        .status())
                .isEqualTo(204);
        assertThat(app.delete("/api/teams/" + id + "/members/" + bob.userId(), admin.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/teams/" + id, admin.token())
                        .json()
                        .get("members")
                        .findValuesAsText("email"))
                .containsExactly(alice.email());

        assertThat(app.delete("/api/teams/" + id, admin.token()).status()).isEqualTo(204);
        assertThat(app.get("/api/teams/" + id, admin.token()).status()).isEqualTo(404);
        for (var action :
                List.of("team.created", "team.members_added", "team.updated", "team.member_removed", "team.deleted")) {
            assertThat(DirectoryFixtures.audit(app, tenant.accountId(), action))
                    .as(action)
                    .isNotEmpty();
        }
    }

    @Test
    void deleting_a_team_keeps_its_conversations_without_a_team() {
        var tenant = Fixtures.tenant(app, "Teamconv");
        long teamId = createTeam(tenant.token(), "Support");
        long contactId = app.post("/api/contacts", Map.of("name", "Customer"), tenant.token())
                .json()
                .get("id")
                .asLong();
        long inbox = DirectoryFixtures.inbox(app, tenant.accountId());
        long conversation = DirectoryFixtures.conversation(app, tenant.accountId(), inbox, contactId, null, "open");
        app.app()
                .database()
                .runInAccount(
                        tenant.accountId(),
                        tx -> tx.execute(
                                "update conversations set team_id = ? where account_id = ? and id = ?",
                                teamId,
                                tenant.accountId(),
                                conversation));

        assertThat(app.delete("/api/teams/" + teamId, tenant.token()).status()).isEqualTo(204);

        Long teamAfter = app.app().database().inAccount(tenant.accountId(), tx -> tx.fetchOne(
                        "select team_id from conversations where account_id = ? and id = ?",
                        tenant.accountId(),
                        conversation)
                .get(0, Long.class));
        assertThat(teamAfter).isNull();
    }

    @Test
    void agents_read_teams_but_every_change_is_403() {
        var tenant = Fixtures.tenant(app, "Teamagent");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long id = createTeam(tenant.token(), "Sales");

        assertThat(app.get("/api/teams", agent.token()).status()).isEqualTo(200);
        assertThat(app.get("/api/teams/" + id, agent.token()).status()).isEqualTo(200);
        for (var response : new TestApp.Response[] {
            app.post("/api/teams", Map.of("name", "Mine"), agent.token()),
            app.patch("/api/teams/" + id, Map.of("name", "Renamed"), agent.token()),
            app.post("/api/teams/" + id + "/members", Map.of("userIds", List.of(agent.userId())), agent.token()),
            app.delete("/api/teams/" + id + "/members/" + agent.userId(), agent.token()),
            app.delete("/api/teams/" + id, agent.token())
        }) {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(errorCode(response)).isEqualTo("forbidden");
            assertThat(response.json().at("/error/message").asText()).contains("admins and owners");
        }
        assertThat(app.get("/api/teams/" + id, agent.token()).json().get("name").asText())
                .isEqualTo("Sales");
    }

    @Test
    void duplicate_names_are_409_regardless_of_case() {
        var tenant = Fixtures.tenant(app, "Teamdup");
        createTeam(tenant.token(), "Billing");
        long other = createTeam(tenant.token(), "Other");
        for (var response : new TestApp.Response[] {
            app.post("/api/teams", Map.of("name", "Billing"), tenant.token()),
            app.post("/api/teams", Map.of("name", " billing "), tenant.token()),
            app.patch("/api/teams/" + other, Map.of("name", "BILLING"), tenant.token())
        }) {
            assertThat(response.status()).as(response.text()).isEqualTo(409);
            assertThat(errorCode(response)).isEqualTo("team_name_taken");
        }
    }

    @Test
    void members_must_be_agents_of_the_account() {
        var tenant = Fixtures.tenant(app, "Teammembers");
        var stranger = Fixtures.tenant(app, "Teamstranger");
        long id = createTeam(tenant.token(), "Ops");

        var foreign = app.post(
                "/api/teams/" + id + "/members", Map.of("userIds", List.of(stranger.ownerId())), tenant.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(errorCode(foreign)).isEqualTo("agent_not_found");
        var unknown = app.post(
                "/api/teams/" + id + "/members", Map.of("userIds", List.of(tenant.ownerId(), 999_999)), tenant.token());
        assertThat(unknown.status()).isEqualTo(404);
        // All or nothing: the known owner was not added either.
        assertThat(app.get("/api/teams/" + id, tenant.token())
                        .json()
                        .get("memberCount")
                        .asInt())
                .isZero();

        assertThat(app.post("/api/teams/" + id + "/members", Map.of("userIds", List.of()), tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.post("/api/teams/" + id + "/members", Map.of(), tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.postRaw("/api/teams/" + id + "/members", "{\"userIds\": [null]}", tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.postRaw("/api/teams/" + id + "/members", "{\"userIds\": [\"x\"]}", tenant.token())
                        .status())
                .isEqualTo(400);
        assertThat(app.post("/api/teams/999999/members", Map.of("userIds", List.of(tenant.ownerId())), tenant.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void bad_input_is_rejected() {
        var tenant = Fixtures.tenant(app, "Teambad");
        assertThat(app.post("/api/teams", Map.of("description", "no name"), tenant.token())
                        .status())
                .isEqualTo(422);
        var tooLong = app.post("/api/teams", Map.of("name", "t".repeat(201)), tenant.token());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/error/details/fields/name").asText()).contains("200");
        assertThat(app.post("/api/teams", Map.of("name", "ok", "description", "d".repeat(1001)), tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.postRaw("/api/teams", "{\"name\": {}}", tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.postRaw("/api/teams", "{\"name\": ", tenant.token()).status())
                .isEqualTo(400);
        assertThat(app.get("/api/teams?pageSize=101", tenant.token()).status()).isEqualTo(400);
    }
}
