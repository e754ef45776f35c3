package dev.lanyard.emulator.rolesanywhere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.x509.Certificates;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.server.EmulatorContext;
import dev.lanyard.emulator.store.Crl;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.Role;
import dev.lanyard.emulator.store.TrustAnchor;
import dev.lanyard.emulator.testing.TestEmulator;
import dev.lanyard.emulator.testing.TestPki;
import dev.lanyard.emulator.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateSession rules of spec §5.2 with certificates generated at test time, each refusal with its explanation. */
class CreateSessionRulesTest {
    static final String TA_ID = "11111111-2222-3333-4444-555555555555";
    static final String PROFILE_ID = "66666666-7777-8888-9999-000000000000";
    static final TestPki.Issued ROOT = TestPki.root("Rules Root");
    static final TestPki.Issued INTERMEDIATE = TestPki.intermediate(ROOT, "Rules Intermediate");
    static final String POLICY = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"rolesanywhere.amazonaws.com\"},"
            + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"],\"Condition\":{"
            + "\"StringEquals\":{\"aws:PrincipalTag/x509SAN/URI\":\"spiffe://example.teleport.sh/svc/example-service\"},"
            + "\"ArnEquals\":{\"aws:SourceArn\":\"" + TestSigner.TA + "\"}}}]}";

    @TempDir
    Path dir;
    EmulatorContext emu;

    @BeforeEach
    void setUp() {
        emu = TestEmulator.start(dir, Clock.fixed(TestPki.NOW, ZoneOffset.UTC), null, "5m", false);
        emu.trustAnchors.put(new TrustAnchor(TA_ID, "rules", true, "CERTIFICATE_BUNDLE", Certificates.toPem(ROOT.cert()),
                TestPki.NOW, TestPki.NOW));
        emu.roles.put(new Role("example-service", "/", "AROAEXAMPLE0000000001", POLICY, 3600, null, TestPki.NOW));
        profile(3600, false, null, true);
    }

    private void profile(int duration, boolean acceptName, List<Profile.AttributeMapping> mappings, boolean enabled) {
        emu.profiles.put(new Profile(PROFILE_ID, "rules", enabled, List.of(TestSigner.ROLE), duration, acceptName, false, null,
                null, mappings, TestPki.NOW, TestPki.NOW));
    }

    private static TestPki.Issued leaf(java.util.function.Consumer<TestPki.Leaf> change) {
        TestPki.Leaf spec = new TestPki.Leaf();
        change.accept(spec);
        return TestPki.leaf(INTERMEDIATE, spec);
    }

    private static RawRequest sign(TestPki.Issued leaf, String body) {
        return TestSigner.sign(leaf, List.of(INTERMEDIATE.cert()), body, TestPki.NOW);
    }

    private AwsError refuse(RawRequest req, String code, String awsMessage, String explanation) {
        AwsError e = assertThrows(AwsError.class, () -> emu.createSession.create(req));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(awsMessage, e.awsMessage(), e.getMessage());
        assertTrue(e.explanation().contains(explanation), e.explanation());
        return e;
    }

    @Test
    void issuesCredentialsThroughAnIntermediate() throws Exception {
        TestPki.Issued l = leaf(s -> { });
        CreateSession.Outcome o = emu.createSession.create(sign(l, "{\"durationSeconds\":7200}"));
        assertEquals(TestPki.NOW.plusSeconds(3600), o.session().expiration(), "min(profile 3600, request 7200)");
        assertEquals("CN=example-service", o.sourceIdentity());
        assertTrue(o.session().assumedRoleArn().endsWith("/example-service/" + l.cert().getSerialNumber().toString(16)));
        assertTrue(o.subjectArn().startsWith("arn:aws:rolesanywhere:us-east-1:123456789012:subject/"));
        assertTrue(Files.readString(dir.resolve("audit.log")).contains("\"decision\":\"allow\""));
    }

    @Test
    void rsaAndMlDsaLeavesAndArnsInTheBody() {
        TestPki.Issued rsa = leaf(s -> s.keyType = "RSA");
        emu.createSession.create(TestSigner.sign(rsa.cert(), rsa.keys().getPrivate(), List.of(INTERMEDIATE.cert()), "/sessions",
                "{\"trustAnchorArn\":\"" + TestSigner.TA + "\",\"profileArn\":\"" + TestSigner.PROFILE + "\",\"roleArn\":\""
                        + TestSigner.ROLE + "\"}", TestPki.NOW));
        TestPki.Issued mldsa = leaf(s -> s.keyType = "ML-DSA-65");
        CreateSession.Outcome o = emu.createSession.create(sign(mldsa, "{}"));
        assertTrue(o.session().accessKeyId().startsWith("ASIA"));
    }

