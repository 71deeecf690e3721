package com.hummdesk.knowledge;

import static com.hummdesk.testing.DirectoryFixtures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hummdesk.platform.security.Role;
import com.hummdesk.testing.DirectoryFixtures;
import com.hummdesk.testing.Fixtures;
import com.hummdesk.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KnowledgeImportIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void a_zip_with_broken_files_imports_the_rest_and_lists_the_errors() throws Exception {
        var tenant = Fixtures.tenant(app, "KB import");
        var files = new LinkedHashMap<String, byte[]>();
        files.put("billing/refunds.md", "# Refund policy\n\nMoney back within 30 days of purchase.\n".getBytes());
        files.put(
                "help/password.html",
                "<html><head><title>Reset your password</title></head><body><h1>Reset your password</h1>"
                        .concat("<p>Choose <b>Forgot password</b> on the sign-in page.</p></body></html>")
                        .getBytes());
        files.put("notes.txt", "Shipping\nParcels arrive within three business days.".getBytes());
        files.put("broken.md", new byte[] {(byte) 0xC3, (byte) 0x28, 'a', 'b'}); // invalid UTF-8
        files.put("empty.md", new byte[0]);
        files.put("logo.png", new byte[] {1, 2, 3});
        files.put("../escape.md", "# Escape\n\nclimbs out".getBytes());
        files.put("bomb.txt", "a".repeat(3 * 1024 * 1024).getBytes());
        files.put(".hidden.md", "# hidden\n\nignored".getBytes());

        var started = upload(tenant.token(), zip(files), "published");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.json().get("total").asInt()).isEqualTo(8);

        var status = waitForImport(tenant.token(), id);
        assertThat(status.get("status").asText()).isEqualTo("done");
        assertThat(status.get("done").asInt()).isEqualTo(3);
        assertThat(status.get("failed").asInt()).isEqualTo(5);
        assertThat(status.get("pending").asInt()).isZero();
        var errors = new LinkedHashMap<String, String>();
        status.get("errors")
                .forEach(e -> errors.put(e.get("file").asText(), e.get("error").asText()));
        assertThat(errors)
                .containsOnlyKeys("broken.md", "empty.md", "logo.png", "../escape.md", "bomb.txt")
                .containsEntry("empty.md", "empty file");
        assertThat(errors.get("broken.md")).contains("UTF-8");
        assertThat(errors.get("../escape.md")).contains("unsafe path");
        assertThat(errors.get("bomb.txt")).contains("zip bomb");

        var titles = app.get("/api/kb/articles?status=published", tenant.token())
                .json()
                .get("articles")
                .findValuesAsText("title");
        assertThat(titles).containsExactlyInAnyOrder("Refund policy", "Reset your password", "Shipping");
        var hits = KnowledgeBaseIT.searchAs(app, tenant.token(), "I forgot my password");
        assertThat(hits.get(0).get("title").asText()).isEqualTo("Reset your password");

        // Importing the same file again updates its article instead of adding another.
        var again = Map.of("billing/refunds.md", "# Refund policy\n\nMoney back within 60 days.\n".getBytes());
        waitForImport(
                tenant.token(),
                upload(tenant.token(), zip(again), "published").json().get("id").asLong());
        var list = app.get("/api/kb/articles?q=refund", tenant.token()).json();
        assertThat(list.at("/pagination/total").asInt()).isEqualTo(1);
        long refundId = list.get("articles").get(0).get("id").asLong();
        assertThat(app.get("/api/kb/articles/" + refundId, tenant.token())
                        .json()
                        .get("body")
                        .asText())
                .contains("60 days");
    }

    @Test
    void front_matter_names_an_articles_language() throws Exception {
        var tenant = Fixtures.tenant(app, "KB languages");
        var files = new LinkedHashMap<String, byte[]>();
        files.put(
                "fi/palautukset.md",
                "---\nlanguage: fi\n---\n# Hyvitykset\n\nKaksoisveloitus hyvitetään viidessä arkipäivässä.\n"
                        .getBytes(StandardCharsets.UTF_8));
        files.put("odd.md", "---\nlanguage: not a code\ntitle: Odd\n---\nBody text.\n".getBytes());
        files.put("plain.md", "# Plain\n\nNo front matter.\n".getBytes());
        waitForImport(
                tenant.token(),
                upload(tenant.token(), zip(files), "published").json().get("id").asLong());

        var languages = new LinkedHashMap<String, String>();
        app.get("/api/kb/articles?status=published", tenant.token())
                .json()
                .get("articles")
                .forEach(a ->
                        languages.put(a.get("title").asText(), a.get("language").asText()));
        assertThat(languages)
                .containsOnly(Map.entry("Hyvitykset", "fi"), Map.entry("Odd", "en"), Map.entry("Plain", "en"));
        var hits = KnowledgeBaseIT.searchAs(app, tenant.token(), "kaksoisveloitus");
        assertThat(hits.get(0).get("title").asText()).isEqualTo("Hyvitykset");
    }

    @Test
    void imports_are_for_admins_and_need_a_zip() throws Exception {
        var tenant = Fixtures.tenant(app, "KB import checks");
        var agent = DirectoryFixtures.member(app, tenant.accountId(), Role.AGENT);
        var zip = zip(Map.of("a.md", "# A\n\ntext".getBytes()));
        assertThat(upload(agent.token(), zip, null).status()).isEqualTo(403);

        var notZip = upload(tenant.token(), "just some text".getBytes(), null);
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(errorCode(notZip)).isEqualTo("invalid_archive");

        var json = app.post("/api/kb/imports", Map.of("file", "x"), tenant.token());
        assertThat(json.status()).isEqualTo(400);
        assertThat(errorCode(json)).isEqualTo("invalid_upload");

        assertThat(upload(tenant.token(), zip, "live").status()).isEqualTo(400);
        assertThat(app.get("/api/kb/imports/999999", tenant.token()).status()).isEqualTo(404);

        var drafts = upload(tenant.token(), zip, "draft");
        waitForImport(tenant.token(), drafts.json().get("id").asLong());
        assertThat(app.get("/api/kb/articles?status=draft", tenant.token())
                        .json()
                        .at("/pagination/total")
                        .asInt())
                .isEqualTo(1);
        assertThat(KnowledgeBaseIT.searchAs(app, tenant.token(), "A text")).isEmpty();
    }

    @Test
    void the_command_imports_a_directory() throws Exception {
        var tenant = Fixtures.tenant(app, "KB import command");
        var dir = Files.createTempDirectory("kb-import");
        Files.createDirectories(dir.resolve("guides"));
        Files.writeString(dir.resolve("guides/vpn.md"), "# Connecting to the VPN\n\nInstall the client first.");
        Files.write(dir.resolve("guides/bad.md"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
        var out = new ByteArrayOutputStream();
        int code = ImportKbCommand.run(
                java.util.List.of("--account", Long.toString(tenant.accountId()), dir.toString()),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                app.app().knowledge());
        var printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(1); // one file failed
        assertThat(printed).contains("Imported 1 of 2 files").contains("guides/bad.md");
        assertThat(KnowledgeBaseIT.searchAs(app, tenant.token(), "how do I connect to the vpn")
                        .get(0)
                        .get("title")
                        .asText())
                .isEqualTo("Connecting to the VPN");
    }

    private static JsonNode waitForImport(String token, long id) throws InterruptedException {
        JsonNode status = null;
        for (int i = 0; i < 300; i++) {
            var response = app.get("/api/kb/imports/" + id, token);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            status = response.json();
            if (status.get("status").asText().equals("done")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish: " + status);
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static TestApp.Response upload(String token, byte[] file, String status) {
        var boundary = "----kb" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kb.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (status != null) {
            body.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\n" + status + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return app.send(app.request("/api/kb/imports", token)
                .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
