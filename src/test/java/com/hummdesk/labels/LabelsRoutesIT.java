package com.hummdesk.labels;

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

class LabelsRoutesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void an_admin_creates_lists_reads_changes_and_deletes_labels() {
        var tenant = Fixtures.tenant(app, "Labels");
        var admin = DirectoryFixtures.member(app, tenant.accountId(), Role.ADMIN);

        var created = app.post(
                "/api/labels",
                Map.of("name", " vip ", "color", "#FF0000", "description", "Big customers"),
                admin.token());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var label = created.json();
        assertThat(label.get("name").asText()).isEqualTo("vip");
        assertThat(label.get("color").asText()).isEqualTo("#ff0000");
        assertThat(label.get("description").asText()).isEqualTo("Big customers");
        assertThat(label.get("createdAt").asText()).isNotBlank();
        long id = label.get("id").asLong();

        var plain =
                app.post("/api/labels", Map.of("name", "bug"), tenant.token()).json();
        assertThat(plain.get("color").asText()).isEqualTo("#6b7280");
        assertThat(plain.get("description").asText()).isEmpty();

        var list = app.get("/api/labels", admin.token()).json();
        assertThat(list.at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(list.get("labels").findValuesAsText("name")).containsExactly("bug", "vip");

        assertThat(app.get("/api/labels/" + id, admin.token())
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("vip");

        var changed = app.patch("/api/labels/" + id, Map.of("color", "#00ff00"), admin.token());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("color").asText()).isEqualTo("#00ff00");
        assertThat(changed.json().get("name").asText()).isEqualTo("vip");

        assertThat(app.delete("/api/labels/" + id, admin.token()).status()).isEqualTo(204);
        assertThat(app.get("/api/labels/" + id, admin.token()).status()).isEqualTo(404);
        assertThat(app.delete("/api/labels/" + id, admin.token()).status()).isEqualTo(404);

        assertThat(DirectoryFixtures.audit(app, tenant.accountId(), "label.created"))
                .hasSize(2);
        var deleted = DirectoryFixtures.audit(app, tenant.accountId(), "label.deleted");
        assertThat(deleted).hasSize(1);
        assertThat(deleted.getFirst().get("actor_user_id", Long.class)).isEqualTo(admin.userId());
        assertThat(deleted.getFirst().get("target_id", Long.class)).isEqualTo(id);
        assertThat(deleted.getFirst().get("details", String.class)).contains("vip");
    }

    @Test
    void agents_read_labels_but_may_not_manage_them() {
        var tenant = Fixtures.tenant(app, "Labelagent");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        long id = app.post("/api/labels", Map.of("name", "billing"), tenant.token())
                .json()
                .get("id")
                .asLong();

        assertThat(app.get("/api/labels", agent.token())
                        .json()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(1);
        assertThat(app.get("/api/labels/" + id, agent.token()).status()).isEqualTo(200);
        for (var response : new TestApp.Response[] {
            app.post("/api/labels", Map.of("name", "x"), agent.token()),
            app.patch("/api/labels/" + id, Map.of("name", "y"), agent.token()),
            app.delete("/api/labels/" + id, agent.token())
        }) {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(errorCode(response)).isEqualTo("forbidden");
        }
        assertThat(app.get("/api/labels/" + id, agent.token())
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("billing");
    }

    @Test
    void duplicate_names_are_409_regardless_of_case() {
        var tenant = Fixtures.tenant(app, "Labeldup");
        app.post("/api/labels", Map.of("name", "Urgent"), tenant.token());
        var second = app.post("/api/labels", Map.of("name", "urgent"), tenant.token());
        assertThat(second.status()).isEqualTo(409);
        assertThat(errorCode(second)).isEqualTo("label_name_taken");

        long other = app.post("/api/labels", Map.of("name", "later"), tenant.token())
                .json()
                .get("id")
                .asLong();
        var rename = app.patch("/api/labels/" + other, Map.of("name", "URGENT"), tenant.token());
        assertThat(rename.status()).isEqualTo(409);

        // Another account may use the same name.
        var elsewhere = Fixtures.tenant(app, "Labeldup2");
        assertThat(app.post("/api/labels", Map.of("name", "Urgent"), elsewhere.token())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void bad_input_is_rejected_with_the_field_named() {
        var tenant = Fixtures.tenant(app, "Labelbad");
        var missing = app.post("/api/labels", Map.of("color", "#ffffff"), tenant.token());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/error/details/fields/name").asText()).isEqualTo("is required");

        var badColor = app.post("/api/labels", Map.of("name", "a", "color", "red"), tenant.token());
        assertThat(badColor.status()).isEqualTo(422);
        assertThat(badColor.json().at("/error/details/fields").has("color")).isTrue();

        var tooLong = app.post("/api/labels", Map.of("name", "n".repeat(201)), tenant.token());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(app.post("/api/labels", Map.of("name", "n".repeat(200)), tenant.token())
                        .status())
                .isEqualTo(201);

        var wrongType = app.postRaw("/api/labels", "{\"name\": 5}", tenant.token());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(errorCode(wrongType)).isEqualTo("invalid_type");

        var blankRename = new HashMap<String, Object>();
        blankRename.put("name", "  ");
        long id = app.post("/api/labels", Map.of("name", "ok"), tenant.token())
                .json()
                .get("id")
                .asLong();
        assertThat(app.patch("/api/labels/" + id, blankRename, tenant.token()).status())
                .isEqualTo(422);
        assertThat(app.get("/api/labels/abc", tenant.token()).status()).isEqualTo(404);
        assertThat(app.get("/api/labels", null).status()).isEqualTo(401);
    }

    @Test
    void the_list_pages_and_rejects_page_sizes_out_of_range() {
        var tenant = Fixtures.tenant(app, "Labelpages");
        for (int i = 0; i < 5; i++) {
            app.post("/api/labels", Map.of("name", "label-" + i), tenant.token());
        }
        var second = app.get("/api/labels?page=2&pageSize=2", tenant.token()).json();
        assertThat(second.get("labels").findValuesAsText("name")).containsExactly("label-2", "label-3");
        assertThat(second.at("/pagination/total").asLong()).isEqualTo(5);
        assertThat(second.at("/pagination/page").asInt()).isEqualTo(2);
        assertThat(second.at("/pagination/pageSize").asInt()).isEqualTo(2);
        assertThat(app.get("/api/labels?page=9&pageSize=2", tenant.token())
                        .json()
                        .get("labels"))
                .isEmpty();
        for (var bad : new String[] {"pageSize=101", "pageSize=0", "page=0", "page=x"}) {
            var response = app.get("/api/labels?" + bad, tenant.token());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(errorCode(response)).isEqualTo("invalid_parameter");
        }
    }
}
