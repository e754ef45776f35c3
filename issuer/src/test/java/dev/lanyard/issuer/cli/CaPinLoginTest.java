package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.issuer.support.Run;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code lanyard login --ca-pin}: the SPIFFE CA pin that {@code ctl status} prints first (proven by the
 * issuer's signature), the host CA pin, a wrong pin, and both pins during a CA rotation.
 */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class CaPinLoginTest extends CliTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode status() throws IOException {
        return JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out());
    }

    private Run.Result pinLogin(String user, String pin) throws IOException {
        return user().cli("login", "--proxy", proxy(), "--user", user, "--ca-pin", pin, "--password-file",
                tmp.resolve(user + ".pw").toString());
    }

    private void freshUser(String name) throws IOException {
        role("pin-test", "  allow:\n    spiffe:\n      - path: /svc/pin-test\n");
        userWithPassword(name, "a good long password", "pin-test");
    }

    @Test
    void eitherPinLogsIn() throws Exception {
        freshUser("pin-alice");
        JsonNode s = status();
        Run.Result spiffe = ok(pinLogin("pin-alice", s.get("ca_pin").asText()));
        assertEquals("", spiffe.err(), "no trust-on-first-use warning with a pin");
        assertEquals(Files.readString(java.nio.file.Path.of(dataDir(), "ca/host-ca.pem")),
                Files.readString(home().resolve(".lanyard/host-ca.pem")), "the pinned issuer's host CA is stored");
        ok(user().cli("ctl", "status"));
        Files.delete(home().resolve(".lanyard/host-ca.pem"));
        ok(pinLogin("pin-alice", s.get("host_ca_pin").asText()));
    }

    @Test
    void aWrongPinIsOneLineWithTheUntrustedExitCodeAndNothingIsStored() throws Exception {
        freshUser("pin-bob");
        String wrong = "sha256:" + "ab".repeat(32);
        Run.Result r = fails(6, pinLogin("pin-bob", wrong));
        assertTrue(r.err().startsWith("error: CA pin mismatch: the issuer at " + proxy() + " has SPIFFE CA pin "
                + status().get("ca_pin").asText()), r.err());
        assertTrue(r.err().contains("not " + wrong + "; use the CA pin that lanyard ctl status prints on the issuer "
                + "host"), r.err());
        assertFalse(Files.exists(home().resolve(".lanyard/profile.json")));
        Run.Result malformed = fails(2, pinLogin("pin-bob", "sha256:1234"));
        assertTrue(malformed.err().contains("--ca-pin: a CA pin is sha256: and 64 hex digits"), malformed.err());
    }

    @Test
    void duringACaRotationThePinOfEitherSpiffeCaWorks() throws Exception {
        freshUser("pin-carol");
        String current = status().get("ca_pin").asText();
        ok(admin("ctl", "auth", "rotate", "--type", "spiffe", "--phase", "init"));
        try {
            String next = status().get("next_ca_pin").asText();
            assertTrue(next.matches("sha256:[0-9a-f]{64}") && !next.equals(current), next);
            ok(pinLogin("pin-carol", next));
            Files.delete(home().resolve(".lanyard/host-ca.pem"));
            ok(pinLogin("pin-carol", current));
        } finally {
            ok(admin("ctl", "auth", "rotate", "--type", "spiffe", "--phase", "rollback"));
        }
    }
}
