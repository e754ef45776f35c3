package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.client.Credentials;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.Initializer;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.api.IssuerApplication;
import dev.lanyard.issuer.support.Run;
import dev.lanyard.issuer.support.SvidChecks;
import dev.lanyard.issuer.wire.TlsResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The issuer in FIPS mode, over real HTTPS (surefire execution fips-test, its own JVM): BCFKS key
 * stores, BCJSSE serving TLS, {@code ctl status}, a PBKDF2 password login, an SVID validated by
 * java-spiffe and openssl, and the port picked for {@code --listen 127.0.0.1:0}.
 */
@QuarkusTest
@Tag("fips")
@WithTestResource(FipsIssuerTestResource.class)
class FipsIssuerTest extends CliTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Issuer issuer;

    String readyLine;

    /** What {@code issuer start} does once the server is up: record the bound address, print the ready line. */
    @BeforeEach
    void announce() {
        readyLine = IssuerApplication.announce(issuer, ConfigProvider.getConfig());
    }

    @Test
    void portZeroBindsAFreePortThatTheReadyLineAndTheAddressFileGive() throws Exception {
        Matcher m = Pattern.compile("^lanyard issuer ready: cluster fips\\.test, listening on https://127\\.0\\.0\\.1:"
                + "(\\d+), CA pin sha256:[0-9a-f]{64}, FIPS mode$").matcher(readyLine);
        assertTrue(m.matches(), readyLine);
        assertNotEquals("0", m.group(1));
        assertEquals("127.0.0.1:" + m.group(1), proxy());
        ok(admin("ctl", "status"));
    }

    @Test
    void caKeysAreEncryptedInBcfksKeyStores() throws Exception {
        Path ca = Path.of(dataDir(), "ca");
        char[] pass = Files.readString(Path.of(dataDir(), "passphrase")).strip().toCharArray();
        for (String name : List.of("spiffe-ca", "host-ca")) {
            Path store = ca.resolve(name + ".bcfks");
            assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(store));
            assertFalse(Files.exists(ca.resolve(name + ".p12")));
            KeyStore bcfks = KeyStore.getInstance("BCFKS");
            bcfks.load(new ByteArrayInputStream(Files.readAllBytes(store)), pass);
            assertTrue(bcfks.isKeyEntry("ca"), name);
            assertEquals("BCFIPS", bcfks.getProvider().getName());
            KeyStore p12 = KeyStore.getInstance("PKCS12", "SUN");
            assertThrows(Exception.class, () -> p12.load(new ByteArrayInputStream(Files.readAllBytes(store)), pass),
                    "not a PKCS#12 file");
        }
        DataDir dir = new DataDir(Path.of(dataDir()));
        assertEquals(CryptoMode.FIPS, dir.mode().orElseThrow());
        LanyardException e = assertThrows(LanyardException.class, () -> Initializer.requireMode(dir,
                CryptoMode.DEFAULT));
        assertEquals(Failure.CONFLICT, e.failure());
        assertEquals(dir.root() + " was created in FIPS mode (BCFKS key stores); start it with --fips (or "
                + "LANYARD_FIPS=1, or fips: true in the config)", e.getMessage());
    }

    /** What the issuer's default JCA lookups (its code, Vert.x, H2, Quarkus) resolve to in FIPS mode. */
    @Test
    void defaultLookupsResolveToBcFipsAndBcJsse() throws Exception {
        assertEquals("BCFIPS", java.security.Signature.getInstance("SHA256withECDSA").getProvider().getName());
        assertEquals("BCFIPS", java.security.Signature.getInstance("SHA256withRSA").getProvider().getName());
        assertEquals("BCFIPS", java.security.KeyPairGenerator.getInstance("EC").getProvider().getName());
        assertEquals("BCFIPS", java.security.KeyFactory.getInstance("EC").getProvider().getName());
        assertEquals("BCFIPS", java.security.MessageDigest.getInstance("SHA-256").getProvider().getName());
        assertEquals("BCFIPS", java.security.cert.CertificateFactory.getInstance("X.509").getProvider().getName());
        assertEquals("BCFIPS", javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").getProvider()
                .getName());
        assertEquals("BCFIPS", new SecureRandom().getProvider().getName());
        assertEquals("BCJSSE", javax.net.ssl.SSLContext.getInstance("TLS").getProvider().getName());
        assertEquals("BCJSSE", javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory
                .getDefaultAlgorithm()).getProvider().getName());
        assertEquals("BCJSSE", javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory
                .getDefaultAlgorithm()).getProvider().getName());
        assertTrue(org.bouncycastle.crypto.CryptoServicesRegistrar.isInApprovedOnlyMode());
    }

    @Test
    void ctlStatusReportsFipsMode() throws Exception {
        assertTrue(ok(admin("ctl", "status")).out().contains("\nFIPS mode:   yes\n"));
        JsonNode json = JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out());
        assertTrue(json.get("fips").asBoolean());
        assertEquals(FipsIssuerTestResource.CLUSTER, json.get("cluster").asText());
    }

    @Test
    void httpsIsServedByBouncyCastleJsseWithAnApprovedSuite() {
        TlsResponse tls = Credentials.admin(new DataDir(Path.of(dataDir())), null).client(new SecureRandom())
                .get("/v1/tls", TlsResponse.class);
        assertEquals("BCJSSE", tls.provider());
        assertTrue(tls.fips());
        assertEquals("TLSv1.3", tls.protocol());
        assertTrue(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384").contains(tls.cipherSuite()),
                tls.cipherSuite());
    }

    @Test
    void aUserLogsInWithAPasswordAndIssuesAnSvidThatValidates() throws Exception {
        role("fips-workload", "  allow:\n    spiffe:\n      - path: /svc/fips-service\n");
        userWithPassword("fips-alice", "fourteen+ chars pw", "fips-workload");
        String pin = JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out()).get("ca_pin").asText();
        ok(user().cli("login", "--proxy", proxy(), "--user", "fips-alice", "--ca-pin", pin, "--password-file",
                tmp.resolve("fips-alice.pw").toString()));
        Path out = tmp.resolve("svid");
        Run.Result issued = ok(user().cli("svid", "issue", "--output", out.toString(), "/svc/fips-service"));
        assertTrue(issued.out().contains("spiffe://fips.test/svc/fips-service"), issued.out());
        SvidChecks.validateFiles(out, FipsIssuerTestResource.CLUSTER, "spiffe://fips.test/svc/fips-service");
        Run.Result wrong = fails(7, user().env("LANYARD_PASSWORD", "not the password!").cli("login", "--proxy",
                proxy(), "--user", "fips-alice"));
        assertTrue(wrong.err().startsWith("error: "), wrong.err());
    }

    @Test
    void aPasswordUnderFourteenCharactersIsRefusedWithOneLineNotAServerError() throws Exception {
        role("fips-short", "  allow:\n    spiffe:\n      - path: /svc/short\n");
        Run.Result refused = fails(3, admin("ctl", "users", "add", "fips-short", "--roles", "fips-short",
                "--password-file", file("short.pw", "thirteen-char\n").toString()));
        assertTrue(refused.err().contains("at least 14 characters (FIPS mode)"), refused.err());
        userWithPassword("fips-bob", "a long enough password", "fips-short");
        String pin = JSON.readTree(ok(admin("ctl", "status", "--format", "json")).out()).get("ca_pin").asText();
        Run.Result wrong = fails(7, user().env("LANYARD_PASSWORD", "thirteen-char").cli("login", "--proxy",
                proxy(), "--user", "fips-bob", "--ca-pin", pin));
        assertTrue(wrong.err().startsWith("error: "), wrong.err());
    }
}
