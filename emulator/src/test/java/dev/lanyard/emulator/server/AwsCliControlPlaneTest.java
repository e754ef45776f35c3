package dev.lanyard.emulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.emulator.testing.AwsCli;
import dev.lanyard.emulator.testing.TempDataDir;
import dev.lanyard.emulator.testing.TestPki;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every control-plane command of issue 3, driven by the real AWS CLI v2 signed with the admin credentials. */
@QuarkusTest
@WithTestResource(TempDataDir.class)
class AwsCliControlPlaneTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    EmulatorContext ctx;

    @TempDir
    Path scratch;

    AwsCli aws;

    @BeforeEach
    void setUp() {
        aws = new AwsCli(base.toString().replaceAll("/$", ""), ctx.dataDir.resolve("admin-credentials"), scratch);
    }

    JsonNode ok(String... args) throws Exception {
        AwsCli.Result r = aws.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + " -> " + r.err());
        return r.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.out());
    }

    String fails(String... args) {
        AwsCli.Result r = aws.run(args);
        assertNotEquals(0, r.exit(), String.join(" ", args) + " should fail: " + r.out());
        assertFalse(r.err().contains("Traceback") || r.err().contains("at dev.lanyard"), r.err());
        return r.err();
    }

    static String source(String pem) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().put("sourceType", "CERTIFICATE_BUNDLE")
                .set("sourceData", JSON.createObjectNode().put("x509CertificateData", pem)));
    }

    @Test
    void adminCredentialsFile() throws Exception {
        Path file = ctx.dataDir.resolve("admin-credentials");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        assertTrue(text.startsWith("[default]\naws_access_key_id = AKIA"), text);
        JsonNode id = ok("sts", "get-caller-identity");
        assertEquals("arn:aws:iam::123456789012:root", id.get("Arn").asText());
        assertEquals("123456789012", id.get("Account").asText());
    }

    @Test
    void trustAnchorsAndCrls() throws Exception {
        TestPki.Issued root = TestPki.root("CLI Root");
        String pem = Certificates.toPem(root.cert());
        JsonNode ta = ok("rolesanywhere", "create-trust-anchor", "--name", "cli-anchor", "--source", source(pem)).get("trustAnchor");
        String id = ta.get("trustAnchorId").asText();
        assertFalse(ta.get("enabled").asBoolean(), "enabled defaults to false as in AWS");
        assertEquals("arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/" + id, ta.get("trustAnchorArn").asText());
        assertEquals(pem, ok("rolesanywhere", "get-trust-anchor", "--trust-anchor-id", id).at("/trustAnchor/source/sourceData/x509CertificateData").asText());
        assertTrue(ok("rolesanywhere", "enable-trust-anchor", "--trust-anchor-id", id).at("/trustAnchor/enabled").asBoolean());
        assertFalse(ok("rolesanywhere", "disable-trust-anchor", "--trust-anchor-id", id).at("/trustAnchor/enabled").asBoolean());
        assertEquals("renamed", ok("rolesanywhere", "update-trust-anchor", "--trust-anchor-id", id, "--name", "renamed")
                .at("/trustAnchor/name").asText());
        assertTrue(ok("rolesanywhere", "list-trust-anchors").get("trustAnchors").toString().contains(id));

        String three = pem + Certificates.toPem(TestPki.root("B").cert()) + Certificates.toPem(TestPki.root("C").cert());
        assertTrue(fails("rolesanywhere", "create-trust-anchor", "--name", "x", "--source", source(three))
                .contains("ValidationException"));
        assertTrue(fails("rolesanywhere", "create-trust-anchor", "--name", "x", "--source", source(pem.repeat(20)))
                .contains("at most 8000"));

        Path crlFile = scratch.resolve("crl.pem");
        Files.writeString(crlFile, Pem.encode("X509 CRL", TestPki.crl(root, java.math.BigInteger.TEN).getEncoded()));
        String taArn = ta.get("trustAnchorArn").asText();
        JsonNode crl = ok("rolesanywhere", "import-crl", "--name", "first", "--trust-anchor-arn", taArn,
                "--crl-data", "fileb://" + crlFile, "--enabled").get("crl");
        String crlId = crl.get("crlId").asText();
        assertTrue(crl.get("enabled").asBoolean());
        assertEquals(crlId, ok("rolesanywhere", "get-crl", "--crl-id", crlId).at("/crl/crlId").asText());
        assertTrue(ok("rolesanywhere", "list-crls").get("crls").toString().contains(crlId));
        assertFalse(ok("rolesanywhere", "disable-crl", "--crl-id", crlId).at("/crl/enabled").asBoolean());
        assertTrue(ok("rolesanywhere", "enable-crl", "--crl-id", crlId).at("/crl/enabled").asBoolean());
        ok("rolesanywhere", "import-crl", "--name", "second", "--trust-anchor-arn", taArn, "--crl-data", "fileb://" + crlFile);
        assertTrue(fails("rolesanywhere", "import-crl", "--name", "third", "--trust-anchor-arn", taArn, "--crl-data", "fileb://" + crlFile)
                .contains("at most 2 are allowed per trust anchor"));
        ok("rolesanywhere", "delete-crl", "--crl-id", crlId);
        assertTrue(fails("rolesanywhere", "get-crl", "--crl-id", crlId).contains("ResourceNotFoundException"));
        ok("rolesanywhere", "delete-trust-anchor", "--trust-anchor-id", id);
        assertTrue(fails("rolesanywhere", "get-trust-anchor", "--trust-anchor-id", id).contains("ResourceNotFoundException"));
    }

    @Test
    void profiles() throws Exception {
        String role = "arn:aws:iam::123456789012:role/example-service";
        JsonNode p = ok("rolesanywhere", "create-profile", "--name", "cli-profile", "--role-arns", role, "--duration-seconds", "1800",
                "--enabled").get("profile");
        String id = p.get("profileId").asText();
        assertEquals(1800, p.get("durationSeconds").asInt());
        assertTrue(p.get("enabled").asBoolean());
        assertEquals(role, ok("rolesanywhere", "get-profile", "--profile-id", id).at("/profile/roleArns/0").asText());
        assertTrue(ok("rolesanywhere", "list-profiles").get("profiles").toString().contains(id));
        assertEquals(900, ok("rolesanywhere", "update-profile", "--profile-id", id, "--duration-seconds", "900")
                .at("/profile/durationSeconds").asInt());
        assertFalse(ok("rolesanywhere", "disable-profile", "--profile-id", id).at("/profile/enabled").asBoolean());
        assertTrue(ok("rolesanywhere", "enable-profile", "--profile-id", id).at("/profile/enabled").asBoolean());
        assertTrue(fails("rolesanywhere", "update-profile", "--profile-id", id, "--duration-seconds", "50000")
                .contains("must be between 900 and 43200"));
        assertTrue(fails("rolesanywhere", "create-profile", "--name", "bad", "--role-arns", "not-an-arn").contains("ValidationException"));
        ok("rolesanywhere", "delete-profile", "--profile-id", id);
        assertTrue(fails("rolesanywhere", "get-profile", "--profile-id", id).contains("ResourceNotFoundException"));
    }

    @Test
    void iamRoles() throws Exception {
        String policy = Files.readString(Path.of("src/test/resources/roles-anywhere/trust-policy.json"));
        JsonNode role = ok("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document", policy).get("Role");
        assertEquals("arn:aws:iam::123456789012:role/cli-role", role.get("Arn").asText());
        assertTrue(role.get("RoleId").asText().startsWith("AROA"));
        assertEquals("rolesanywhere.amazonaws.com", role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText());
        assertTrue(fails("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document", policy).contains("EntityAlreadyExists"));
        assertTrue(fails("iam", "create-role", "--role-name", "bad-policy", "--assume-role-policy-document", "{nope")
                .contains("MalformedPolicyDocument"));
        assertEquals("cli-role", ok("iam", "get-role", "--role-name", "cli-role").at("/Role/RoleName").asText());
        assertTrue(ok("iam", "list-roles").get("Roles").toString().contains("cli-role"));
        String updated = policy.replace("svc/example-service", "svc/other");
        ok("iam", "update-assume-role-policy", "--role-name", "cli-role", "--policy-document", updated);
        assertTrue(ok("iam", "get-role", "--role-name", "cli-role").at("/Role/AssumeRolePolicyDocument").toString().contains("svc/other"));
        ok("iam", "delete-role", "--role-name", "cli-role");
        assertTrue(fails("iam", "get-role", "--role-name", "cli-role").contains("NoSuchEntity"));
    }

    @Test
    void unsignedAndBadlySignedCallsAreRefused() throws Exception {
        assertTrue(fails("rolesanywhere", "list-trust-anchors", "--no-sign-request").contains("MissingAuthenticationTokenException"));
        assertTrue(fails("iam", "list-roles", "--no-sign-request").contains("MissingAuthenticationToken"));
        Path wrong = scratch.resolve("wrong");
        String admin = Files.readString(ctx.dataDir.resolve("admin-credentials"));
        Files.writeString(wrong, admin.replaceAll("aws_secret_access_key = .*", "aws_secret_access_key = wrongwrongwrong"));
        AwsCli bad = aws.withCredentials(wrong);
        AwsCli.Result r1 = bad.run("rolesanywhere", "list-profiles");
        assertTrue(r1.err().contains("InvalidSignatureException") && r1.err().contains("does not match"), r1.err());
        AwsCli.Result r2 = bad.run("iam", "list-roles");
        assertTrue(r2.err().contains("SignatureDoesNotMatch"), r2.err());
        Files.writeString(wrong, "[default]\naws_access_key_id = AKIAUNKNOWN0000000000\naws_secret_access_key = x\n");
        AwsCli.Result r3 = bad.run("sts", "get-caller-identity");
        assertTrue(r3.err().contains("InvalidClientTokenId"), r3.err());
    }
}
