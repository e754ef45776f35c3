package dev.lanyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    private static void assertSvidFiles(Path dir) throws IOException {
        for (String f : new String[] {"svid.pem", "svid_key.pem", "svid_bundle.pem"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), dir.resolve(f) + " missing");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("svid_key.pem"))));
        String cert = Files.readString(dir.resolve("svid.pem"));
        assertTrue(cert.contains("BEGIN CERTIFICATE"), cert);
    }
}
