package dev.lanyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The journey of MISSION.md end to end, through bin/ and the real clients (/usr/bin/aws, the AWS SDK
 * for Java v2), asserting every step. The transcript goes to target/journey-transcript.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyTest {
    private Journey journey;
    private PrintStream transcript;
    private Path humanDir;
    private Path botDir;
    private Renewal renewal;
    private BigInteger firstSerial;
    private BigInteger renewedSerial;

    @BeforeAll
    void start() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(Path.of("target"), "journey-").toAbsolutePath();
        transcript = new PrintStream(Files.newOutputStream(Path.of("target/journey-transcript.txt")), true,
                StandardCharsets.UTF_8);
        assertTrue(Files.isExecutable(Path.of(Tools.AWS)), "the AWS CLI v2 (/usr/bin/aws, Debian awscli) is required");
        journey = new Journey(repo, work, transcript);
        journey.startServices();
    }

    @AfterAll
    void stop() {
        if (renewal != null) {
            renewal.close();
        }
        if (journey != null) {
            journey.close();
        }
        if (transcript != null) {
            transcript.close();
        }
    }

    @Test
    @Order(1)
    void statusShowsClusterVersionAndCaPin() {
        JsonNode status = journey.status();
        assertEquals(Journey.CLUSTER, status.path("cluster").asText());
        assertTrue(status.path("version").asText().length() > 0, status.toString());
        assertTrue(status.path("ca_pin").asText().matches("sha256:[0-9a-f]{64}"), status.toString());
    }

    @Test
    @Order(2)
    void exportedBundleBecomesTrustAnchor() {
        String pem = journey.trustAnchor();
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----"), pem);
        assertTrue(journey.trustAnchorArn().matches(
                "arn:aws:rolesanywhere:us-east-1:\\d{12}:trust-anchor/[0-9a-f-]{36}"), journey.trustAnchorArn());
    }

    @Test
    @Order(3)
    void roleAndProfileAreCreatedWithTheAwsCli() {
        journey.roleAndProfile();
        assertTrue(journey.roleArn().matches("arn:aws:iam::\\d{12}:role/example-service"), journey.roleArn());
        assertTrue(journey.profileArn().matches("arn:aws:rolesanywhere:us-east-1:\\d{12}:profile/[0-9a-f-]{36}"),
                journey.profileArn());
    }

    @Test
    @Order(4)
    void rbacRoleUserAndBot() {
        journey.rbac();
    }

    @Test
    @Order(5)
    void humanIssuesAnSvidAfterLogin() throws IOException {
        humanDir = journey.humanSvid();
        assertSvidFiles(humanDir);
    }

    @Test
    @Order(6)
    void botWritesAnSvidOutput() throws IOException {
        botDir = journey.botSvid();
        assertSvidFiles(botDir);
    }

    @Test
    @Order(7)
    void awsCliGetsAssumedRoleThroughCredentialProcess() {
        journey.awsConfig(humanDir);
        String arn = journey.callerIdentityCli();
        assertTrue(arn.matches("arn:aws:sts::\\d{12}:assumed-role/example-service/.+"), arn);
    }

    @Test
    @Order(8)
    void javaSdkGetsAssumedRoleThroughAwsProfile() {
        String out = journey.callerIdentitySdk();
        assertTrue(out.contains("assumed-role/example-service/"), out);
    }

    @Test
    @Order(9)
    void botSvidWorksToo() {
        journey.awsConfig(botDir);
        String arn = journey.callerIdentityCli();
        assertTrue(arn.contains(":assumed-role/example-service/"), arn);
    }

    @Test
    @Order(10)
    void refusalIsExplained() {
        Command.Result r = journey.refusal();
        assertNotEquals(0, r.exitCode(), "the signer must fail for a SPIFFE ID the trust policy does not allow");
        assertEquals("", r.stdout(), "stdout stays empty on error");
        assertTrue(r.stderr().contains("AccessDenied"), r.stderr());
        assertTrue(r.stderr().contains(Journey.SPIFFE_ID), "the explanation names the expected SPIFFE ID: " + r.stderr());
        assertTrue(r.stderr().contains("spiffe://" + Journey.CLUSTER + Journey.OTHER_PATH),
                "the explanation names the certificate's SPIFFE ID: " + r.stderr());
    }

    @Test
    @Order(11)
    void botKeepsAnSvidFreshInTheBackground() throws IOException {
        renewal = new Renewal(journey);
        firstSerial = renewal.startBot();
        assertSvidFiles(renewal.directory());
        assertEquals(firstSerial, renewal.serialOnDisk(), "the serial the bot logged is the one in svid.pem");
    }

    @Test
    @Order(12)
    void credentialProcessUsesTheBotSvidAndCachesTheCredentials() {
        journey.awsConfig(renewal.directory());
        assertSession(firstSerial, journey.callerIdentityCli());
        assertEquals(1, sessions(firstSerial).size(), "one CreateSession with the bot's SVID");
        assertSession(firstSerial, journey.callerIdentityCli());
        assertEquals(1, sessions(firstSerial).size(), "the second command is served from the credential cache");
    }

    @Test
    @Order(13)
    void serveUsesTheBotSvid() {
        renewal.startServe();
        assertSession(firstSerial, renewal.callerIdentityImds());
        assertEquals(2, sessions(firstSerial).size(), "serve made its own CreateSession: " + renewal.serveLog());
    }

    @Test
    @Order(14)
    void botRenewsOnSigusr1() {
        renewedSerial = renewal.renewNow();
        assertNotEquals(firstSerial, renewedSerial, "a renewal is a new certificate");
        assertEquals(renewedSerial, renewal.serialOnDisk(), "the renewed SVID is in svid.pem");
    }

    /**
     * The credentials obtained with the first SVID are cached and valid for most of an hour, well over
     * the 15 minutes a cache hit needs; the renewed SVID must still be used at once (the cache entry is
     * keyed by the certificate and key bytes), so that what AWS sees always matches the SVID on disk.
     */
    @Test
    @Order(15)
    void credentialProcessUsesTheRenewedSvidAtOnce() {
        assertTrue(sessions(firstSerial).get(0).path("reason").asText().endsWith("for 3600s"),
                "the first credentials were still valid: " + sessions(firstSerial));
        assertSession(renewedSerial, journey.callerIdentityCli());
        assertEquals(1, sessions(renewedSerial).size(), "one CreateSession with the renewed SVID");
        assertSession(renewedSerial, journey.callerIdentityCli());
        assertEquals(1, sessions(renewedSerial).size(), "then the cache again");
    }

    @Test
    @Order(16)
    void serveUsesTheRenewedSvidAtTheNextRequest() {
        assertSession(renewedSerial, renewal.callerIdentityImds());
        assertEquals(2, sessions(renewedSerial).size(), renewal.serveLog());
        assertTrue(renewal.serveLog().contains("changed on disk"), renewal.serveLog());
    }

    /** The role session name Roles Anywhere gives by default is the certificate serial in hex. */
    private static void assertSession(BigInteger serial, String arn) {
        assertTrue(arn.matches("arn:aws:sts::\\d{12}:assumed-role/example-service/" + Renewal.hex(serial)),
                "expected the session of certificate " + Renewal.hex(serial) + ", got " + arn);
    }

    /** The emulator's successful CreateSession calls made with the certificate {@code serial}. */
    private List<JsonNode> sessions(BigInteger serial) {
        return renewal.audit().stream().filter(a -> a.path("decision").asText().equals("allow"))
                .filter(a -> a.path("serial").asText().equals(Renewal.hex(serial))).toList();
    }

    private static void assertSvidFiles(Path dir) throws IOException {
        for (String f : new String[] {"svid.pem", "svid_key.pem", "svid_bundle.pem"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), dir.resolve(f) + " missing");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("svid_key.pem"))));
        String cert = Files.readString(dir.resolve("svid.pem"));
        assertTrue(cert.contains("BEGIN CERTIFICATE"), cert);
    }
}
