package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.client.Credentials;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.service.Totp;
import dev.lanyard.issuer.support.Run;
import dev.lanyard.issuer.support.Subprocess;
import dev.lanyard.issuer.support.SvidChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lanyard ctl}: resources, users, bots, tokens, edit, rm, remote admin, and real subprocess runs. */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class AdminCliTest extends CliTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createGetAndRemoveRoles() throws Exception {
        String yaml = "kind: role\nversion: v6\nmetadata:\n  name: r1\nspec:\n  allow:\n    spiffe:\n"
                + "      - path: /svc/r1\n---\nkind: role\nversion: v6\nmetadata:\n  name: r2\nspec:\n  deny:\n"
                + "    spiffe:\n      - path: /svc/*\n";
        Run.Result created = ok(user().stdin(yaml).cli("ctl", "create", "-f", "-", "--data-dir", dataDir()));
        assertEquals("role \"r1\" has been created\nrole \"r2\" has been created\n", created.out());
        assertTrue(fails(9, user().stdin(yaml).cli("ctl", "create", "-f", "-", "--data-dir", dataDir())).err()
                .contains("role/r1 already exists"));
        String one = ok(admin("ctl", "get", "roles", "r1")).out();
        assertEquals("kind: role\nversion: v6\nmetadata:\n  name: r1\nspec:\n  allow:\n    spiffe:\n"
                + "      - path: /svc/r1\n", one);
        JsonNode all = JSON.readTree(ok(admin("ctl", "get", "roles", "--format", "json")).out());
        assertTrue(all.isArray());
        JsonNode r2 = JSON.readTree(ok(admin("ctl", "get", "role/r2", "--format", "json")).out());
        assertEquals("/svc/*", r2.at("/spec/deny/spiffe/0/path").asText());
        assertEquals("role \"r2\" has been deleted\n", ok(admin("ctl", "rm", "role/r2")).out());
        fails(8, admin("ctl", "get", "roles", "r2"));
        fails(8, admin("ctl", "rm", "role/r2"));
        fails(3, admin("ctl", "get", "widgets"));
        fails(2, admin("ctl", "rm", "r2"));
    }

    @Test
    void badDocumentsAreRefusedBeforeAnythingIsSaved() throws Exception {
        String half = "kind: role\nversion: v6\nmetadata: {name: good-one}\n---\nkind: role\nversion: v5\n"
                + "metadata: {name: bad-one}\n";
        assertTrue(fails(3, user().stdin(half).cli("ctl", "create", "-f", "-", "--data-dir", dataDir())).err()
                .contains("stdin (document 2): version: role resources are version v6"));
        fails(8, admin("ctl", "get", "role/good-one"));
        fails(3, user().stdin("kind: [role").cli("ctl", "create", "-f", "-", "--data-dir", dataDir()));
        fails(4, admin("ctl", "create", "-f", tmp.resolve("missing.yaml").toString()));
        fails(3, user().stdin("kind: user\nversion: v2\nmetadata: {name: x}\nspec: {roles: [a], extra: 1}\n")
                .cli("ctl", "create", "-f", "-", "--data-dir", dataDir()));
        fails(8, user().stdin("kind: user\nversion: v2\nmetadata: {name: x}\nspec: {roles: [no-such-role]}\n")
                .cli("ctl", "create", "-f", "-", "--data-dir", dataDir()));
    }

    @Test
    void usersAndSetupTokens() throws Exception {
        role("app", "  allow:\n    spiffe:\n      - path: /app/*\n");
        JsonNode added = JSON.readTree(ok(admin("ctl", "users", "add", "erin", "--roles", "app", "--format", "json"))
                .out());
        String token = added.get("token").asText();
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        assertTrue(added.has("expires"));
        fails(8, admin("ctl", "users", "add", "frank", "--roles", "nope"));
        fails(8, admin("ctl", "get", "user/frank"));
        fails(9, admin("ctl", "users", "add", "erin", "--roles", "app"));
        Path pw = file("erin.pw", "a long enough password\n");
        ok(user().cli("login", "--proxy", proxy(), "--user", "erin", "--setup-token", token, "--password-file",
                pw.toString()));
        fails(7, user().cli("login", "--proxy", proxy(), "--user", "erin", "--setup-token", token, "--password-file",
                pw.toString()));
        role("other", "  allow:\n    spiffe:\n      - path: /other\n");
        assertEquals("User \"erin\" now has roles [app, other]\n",
                ok(admin("ctl", "users", "update", "erin", "--add-roles", "other")).out());
        assertEquals("User \"erin\" now has roles [other]\n",
                ok(admin("ctl", "users", "update", "erin", "--remove-roles", "app")).out());
        fails(2, admin("ctl", "users", "update", "erin"));
        fails(8, admin("ctl", "users", "update", "erin", "--add-roles", "nope"));
        ok(user().cli("svid", "issue", "--output", tmp.resolve("o").toString(), "/other"));
        fails(7, user().cli("svid", "issue", "--output", tmp.resolve("o").toString(), "/app/x"));
    }

    @Test
    void totpUsersLogInWithACode() throws Exception {
        role("totp-role", "  allow:\n    spiffe:\n      - path: /totp\n");
        JsonNode added = JSON.readTree(ok(admin("ctl", "users", "add", "judy", "--roles", "totp-role", "--totp",
                "--password-file", file("judy.pw", "correct horse battery\n").toString(), "--format", "json")).out());
        String secret = added.get("totp_secret").asText();
        assertTrue(added.get("totp_uri").asText().startsWith("otpauth://totp/"), added.toString());
        Run judy = user().env("LANYARD_PASSWORD", "correct horse battery");
        assertTrue(fails(7, judy.cli("login", "--proxy", proxy(), "--user", "judy", "--ca-pin", hostPin())).err()
                .contains("needs a one-time code"));
        fails(7, judy.cli("login", "--proxy", proxy(), "--user", "judy", "--ca-pin", hostPin(), "--otp", "000000".equals(
                Totp.code(secret, Totp.step(Instant.now()))) ? "111111" : "000000"));
        ok(judy.cli("login", "--proxy", proxy(), "--user", "judy", "--otp", Totp.code(secret,
                Totp.step(Instant.now()))));
        Run.Result again = ok(admin("ctl", "users", "update", "judy", "--totp"));
        assertTrue(again.out().startsWith("TOTP secret for \"judy\""), again.out());
        fails(2, admin("ctl", "users", "add", "kim", "--totp"));
    }

    @Test
    void botsAndJoinTokens() throws Exception {
        role("ci-role", "  allow:\n    spiffe:\n      - path: /ci/*\n");
        JsonNode bot = JSON.readTree(ok(admin("ctl", "bots", "add", "ci", "--roles", "ci-role", "--ttl", "2h",
                "--format", "json")).out());
        assertEquals("ci", bot.get("name").asText());
        assertTrue(bot.get("token").asText().matches("[0-9a-f]{32}"));
        Run.Result text = ok(admin("ctl", "tokens", "add", "--type=bot", "--bot", "ci"));
        assertTrue(text.out().startsWith("Join token for bot \"ci\" (one use, valid until "), text.out());
        JsonNode token = JSON.readTree(ok(admin("ctl", "tokens", "add", "--type=bot", "--bot", "ci", "--format",
                "json")).out());
        JsonNode tokens = JSON.readTree(ok(admin("ctl", "get", "tokens", "--format", "json")).out());
        List<String> names = new ArrayList<>();
        tokens.forEach(t -> names.add(t.at("/metadata/name").asText()));
        assertTrue(names.contains(token.get("token").asText()));
        fails(8, admin("ctl", "tokens", "add", "--type=bot", "--bot", "ghost"));
        fails(3, admin("ctl", "tokens", "add", "--type=user", "--bot", "ci"));
        role("ci-extra", "  allow:\n    spiffe:\n      - path: /extra\n");
        assertEquals("Bot \"ci\" now has roles [ci-role, ci-extra]\n",
                ok(admin("ctl", "bots", "update", "ci", "--add-roles", "ci-extra")).out());
        assertTrue(ok(admin("ctl", "get", "bots", "ci")).out().contains("- ci-extra"));
    }

    @Test
    void editValidatesBeforeSaving() throws Exception {
        role("editable", "  allow:\n    spiffe:\n      - path: /svc/a\n");
        Path script = file("edit.sh", "#!/bin/sh\nsed -i 's#/svc/a#/svc/b#' \"$1\"\n");
        script.toFile().setExecutable(true);
        assertEquals("role \"editable\" has been updated\n", ok(user().env("EDITOR", script.toString())
                .cli("ctl", "edit", "role/editable", "--data-dir", dataDir())).out());
        assertTrue(ok(admin("ctl", "get", "role/editable")).out().contains("path: /svc/b"));
        assertEquals("no changes to role/editable\n", ok(user().env("EDITOR", "true")
                .cli("ctl", "edit", "role/editable", "--data-dir", dataDir())).out());
        Path broken = file("broken.sh", "#!/bin/sh\nsed -i 's#/svc/b#svc-without-slash#' \"$1\"\n");
        broken.toFile().setExecutable(true);
        fails(3, user().env("EDITOR", broken.toString()).cli("ctl", "edit", "role/editable", "--data-dir", dataDir()));
        Path rename = file("rename.sh", "#!/bin/sh\nsed -i 's#name: editable#name: renamed#' \"$1\"\n");
        rename.toFile().setExecutable(true);
        fails(3, user().env("EDITOR", rename.toString()).cli("ctl", "edit", "role/editable", "--data-dir", dataDir()));
        assertTrue(ok(admin("ctl", "get", "role/editable")).out().contains("path: /svc/b"));
        fails(2, user().env("EDITOR", "false").cli("ctl", "edit", "role/editable", "--data-dir", dataDir()));
        fails(8, admin("ctl", "edit", "role/none"));
    }

    @Test
    void loggedInUsersEditResourcesOnlyWithAnEditorRole() throws Exception {
        role("role-editor", "  allow:\n    rules:\n      - resources: [role]\n        verbs: [list, read, create]\n");
        userWithPassword("grace", "correct horse battery", "role-editor");
        login("grace", "correct horse battery");
        Path yaml = file("remote.yaml", "kind: role\nversion: v6\nmetadata: {name: remote}\nspec: {}\n");
        ok(user().cli("ctl", "create", "-f", yaml.toString()));
        ok(user().cli("ctl", "get", "roles", "remote"));
        assertTrue(fails(7, user().cli("ctl", "rm", "role/remote")).err()
                .contains("user:grace may not delete role"));
        fails(7, user().cli("ctl", "get", "users"));
        fails(7, user().cli("ctl", "audit"));
        ok(user().cli("ctl", "status"));
        JsonNode audit = JSON.readTree(ok(admin("ctl", "audit", "--json", "--since", "1h")).out());
        boolean denied = false;
        for (JsonNode e : audit) {
            denied |= e.get("type").asText().equals("access.denied") && e.get("caller").asText().equals("user:grace")
                    && e.get("verb").asText().equals("delete");
        }
        assertTrue(denied, audit.toString());
    }

    @Test
    void caRotationExportsCurrentAndNext() throws Exception {
        String before = ok(admin("ctl", "auth", "export", "--type", "tls-spiffe")).out();
        Run.Result init = ok(admin("ctl", "auth", "rotate", "--type", "spiffe", "--phase", "init"));
        try {
            assertTrue(init.out().startsWith("SPIFFE CA rotation phase: init\nCA pin:      sha256:"), init.out());
            assertTrue(init.out().contains("Next CA pin: sha256:"), init.out());
            String during = ok(admin("ctl", "auth", "export", "--type", "tls-spiffe")).out();
            assertEquals(2, during.split("-----BEGIN CERTIFICATE-----").length - 1);
            assertTrue(during.startsWith(before), "the current CA comes first");
            assertTrue(ok(admin("ctl", "status")).out().contains("CA rotation: init (next CA pin sha256:"));
            fails(9, admin("ctl", "auth", "rotate", "--type", "spiffe", "--phase", "standby"));
            fails(2, admin("ctl", "auth", "rotate", "--type", "host", "--phase", "init"));
        } finally {
            ok(admin("ctl", "auth", "rotate", "--type", "spiffe", "--phase", "rollback"));
        }
        assertEquals(before, ok(admin("ctl", "auth", "export", "--type", "tls-spiffe")).out());
    }

    @Test
    void malformedRequestBodiesAreInvalidInput() throws Exception {
        var client = Credentials.admin(new DataDir(Path.of(dataDir())), null).client(new SecureRandom());
        LanyardException e = assertThrows(LanyardException.class,
                () -> client.post("/v1/svid", Map.of("spiffe_path", 5, "dns_sans", "x"), Map.class));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.getMessage().startsWith("malformed request body"), e.getMessage());
        assertEquals(Failure.INVALID_INPUT, assertThrows(LanyardException.class,
                () -> client.post("/v1/resources", List.of(1, 2), Map.class)).failure());
        assertEquals(Failure.NOT_FOUND, assertThrows(LanyardException.class,
                () -> client.get("/v1/nothing-here", Map.class)).failure());
    }

    @Test
    void realSubprocessRuns() throws Exception {
        Map<String, String> env = Map.of("HOME", home().toString());
        Run.Result status = Subprocess.run(env, "ctl", "status", "--format", "json", "--data-dir", dataDir());
        assertEquals(0, status.code(), status.toString());
        assertEquals("example.test", JSON.readTree(status.out()).get("cluster").asText());

        Run.Result bad = Subprocess.run(env, "ctl", "get", "roles", "--data-dir",
                tmp.resolve("not-a-data-dir").toString());
        assertEquals(4, bad.code(), bad.toString());
        assertTrue(bad.err().startsWith("error: ") && bad.err().lines().count() == 1, bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());

        assertEquals(2, Subprocess.run(env, "svid", "issue", "--bogus").code());
        userWithPassword("ivan", "correct horse battery", ensureRole("ivan-role"));
        Map<String, String> withPassword = Map.of("HOME", home().toString(), "LANYARD_PASSWORD",
                "correct horse battery");
        assertEquals(0, Subprocess.run(withPassword, "login", "--proxy", proxy(), "--user", "ivan").code());
        Path out = tmp.resolve("sub-svid");
        Run.Result svid = Subprocess.run(env, "svid", "issue", "--output", out.toString(), "/ivan/app");
        assertEquals(0, svid.code(), svid.toString());
        SvidChecks.validateFiles(out, "example.test", "spiffe://example.test/ivan/app");
    }

    private String ensureRole(String name) throws Exception {
        role(name, "  allow:\n    spiffe:\n      - path: /ivan/*\n");
        return name;
    }
}
