package com.hummdesk.inboxes;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InboxesRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void an_admin_creates_lists_changes_and_deletes_inboxes() {
        var tenant = Fixtures.tenant(app, "Inboxes");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);
        long team = app.post("/api/teams", Map.of("name", "Billing"), admin.token())
                .json()
                .get("id")
                .asLong();

        var created = app.post("/api/inboxes", Map.of("name", " Website "), admin.token());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var inbox = created.json();
        long id = inbox.get("id").asLong();
        assertThat(inbox.get("name").asText()).isEqualTo("Website");
        assertThat(inbox.get("routingStrategy").asText()).isEqualTo("load_balanced");
        assertThat(inbox.get("channelType").asText()).isEqualTo("api");
        assertThat(inbox.get("publicId").asText()).matches("inb_[0-9a-f]{24}");
        assertThat(inbox.get("teamId").isNull()).isTrue();
        assertThat(inbox.get("conversationCount").asLong()).isZero();

        var second = app.post(
                "/api/inboxes",
                Map.of("name", "Apps", "routingStrategy", "round_robin", "teamId", team),
                tenant.token());
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.json().get("teamName").asText()).isEqualTo("Billing");
        assertThat(second.json().get("publicId").asText())
                .isNotEqualTo(inbox.get("publicId").asText());

        var list = app.get("/api/inboxes", admin.token()).json();
        assertThat(list.at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(list.get("inboxes").findValuesAsText("name")).containsExactly("Apps", "Website");

        var changed =
                app.patch("/api/inboxes/" + id, Map.of("routingStrategy", "manual", "teamId", team), admin.token());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("routingStrategy").asText()).isEqualTo("manual");
        assertThat(changed.json().get("teamId").asLong()).isEqualTo(team);
        assertThat(changed.json().get("name").asText()).isEqualTo("Website");
        assertThat(changed.json().get("publicId").asText())
                .isEqualTo(inbox.get("publicId").asText());

        var noTeam = new HashMap<String, Object>();
        noTeam.put("teamId", null);
        noTeam.put("name", "Web");
        var cleared = app.patch("/api/inboxes/" + id, noTeam, admin.token()).json();
        assertThat(cleared.get("teamId").isNull()).isTrue();
        assertThat(cleared.get("name").asText()).isEqualTo("Web");
        assertThat(cleared.get("routingStrategy").asText()).isEqualTo("manual");

        assertThat(app.delete("/api/inboxes/" + id, admin.token()).status()).isEqualTo(204);
        assertThat(app.get("/api/inboxes/" + id, admin.token()).status()).isEqualTo(404);
        assertThat(app.delete("/api/inboxes/" + id, admin.token()).status()).isEqualTo(404);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "inbox.created"))
                .hasSize(2);
        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "inbox.deleted"))
                .hasSize(1);
    }

    @Test
    void customers_reach_a_new_inbox_through_its_public_id_and_then_it_cannot_be_deleted() throws Exception {
        var tenant = Fixtures.tenant(app, "Inboxpublic");
        var inbox = app.post("/api/inboxes", Map.of("name", "Widget"), tenant.token())
                .json();
        var publicId = inbox.get("publicId").asText();
        var contact = app.post(
                "/api/public/inboxes/" + publicId + "/contacts",
                Map.of("name", "Jane", "email", "jane@customer.test"),
                null);
        assertThat(contact.status()).as(contact.text()).isEqualTo(201);
        var started = app.post(
                "/api/public/inboxes/" + publicId + "/conversations",
                Map.of("content", "Hello"),
                contact.json().get("contactToken").asText());
        assertThat(started.status()).as(started.text()).isEqualTo(201);

        var path = "/api/inboxes/" + inbox.get("id").asLong();
        assertThat(app.get(path, tenant.token()).json().get("conversationCount").asLong())
                .isEqualTo(1);

        // With the inbox's identity secret the customer's site vouches for Jane's email, so this session is bound to
        // it (the unverified session above got a contact of its own).
        var secret = app.get(path + "/identity-secret", tenant.token());
        assertThat(secret.status()).isEqualTo(200);
        var verified = app.post(
                "/api/public/inboxes/" + publicId + "/contacts",
                Map.of(
                        "email",
                        "jane@customer.test",
                        "identifierHash",
                        hmac(secret.json().get("identitySecret").asText(), "jane@customer.test")),
                null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(201);
        assertThat(verified.json().at("/contact/verified").asBoolean()).isTrue();
        assertThat(verified.json().at("/contact/email").asText()).isEqualTo("jane@customer.test");
        var refused = app.delete(path, tenant.token());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(errorCode(refused)).isEqualTo("inbox_in_use");
        assertThat(app.get(path, tenant.token()).status()).isEqualTo(200);
    }

    @Test
    void agents_read_inboxes_but_may_not_manage_them() {
        var tenant = Fixtures.tenant(app, "Inboxagent");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long id = app.post("/api/inboxes", Map.of("name", "Email"), tenant.token())
                .json()
                .get("id")
                .asLong();

        assertThat(app.get("/api/inboxes", agent.token())
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(1);
        var create = app.post("/api/inboxes", Map.of("name", "Mine"), agent.token());
        assertThat(create.status()).isEqualTo(403);
        assertThat(errorCode(create)).isEqualTo("forbidden");
        assertThat(app.patch("/api/inboxes/" + id, Map.of("name", "X"), agent.token())
                        .status())
                .isEqualTo(403);
        assertThat(app.delete("/api/inboxes/" + id, agent.token()).status()).isEqualTo(403);
        assertThat(app.get("/api/inboxes/" + id + "/identity-secret", agent.token())
                        .status())
                .isEqualTo(403);
        assertThat(app.get("/api/inboxes", null).status()).isEqualTo(401);
    }

    @Test
    void bad_input_is_a_4xx_with_the_error_shape() {
        var tenant = Fixtures.tenant(app, "Inboxinput");
        var other = Fixtures.tenant(app, "Inboxother");
        long foreignTeam = app.post("/api/teams", Map.of("name", "Theirs"), other.token())
                .json()
                .get("id")
                .asLong();

        var noName = app.post("/api/inboxes", Map.of("routingStrategy", "manual"), tenant.token());
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().at("/error/details/fields/name").asText()).isEqualTo("is required");
        var strategy = app.post("/api/inboxes", Map.of("name", "A", "routingStrategy", "random"), tenant.token());
        assertThat(strategy.status()).isEqualTo(400);
        assertThat(errorCode(strategy)).isEqualTo("invalid_enum");
        var team = app.post("/api/inboxes", Map.of("name", "A", "teamId", foreignTeam), tenant.token());
        assertThat(team.status()).isEqualTo(422);
        assertThat(team.json().at("/error/details/fields/teamId").asText()).contains("not a team");
        assertThat(app.post("/api/inboxes", Map.of("name", "x".repeat(201)), tenant.token())
                        .status())
                .isEqualTo(422);
        assertThat(app.postRaw("/api/inboxes", "{", tenant.token()).status()).isEqualTo(400);
        assertThat(app.patch("/api/inboxes/999999", Map.of("name", "B"), tenant.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.get("/api/inboxes", tenant.token())
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isZero();
    }

    @Test
    void accounts_never_see_or_change_each_others_inboxes() {
        var acme = Fixtures.tenant(app, "Inboxacme");
        var globex = Fixtures.tenant(app, "Inboxglobex");
        long id = app.post("/api/inboxes", Map.of("name", "Acme web"), acme.token())
                .json()
                .get("id")
                .asLong();
        assertThat(app.get("/api/inboxes", globex.token()).json().get("inboxes"))
                .isEmpty();
        assertThat(app.get("/api/inboxes/" + id, globex.token()).status()).isEqualTo(404);
        assertThat(app.patch("/api/inboxes/" + id, Map.of("name", "Mine"), globex.token())
                        .status())
                .isEqualTo(404);
        assertThat(app.delete("/api/inboxes/" + id, globex.token()).status()).isEqualTo(404);
        assertThat(app.get("/api/inboxes/" + id, acme.token())
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("Acme web");
    }

    private static String hmac(String secret, String email) throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