    @Test
    void resourceAndParameterRules() {
        TestPki.Issued l = leaf(s -> { });
        refuse(TestSigner.sign(l.cert(), l.keys().getPrivate(), List.of(), "/sessions?" + TestSigner.QUERY,
                "{\"roleArn\":\"arn:aws:iam::123456789012:role/other\"}", TestPki.NOW),
                "ValidationException", "Validation failed", "roleArn differs between the query");
        refuse(sign(l, "{\"durationSeconds\":899}"), "ValidationException", "Validation failed", "durationSeconds 899 must be between 900 and 43200");
        refuse(sign(l, "{\"roleSessionName\":\"me\"}"), "AccessDeniedException", "Not authorized to set roleSessionName.",
                "acceptRoleSessionName=false");
        profile(3600, true, null, true);
        CreateSession.Outcome named = emu.createSession.create(sign(l, "{\"roleSessionName\":\"me-at-laptop\"}"));
        assertTrue(named.session().assumedRoleArn().endsWith("/me-at-laptop"));
        profile(7200, false, null, true);
        refuse(sign(l, "{\"durationSeconds\":7200}"), "ValidationException", "Validation failed", "exceeds the MaxSessionDuration 3600");
        profile(3600, false, null, false);
        refuse(sign(l, "{}"), "AccessDeniedException", "Profile is disabled", "is disabled");
        profile(3600, false, null, true);
        emu.trustAnchors.setEnabled(TA_ID, false);
        refuse(sign(l, "{}"), "AccessDeniedException", "Trust anchor is disabled", "enable-trust-anchor");
        emu.trustAnchors.delete(TA_ID);
        refuse(sign(l, "{}"), "ResourceNotFoundException", "Trust anchor not found", "no trust anchor " + TA_ID);
    }

    @Test
    void roleMustBeInTheProfile() {
        emu.profiles.put(new Profile(PROFILE_ID, "rules", true, List.of("arn:aws:iam::123456789012:role/other"), 3600, false, false,
                null, null, null, TestPki.NOW, TestPki.NOW));
        refuse(sign(leaf(s -> { }), "{}"), "AccessDeniedException", "Role is not associated with the profile", "is not in the roleArns");
    }

    @Test
    void leafRules() {
        refuse(sign(leaf(s -> s.ca = true), "{}"), "AccessDeniedException", "Untrusted Signing Certificate", "is a CA certificate");
        refuse(sign(leaf(s -> s.keyUsage = null), "{}"), "AccessDeniedException", "Untrusted Signing Certificate", "has no keyUsage extension");
        refuse(sign(leaf(s -> s.keyUsage = KeyUsage.keyAgreement), "{}"), "AccessDeniedException", "Untrusted Signing Certificate",
                "has keyUsage keyAgreement; digitalSignature is required");
        refuse(sign(leaf(s -> s.notAfter = TestPki.NOW.minusSeconds(60)), "{}"), "AccessDeniedException", "Untrusted Signing Certificate",
                "expired at");
        refuse(sign(leaf(s -> s.notBefore = TestPki.NOW.plus(Duration.ofDays(1))), "{}"), "AccessDeniedException",
                "Untrusted Signing Certificate", "is not valid until");
        refuse(sign(leaf(s -> s.signatureAlgorithm = "SHA1withECDSA"), "{}"), "AccessDeniedException", "Untrusted Signing Certificate",
                "SHA-256 or stronger is required");
        refuse(sign(leaf(s -> s.subject = ""), "{}"), "AccessDeniedException", "Untrusted Signing Certificate", "has an empty subject");
    }

    @Test
    void chainRules() {
        TestPki.Issued l = leaf(s -> { });
        refuse(TestSigner.sign(l, List.of(), "{}", TestPki.NOW), "AccessDeniedException", "Untrusted Signing Certificate",
                "chain: no certificate in the trust anchor or intermediates issued \"CN=Rules Intermediate,O=Lanyard Test\"");
        X509Certificate i = INTERMEDIATE.cert();
        refuse(TestSigner.sign(l, List.of(i, i, i, i, i, i), "{}", TestPki.NOW), "AccessDeniedException", "Untrusted Signing Certificate",
                "X-Amz-X509-Chain holds 6 certificates; at most 5");
        emu.createSession.create(TestSigner.sign(l, List.of(l.cert(), i, ROOT.cert()), "{}", TestPki.NOW));
    }

