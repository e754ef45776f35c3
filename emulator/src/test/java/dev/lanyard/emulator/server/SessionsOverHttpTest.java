package dev.lanyard.emulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.emulator.testing.AwsCli;
import dev.lanyard.emulator.testing.RawHttp;
import dev.lanyard.emulator.testing.TempDataDir;
import dev.lanyard.emulator.testing.TestEmulator;
import dev.lanyard.emulator.testing.TestSigner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CreateSession over HTTP with the recorded requests, the credentials it issues used by the AWS CLI, and malformed input. */
@QuarkusTest
@WithTestResource(TempDataDir.class)
class SessionsOverHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    EmulatorContext ctx;

    @TempDir
    Path scratch;

    RawHttp.Response replay(Path caseDir) throws Exception {
        JsonNode r = JSON.readTree(caseDir.resolve("request.json").toFile());
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        r.get("headers").forEach(h -> headers.add(Map.entry(h.get(0).asText(), h.get(1).asText())));
        return RawHttp.send(base.getPort(), r.get("method").asText(), r.get("path").asText(), headers,
                r.get("body").asText().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ec-p256-basic", "rsa-2048-basic", "ec-p256-intermediate-sessionname", "rsa-2048-duration-900"})
    void recordedRequestsGetCredentials(String name) throws Exception {
        RawHttp.Response res = replay(TestEmulator.VECTORS.resolve(name));
        assertEquals(201, res.status(), res.body());
        JsonNode body = JSON.readTree(res.body());
        JsonNode set = body.get("credentialSet").get(0);
        assertTrue(set.at("/credentials/accessKeyId").asText().startsWith("ASIA"));
        assertTrue(set.at("/credentials/expiration").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals("arn:aws:iam::123456789012:role/example-service", set.get("roleArn").asText());
        assertTrue(set.at("/assumedRoleUser/arn").asText().startsWith("arn:aws:sts::123456789012:assumed-role/example-service/"));
        assertTrue(body.get("subjectArn").asText().startsWith("arn:aws:rolesanywhere:us-east-1:123456789012:subject/"));
    }

    @ParameterizedTest(name = "negative/{0}")
    @ValueSource(strings = {"body-changed", "x-amz-date-changed", "algorithm-rsa-to-ecdsa", "algorithm-ecdsa-to-rsa",
        "credential-serial-changed", "untrusted-ca", "leaf-keyusage-no-digitalsignature", "chain-header-removed"})
    void recordedNegativesAreRefusedWithAnExplanation(String name) throws Exception {
        RawHttp.Response res = replay(TestEmulator.VECTORS.resolve("negative").resolve(name));
        assertEquals(403, res.status(), res.body());
        assertTrue(res.head().contains("X-Amzn-ErrorType: AccessDeniedException"), res.head());
        JsonNode body = JSON.readTree(res.body());
        String explanation = body.get("lanyardExplanation").asText();
        assertFalse(explanation.isEmpty());
        assertTrue(body.get("message").asText().endsWith(" — " + explanation), body.toString());
        assertTrue(body.get("message").asText().startsWith("Invalid signature")
                || body.get("message").asText().startsWith("Untrusted Signing Certificate"), body.toString());
    }

    @Test
    void issuedCredentialsWorkWithTheAwsCli() throws Exception {
        RawHttp.Response res = replay(TestEmulator.VECTORS.resolve("ec-p256-intermediate-sessionname"));
        JsonNode c = JSON.readTree(res.body()).at("/credentialSet/0/credentials");
        Path creds = scratch.resolve("session-credentials");
        Files.writeString(creds, "[default]\naws_access_key_id = " + c.get("accessKeyId").asText() + "\naws_secret_access_key = "
                + c.get("secretAccessKey").asText() + "\naws_session_token = " + c.get("sessionToken").asText() + "\n");
        AwsCli aws = new AwsCli(base.toString().replaceAll("/$", ""), creds, scratch);
        AwsCli.Result id = aws.run("sts", "get-caller-identity");
        assertEquals(0, id.exit(), id.err());
        assertEquals("arn:aws:sts::123456789012:assumed-role/example-service/example-service-session",
                JSON.readTree(id.out()).get("Arn").asText());
        AwsCli.Result admin = aws.run("rolesanywhere", "list-trust-anchors");
        assertTrue(admin.err().contains("AccessDeniedException"), admin.err());
        Files.writeString(creds, Files.readString(creds).replace(c.get("secretAccessKey").asText(), "tampered"));
        AwsCli.Result bad = aws.run("sts", "get-caller-identity");
        assertTrue(bad.err().contains("SignatureDoesNotMatch"), bad.err());
        String audit = Files.readString(ctx.dataDir.resolve("audit.log"));
        assertTrue(audit.lines().allMatch(l -> l.startsWith("{\"time\":\"")), audit);
        assertTrue(audit.contains("\"subject\":\"CN=example-service-ec-p256-intermediate,O=Lanyard Test\""), audit);
    }

    private RawHttp.Response post(String path, List<Map.Entry<String, String>> headers, String body) {
        RawHttp.Response r = RawHttp.send(base.getPort(), "POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
        assertFalse(r.body().contains("at dev.") || r.body().contains("at io.") || r.body().contains("Exception:"), r.body());
        return r;
    }

    /** A request that passes every check before the X-Amz-X509 header is decoded. */
    private List<Map.Entry<String, String>> signedShape(String x509) {
        return List.of(Map.entry("Content-Type", "application/json"), Map.entry("X-Amz-Date", "20261125T030536Z"),
                Map.entry("X-Amz-X509", x509), Map.entry("Authorization", "AWS4-X509-ECDSA-SHA256 Credential=1/20261125/us-east-1/"
                        + "rolesanywhere/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-x509, Signature=00"));
    }

    @Test
    void malformedInputGetsA4xxWithAClearMessage() {
        String path = "/sessions?" + TestSigner.QUERY;
        assertTrue(post(path, List.of(), "{\"durationSeconds\":").body().contains("is not valid JSON"));
        assertTrue(post(path, List.of(), "[1,2]").body().contains("must be a JSON object"));
        assertTrue(post(path, List.of(), "{\"durationSeconds\":\"long\"}").body().contains("must be an integer"));
        assertTrue(post(path, signedShape("!!!not base64!!!"), "{}").body().contains("X-Amz-X509 is not base64"));
        String notACert = Base64.getEncoder().encodeToString("hello, I am not a certificate".getBytes(StandardCharsets.UTF_8));
        assertTrue(post(path, signedShape(notACert), "{}").body().contains("X-Amz-X509 is not a DER X.509 certificate"));
        assertTrue(post("/sessions", List.of(), "{}").body().contains("trustAnchorArn is required"));
        assertTrue(post("/sessions?trustAnchorArn=arn:aws:nope&profileArn=x&roleArn=y", List.of(), "{}").body().contains("malformed ARN"));
        RawHttp.Response huge = post(path, List.of(Map.entry("X-Amz-X509-Chain", "A".repeat(100_000))), "{}");
        assertEquals(431, huge.status());
        assertTrue(post("/trustanchors", List.of(), "{").head().contains("MissingAuthenticationTokenException"));
        assertTrue(post("/", List.of(), "Action=ListRoles&Version=2010-05-08").body().contains("<Code>MissingAuthenticationToken</Code>"));
        assertTrue(post("/no/such/route", List.of(), "").body().contains("Unknown operation"));
    }
}
