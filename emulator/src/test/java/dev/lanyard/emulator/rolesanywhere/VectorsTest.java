package dev.lanyard.emulator.rolesanywhere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.auth.AmzDate;
import dev.lanyard.emulator.server.EmulatorContext;
import dev.lanyard.emulator.testing.TestEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The recorded aws_signing_helper requests: every positive case accepted, every negative one refused for its real cause. */
class VectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    static RawRequest load(Path dir) throws IOException {
        JsonNode r = JSON.readTree(dir.resolve("request.json").toFile());
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        r.get("headers").forEach(h -> headers.add(Map.entry(h.get(0).asText(), h.get(1).asText())));
        return RawRequest.of(r.get("method").asText(), r.get("path").asText(), headers,
                r.get("body").asText().getBytes(StandardCharsets.UTF_8));
    }

    /** "Now" is the request's own X-Amz-Date, so the default 5-minute skew applies. */
    private EmulatorContext emulatorAt(RawRequest req) {
        Instant at = AmzDate.parse(req.header("x-amz-date").orElseThrow()).orElseThrow();
        return TestEmulator.start(dataDir, Clock.fixed(at, ZoneOffset.UTC));
    }

    static Stream<Arguments> positive() {
        return Stream.of(
                Arguments.of("ec-p256-basic", 3600, "5e33db0d7d5a39d9592bf787f1c7e76c6e49e455"),
                Arguments.of("rsa-2048-basic", 3600, null),
                Arguments.of("ec-p256-intermediate-sessionname", 3600, "example-service-session"),
                Arguments.of("rsa-2048-duration-900", 900, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void accepted(String name, int duration, String sessionName) throws IOException {
        RawRequest req = load(TestEmulator.VECTORS.resolve(name));
        EmulatorContext emu = emulatorAt(req);
        CreateSession.Outcome o = emu.createSession.create(req);
        Instant at = AmzDate.parse(req.header("x-amz-date").orElseThrow()).orElseThrow();
        assertEquals(at.plusSeconds(duration), o.session().expiration());
        assertTrue(o.session().accessKeyId().startsWith("ASIA"));
        assertEquals("arn:aws:iam::123456789012:role/example-service", o.session().roleArn());
        assertTrue(o.sourceIdentity().startsWith("CN=example-service-"), o.sourceIdentity());
        if (sessionName != null) {
            assertTrue(o.session().assumedRoleArn().endsWith("/" + sessionName), o.session().assumedRoleArn());
        }
        String audit = Files.readString(dataDir.resolve("audit.log"));
        assertTrue(audit.contains("\"decision\":\"allow\""), audit);
    }

    static Stream<Arguments> negative() {
        return Stream.of(
                Arguments.of("body-changed", "Invalid signature", "signature does not verify"),
                Arguments.of("x-amz-date-changed", "Invalid signature", "signature does not verify"),
                Arguments.of("algorithm-rsa-to-ecdsa", "Invalid signature", "needs an EC key but the X-Amz-X509 certificate has an RSA key"),
                Arguments.of("algorithm-ecdsa-to-rsa", "Invalid signature", "needs an RSA key but the X-Amz-X509 certificate has an EC key"),
                Arguments.of("credential-serial-changed", "Invalid signature", "is not the serial of the X-Amz-X509 certificate"),
                Arguments.of("untrusted-ca", "Untrusted Signing Certificate", "issued \"CN=Lanyard Rogue Root,O=Lanyard Rogue\""),
                Arguments.of("leaf-keyusage-no-digitalsignature", "Untrusted Signing Certificate",
                        "has keyUsage keyEncipherment; digitalSignature is required"),
                Arguments.of("chain-header-removed", "Invalid signature",
                        "SignedHeaders lists x-amz-x509-chain but the request has no x-amz-x509-chain header"));
    }

    @ParameterizedTest(name = "negative/{0}")
    @MethodSource("negative")
    void refused(String name, String awsMessage, String cause) throws IOException {
        RawRequest req = load(TestEmulator.VECTORS.resolve("negative").resolve(name));
        EmulatorContext emu = emulatorAt(req);
        AwsError e = assertThrows(AwsError.class, () -> emu.createSession.create(req));
        assertEquals("AccessDeniedException", e.code());
        assertEquals(403, e.status());
        assertEquals(awsMessage, e.awsMessage());
        assertTrue(e.explanation().contains(cause), e.explanation());
        assertEquals(awsMessage + " — " + e.explanation(), e.messageFor(false));
        assertEquals(awsMessage, e.messageFor(true));
        String audit = Files.readString(dataDir.resolve("audit.log"));
        assertTrue(audit.contains("\"decision\":\"deny\"") && audit.contains("\"serial\":\""), audit);
    }
}