    @Test
    void revocationByImportedCrl() {
        TestPki.Issued l = leaf(s -> { });
        byte[] pem = dev.lanyard.common.x509.Pem.encode("X509 CRL", crlDer(TestPki.crl(INTERMEDIATE, l.cert().getSerialNumber())))
                .getBytes(StandardCharsets.UTF_8);
        emu.crls.put(new Crl("99999999-8888-7777-6666-555555555555", "revoked", true, TA_ID, pem, TestPki.NOW, TestPki.NOW));
        refuse(sign(l, "{}"), "AccessDeniedException", "Untrusted Signing Certificate", "revocation: certificate \"CN=example-service");
        emu.crls.setEnabled("99999999-8888-7777-6666-555555555555", false);
        emu.createSession.create(sign(l, "{}"));
    }

    @Test
    void trustPolicyAndAttributeMappings() {
        TestPki.Issued other = leaf(s -> s.sans = new java.util.ArrayList<>(List.of(new org.bouncycastle.asn1.x509.GeneralName(
                org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier, "spiffe://example.teleport.sh/svc/other"))));
        refuse(sign(other, "{}"), "AccessDeniedException", "Not authorized to perform sts:AssumeRole",
                "trust policy: StringEquals aws:PrincipalTag/x509SAN/URI expected \"spiffe://example.teleport.sh/svc/example-service\", "
                        + "certificate has \"spiffe://example.teleport.sh/svc/other\"");
        profile(3600, false, List.of(new Profile.AttributeMapping("x509SAN", List.of("DNS"))), true);
        refuse(sign(leaf(s -> { }), "{}"), "AccessDeniedException", "Not authorized to perform sts:AssumeRole",
                "certificate has no aws:PrincipalTag/x509SAN/URI (not selected by the profile's attribute mappings)");
    }

