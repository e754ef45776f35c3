package dev.lanyard.emulator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Protocol;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.server.EmulatorContext;
import dev.lanyard.emulator.testing.TestEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SigV4-HMAC verification of control-plane requests against the admin credentials, on a fixed clock. */
class HmacAuthenticatorTest {
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final byte[] BODY = "Action=ListRoles&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    EmulatorContext emu;

    @BeforeEach
    void setUp() {
        emu = TestEmulator.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), null, "5m", false);
    }

    /** An IAM ListRoles request signed with {@code secret}, dated {@code date}, with the given credential scope date. */
    private RawRequest signed(String secret, Instant date, String scopeDate) {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(date);
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Content-Type",
                "application/x-www-form-urlencoded"), Map.entry("Host", "127.0.0.1:7080"), Map.entry("X-Amz-Date", amzDate)));
        List<String> signedHeaders = List.of("content-type", "host", "x-amz-date");
        CredentialScope scope = new CredentialScope(scopeDate, "us-east-1", "iam", "aws4_request");
        StringToSign sts = StringToSign.of(HmacAuthenticator.ALGORITHM, amzDate, scope,
                CanonicalRequest.build(RawRequest.of("POST", "/", headers, BODY), signedHeaders, true));
        headers.add(Map.entry("Authorization", HmacAuthenticator.ALGORITHM + " Credential=" + emu.admin.accessKeyId() + "/"
                + scope + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature="
                + HexFormat.of().formatHex(HmacAuthenticator.sign(secret, scope, sts.text()))));
        return RawRequest.of("POST", "/", headers, BODY);
    }

    private RawRequest signed(String secret, Instant date) {
        return signed(secret, date, "20261125");
    }

    private AwsError refused(RawRequest req, String code, String explanation) {
        AwsError e = assertThrows(AwsError.class, () -> emu.authenticator.authenticate(req, "iam", Protocol.QUERY));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.explanation().contains(explanation), e.explanation());
        return e;
    }

    @Test
    void theAdminCredentialsAreAccepted() {
        Caller caller = emu.authenticator.authenticate(signed(emu.admin.secretAccessKey(), NOW), "iam", Protocol.QUERY);
        assertTrue(caller.admin());
        assertEquals("arn:aws:iam::123456789012:root", caller.arn());
    }

    @Test
    void aWrongSecretDoesNotMatch() {
        refused(signed("not-the-secret", NOW), "SignatureDoesNotMatch", "check the secret key");
    }

    @Test
    void theScopeDateMustBeTheDateOfXAmzDate() {
        refused(signed(emu.admin.secretAccessKey(), NOW, "20261124"), "SignatureDoesNotMatch",
                "credential scope date 20261124 is not the date of X-Amz-Date 20261125T030000Z");
        refused(signed(emu.admin.secretAccessKey(), NOW, ""), "SignatureDoesNotMatch",
                "credential scope date  is not the date of X-Amz-Date 20261125T030000Z");
    }

    @Test
    void aRequestOutsideTheClockSkewHasExpired() {
        AwsError e = refused(signed(emu.admin.secretAccessKey(), NOW.minus(Duration.ofMinutes(6))), "SignatureDoesNotMatch",
                "clock skew: X-Amz-Date");
        assertTrue(e.awsMessage().startsWith("Signature expired: 20261125T025400Z"), e.awsMessage());
    }
}
