package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.support.MutableClock;
import dev.lanyard.issuer.support.Run;
import dev.lanyard.issuer.support.SvidChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** MISSION steps 1, 3, 5 and 7 through the CLI against a running issuer. */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class HumanJourneyTest extends CliTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statusAndBundleExport() throws Exception {
        Run.Result text = ok(admin("ctl", "status"));
        assertTrue(text.out().startsWith("Cluster:     example.test\nVersion:     0.1.0\nCA pin:      sha256:"),
                text.out());
        JsonNode json = JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out());
        assertEquals("example.test", json.get("cluster").asText());
        assertEquals("0.1.0", json.get("version").asText());
        assertTrue(json.get("ca_pin").asText().matches("sha256:[0-9a-f]{64}"));
        assertTrue(json.get("host_ca_pin").asText().matches("sha256:[0-9a-f]{64}"));
        String pem = ok(admin("ctl", "auth", "export", "--type", "tls-spiffe")).out();
        assertEquals(Files.readString(Path.of(dataDir(), "ca/spiffe-ca.pem")), pem);
        fails(2, admin("ctl", "auth", "export", "--type", "tls-host"));
        fails(2, admin("ctl", "status", "--format", "xml"));
    }

    @Test
    void humanLogsInAndIssuesAnSvid() throws Exception {
        role("my-workload-roles-anywhere", "  allow:\n    spiffe:\n      - path: /svc/example-service\n"
                + "        dns_sans: ['*.example.com']\n        ip_sans: [10.0.0.0/8]\n");
        JsonNode added = JSON.readTree(ok(admin("ctl", "users", "add", "alice", "--roles", "my-workload-roles-anywhere",
                "--password-file", file("pw", "correct horse battery\n").toString(), "--format", "json")).out());
        assertEquals("alice", added.get("name").asText());
        assertFalse(added.has("token"));
        String hostPin = JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out()).get("host_ca_pin")
                .asText();

        Run.Result login = ok(user().cli("login", "--proxy", proxy(), "--user", "alice", "--ca-pin", hostPin,
                "--password-file", tmp.resolve("pw").toString()));
        assertTrue(login.out().startsWith("Logged in as alice to cluster example.test at " + proxy()), login.out());
        assertEquals("", login.err());
        Path lanyard = home().resolve(".lanyard");
        assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(lanyard.resolve("identity_key.pem")));
        assertEquals(AtomicFiles.PRIVATE_DIR, Files.getPosixFilePermissions(lanyard));

        Path out = tmp.resolve("svid");
        Run.Result issued = ok(user().cli("svid", "issue", "--output", out.toString(), "--svid-ttl", "8h",
                "--dns-san", "api.example.com", "--ip-san", "10.1.2.3", "/svc/example-service"));
        assertTrue(issued.out().startsWith("SPIFFE ID: spiffe://example.test/svc/example-service\nSerial:    "),
                issued.out());
        assertTrue(issued.out().contains("(TTL 8h)"), issued.out());
        SvidChecks.validateFiles(out, "example.test", "spiffe://example.test/svc/example-service");
        assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(out.resolve("svid_key.pem")));
        assertTrue(Files.readString(out.resolve("svid_key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));

        Run.Result capped = ok(user().cli("svid", "issue", "--output", out.toString(), "--svid-ttl", "30h",
                "--key-type", "rsa", "--format", "json", "/svc/example-service"));
        JsonNode c = JSON.readTree(capped.out());
        assertTrue(c.get("capped").asBoolean());
        assertEquals(86400, c.get("ttl_seconds").asLong());
        assertTrue(capped.err().startsWith("warning: TTL capped: requested TTL 30h exceeds the maximum of 24h"));
        SvidChecks.validateFiles(out, "example.test", "spiffe://example.test/svc/example-service");

        JsonNode audit = JSON.readTree(ok(admin("ctl", "audit", "--json", "--spiffe-id",
                "spiffe://example.test/svc/example-service")).out());
        assertTrue(audit.size() >= 2);
        JsonNode last = audit.get(audit.size() - 1);
        assertEquals("spiffe.svid.issued", last.get("type").asText());
        assertEquals("user:alice", last.get("caller").asText());
        assertEquals(c.get("serial").asText(), last.get("serial_number").asText());
        assertEquals("30h", last.get("ttl_requested").asText());
        assertEquals("24h", last.get("ttl_granted").asText());
        String lines = ok(admin("ctl", "audit", "--since", "1h")).out();
        assertTrue(lines.contains("spiffe.svid.issued  user:alice  spiffe://example.test/svc/example-service"), lines);
    }

    @Test
    void refusedRequestsWriteNothingAndExitWithTheirCode() throws Exception {
        role("only-a", "  allow:\n    spiffe:\n      - path: /svc/a\n");
        userWithPassword("carol", "correct horse battery", "only-a");
        login("carol", "correct horse battery");
        Path out = tmp.resolve("none");
        assertTrue(fails(7, user().cli("svid", "issue", "--output", out.toString(), "/svc/b")).err()
                .startsWith("error: user:carol may not obtain spiffe://example.test/svc/b: no role allows"));
        fails(7, user().cli("svid", "issue", "--output", out.toString(), "--dns-san", "x.example.com", "/svc/a"));
        fails(3, user().cli("svid", "issue", "--output", out.toString(), "/svc/../a"));
        fails(3, user().cli("svid", "issue", "--output", out.toString(), "/svc/*"));
        fails(3, user().cli("svid", "issue", "--output", out.toString(), "spiffe://other.test/svc/a"));
        fails(3, user().cli("svid", "issue", "--output", out.toString(), "--ip-san", "not-an-ip", "/svc/a"));
        fails(3, user().cli("svid", "issue", "--output", out.toString(), "--svid-ttl", "8x", "/svc/a"));
        fails(2, user().cli("svid", "issue", "--output", out.toString()));
        assertFalse(Files.exists(out));
        JsonNode audit = JSON.readTree(ok(admin("ctl", "audit", "--json", "--spiffe-id",
                "spiffe://example.test/svc/b")).out());
        assertEquals("spiffe.svid.denied", audit.get(audit.size() - 1).get("type").asText());

        Run later = user().clock(new MutableClock(Instant.now().plus(Duration.ofHours(13))));
        assertTrue(fails(6, later.cli("svid", "issue", "--output", out.toString(), "/svc/a")).err()
                .contains("your login as carol expired at"));
    }

    @Test
    void loginFailuresAreClear() throws Exception {
        role("only-a", "  allow:\n    spiffe:\n      - path: /svc/a\n");
        userWithPassword("dave", "correct horse battery", "only-a");
        JsonNode status = JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out());
        String caPin = status.get("ca_pin").asText();
        assertEquals("error: login failed: wrong user name or password\n", fails(7, user()
                .env("LANYARD_PASSWORD", "wrong password").cli("login", "--proxy", proxy(), "--user", "dave",
                        "--ca-pin", status.get("host_ca_pin").asText())).err());
        assertTrue(fails(6, user().env("LANYARD_PASSWORD", "correct horse battery").cli("login", "--proxy", proxy(),
                "--user", "dave", "--ca-pin", "sha256:" + "0".repeat(64))).err().contains("CA pin mismatch"));
        // the SPIFFE CA pin is accepted too (CaPinLoginTest); a truncated one is a usage error
        assertTrue(fails(2, user().env("LANYARD_PASSWORD", "correct horse battery").cli("login", "--proxy", proxy(),
                "--user", "dave", "--ca-pin", caPin.substring(0, 20))).err().contains("64 hex digits"));
        fails(2, user().cli("login", "--proxy", proxy(), "--user", "dave"));
        fails(10, user().env("LANYARD_PASSWORD", "x").cli("login", "--proxy", "127.0.0.1:1", "--user", "dave"));
        assertFalse(Files.exists(home().resolve(".lanyard")));
        Run.Result first = ok(user().env("LANYARD_PASSWORD", "correct horse battery").cli("login", "--proxy", proxy(),
                "--user", "dave"));
        assertTrue(first.err().startsWith("warning: no --ca-pin given; trusting host CA sha256:"), first.err());
        Run.Result second = ok(user().env("LANYARD_PASSWORD", "correct horse battery").cli("login", "--proxy",
                proxy(), "--user", "dave"));
        assertEquals("", second.err());
        fails(2, new Run().env("HOME", tmp.resolve("nobody").toString()).cli("svid", "issue", "/svc/a"));
    }
}