    @Test
    void putAndDeleteAttributeMapping() {
        emu.profiles.putMapping(PROFILE_ID, dev.lanyard.emulator.api.JsonBody.parse(
                "{\"certificateField\":\"x509SAN\",\"mappingRules\":[{\"specifier\":\"DNS\"}]}".getBytes(StandardCharsets.UTF_8)));
        refuse(sign(leaf(s -> { }), "{}"), "AccessDeniedException", "Not authorized to perform sts:AssumeRole",
                "(not selected by the profile's attribute mappings)");
        emu.profiles.putMapping(PROFILE_ID, dev.lanyard.emulator.api.JsonBody.parse(
                "{\"certificateField\":\"x509SAN\",\"mappingRules\":[{\"specifier\":\"URI\"},{\"specifier\":\"DNS\"}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        emu.createSession.create(sign(leaf(s -> { }), "{}"));
        AwsError tooLong = assertThrows(AwsError.class, () -> emu.profiles.putMapping(PROFILE_ID, dev.lanyard.emulator.api.JsonBody.parse(
                ("{\"certificateField\":\"x509SAN\",\"mappingRules\":[{\"specifier\":\"" + "x".repeat(61) + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8))));
        assertTrue(tooLong.explanation().endsWith("must be 1-60 characters"), tooLong.explanation());
        emu.profiles.deleteMapping(PROFILE_ID, "x509SAN", List.of("URI"));
        assertEquals(List.of("DNS"), emu.profiles.get(PROFILE_ID).attributeMappings().stream()
                .filter(m -> m.certificateField().equals("x509SAN")).findFirst().orElseThrow().specifiers());
    }

    @Test
    void durationIsTheSmallerOfProfileAndRequest() {
        TestPki.Issued l = leaf(s -> { });
        assertEquals(TestPki.NOW.plusSeconds(1800), emu.createSession.create(sign(l, "{\"durationSeconds\":1800}")).session()
                .expiration(), "min(profile 3600, request 1800)");
        assertEquals(TestPki.NOW.plusSeconds(3600), emu.createSession.create(sign(l, "{}")).session().expiration(),
                "the profile's 3600 when the request has none");
        refuse(sign(l, "{\"durationSeconds\":43201}"), "ValidationException", "Validation failed",
                "durationSeconds 43201 must be between 900 and 43200");
    }

    @Test
    void arnsInTheQueryAndTheBodyMayAgree() {
        TestPki.Issued l = leaf(s -> { });
        CreateSession.Outcome o = emu.createSession.create(TestSigner.sign(l.cert(), l.keys().getPrivate(),
                List.of(INTERMEDIATE.cert()), "/sessions?" + TestSigner.QUERY, "{\"roleArn\":\"" + TestSigner.ROLE + "\"}",
                TestPki.NOW));
        assertEquals(TestSigner.ROLE, o.session().roleArn());
        refuse(TestSigner.sign(l.cert(), l.keys().getPrivate(), List.of(INTERMEDIATE.cert()), "/sessions?" + TestSigner.QUERY,
                "{\"profileArn\":\"" + TestSigner.PROFILE.replace("6666", "7777") + "\"}", TestPki.NOW),
                "ValidationException", "Validation failed", "profileArn differs between the query");
    }

    @Test
    void signedHeadersMustCoverHostDateLeafAndChain() {
        TestPki.Issued l = leaf(s -> { });
        for (String header : List.of("host", "x-amz-date", "x-amz-x509", "x-amz-x509-chain")) {
            RawRequest req = TestSigner.sign(l.cert(), l.keys().getPrivate(), List.of(INTERMEDIATE.cert()),
                    "/sessions?" + TestSigner.QUERY, "{}", TestPki.NOW, name -> !name.equals(header));
            refuse(req, "AccessDeniedException", "Invalid signature", "must include " + header);
        }
        emu.createSession.create(TestSigner.sign(l.cert(), l.keys().getPrivate(), List.of(INTERMEDIATE.cert()),
                "/sessions?" + TestSigner.QUERY, "{}", TestPki.NOW, name -> !name.equals("content-type")));
    }

    @Test
    void chainHeaderHoldsAtMostFiveCertificates() {
        TestPki.Issued l = leaf(s -> { });
        X509Certificate i = INTERMEDIATE.cert();
        emu.createSession.create(TestSigner.sign(l, List.of(l.cert(), i, i, i, ROOT.cert()), "{}", TestPki.NOW));
        refuse(TestSigner.sign(l, List.of(l.cert(), i, i, i, i, ROOT.cert()), "{}", TestPki.NOW), "AccessDeniedException",
                "Untrusted Signing Certificate", "X-Amz-X509-Chain holds 6 certificates; at most 5");
    }

    @Test
    void instanceProperties() {
        TestPki.Issued l = leaf(s -> { });
        emu.profiles.put(new Profile(PROFILE_ID, "rules", true, List.of(TestSigner.ROLE), 3600, false, true, null, null, null,
                TestPki.NOW, TestPki.NOW));
        refuse(sign(l, "{}"), "ValidationException", "Validation failed", "requires instanceProperties and the request has none");
        emu.createSession.create(sign(l, "{\"instanceProperties\":{\"host\":\"build-7\"}}"));
        refuse(sign(l, "{\"instanceProperties\":{\"host\":\"\"}}"), "ValidationException", "Validation failed",
                "instanceProperties entry \"host\" must have a key and a value of 1-200 characters");
        refuse(sign(l, "{\"instanceProperties\":{\"host\":\"" + "x".repeat(201) + "\"}}"), "ValidationException",
                "Validation failed", "1-200 characters");
        String many = java.util.stream.IntStream.range(0, 51).mapToObj(n -> "\"k" + n + "\":\"v\"")
                .collect(java.util.stream.Collectors.joining(",", "{\"instanceProperties\":{", "}}"));
        refuse(sign(l, many), "ValidationException", "Validation failed", "instanceProperties has 51 entries; at most 50");
        refuse(sign(l, "{\"instanceProperties\":[1]}"), "ValidationException", "Validation failed", "must be an object of strings");
    }

    @Test
    void clockSkew() {
        refuse(TestSigner.sign(leaf(s -> { }), List.of(INTERMEDIATE.cert()), "{}", TestPki.NOW.minus(Duration.ofMinutes(10))),
                "AccessDeniedException", "Invalid signature", "clock skew: X-Amz-Date");
    }

    private static byte[] crlDer(java.security.cert.X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
