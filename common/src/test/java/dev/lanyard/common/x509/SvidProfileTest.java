package dev.lanyard.common.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.testing.TestPki;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SvidProfileTest {
    static final KeyPair CA_KEY = TestPki.key("EC-P256#svid-ca");
    static final X509Certificate CA = TestPki.selfSigned(TestPki.caTemplate("SVID CA", CA_KEY).uri("spiffe://example.org"), CA_KEY);
    static final KeyPair KEY = TestPki.key("EC-P256");

    static X509Certificate leaf(UnaryOperator<CertificateTemplate.Builder> change) {
        CertificateTemplate.Builder b = CertificateTemplate.leaf("CN=workload", KEY.getPublic(), TestPki.serial(),
                TestPki.NOT_BEFORE, TestPki.NOT_AFTER);
        return TestPki.issue(change.apply(b), CA, CA_KEY);
    }

    static Stream<Arguments> leaves() {
        return Stream.of(
                Arguments.of("valid leaf", (UnaryOperator<CertificateTemplate.Builder>) b -> b.uri("spiffe://example.org/svc/a"),
                        List.of()),
                Arguments.of("valid leaf with DNS and IP SANs", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/svc/a").dns("a.example.org").ip(java.net.InetAddress.getLoopbackAddress()),
                        List.of()),
                Arguments.of("no URI SAN", (UnaryOperator<CertificateTemplate.Builder>) b -> b.dns("a.example.org"),
                        List.of("has no URI SAN; an X509-SVID carries exactly one spiffe:// URI SAN")),
                Arguments.of("two URI SANs", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").uri("spiffe://example.org/b"),
                        List.of("has 2 URI SANs [spiffe://example.org/a, spiffe://example.org/b]; an X509-SVID carries"
                                + " exactly one")),
                Arguments.of("URI SAN not a SPIFFE ID", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("https://example.org/a"),
                        List.of("URI SAN \"https://example.org/a\" is not a valid SPIFFE ID (SPIFFE ID must start with"
                                + " spiffe://: \"https://example.org/a\")")),
                Arguments.of("trust domain ID on a leaf", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org"),
                        List.of("URI SAN spiffe://example.org has no path; an X509-SVID leaf needs a workload path such as"
                                + " /svc/name")),
                Arguments.of("leaf is a CA", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").ca(true),
                        List.of("is a CA (basicConstraints cA=true); an X509-SVID leaf must have cA=false")),
                Arguments.of("no keyUsage", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").keyUsage(null),
                        List.of("has no keyUsage extension; an X509-SVID leaf needs a critical keyUsage with"
                                + " digitalSignature")),
                Arguments.of("keyUsage not critical", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").keyUsageCritical(false),
                        List.of("keyUsage is not critical; an X509-SVID leaf's keyUsage must be critical")),
                Arguments.of("keyUsage without digitalSignature", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").keyUsage(EnumSet.of(KeyUsage.KEY_AGREEMENT)),
                        List.of("keyUsage lacks digitalSignature; an X509-SVID leaf must have it")),
                Arguments.of("keyCertSign on a leaf", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_CERT_SIGN)),
                        List.of("keyUsage has keyCertSign; an X509-SVID leaf must not")),
                Arguments.of("cRLSign on a leaf", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/a").keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.CRL_SIGN)),
                        List.of("keyUsage has cRLSign; an X509-SVID leaf must not")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaves")
    void leafRules(String name, UnaryOperator<CertificateTemplate.Builder> change, List<String> violations) {
        assertEquals(violations, SvidProfile.leafViolations(leaf(change)));
    }

    @Test
    void requireLeafReturnsTheIdOrThrowsTheFirstViolation() {
        X509Certificate good = leaf(b -> b.uri("spiffe://example.org/svc/a"));
        assertEquals(SpiffeId.parse("spiffe://example.org/svc/a"), SvidProfile.requireLeaf(good, "svid.pem"));
        assertEquals(SpiffeId.parse("spiffe://example.org/svc/a"), SvidProfile.spiffeId(good));
        X509Certificate bad = leaf(b -> b.ca(true).keyUsage(null));
        LanyardException e = assertThrows(LanyardException.class, () -> SvidProfile.requireLeaf(bad, "svid.pem"));
        assertEquals("svid.pem: X509-SVID \"CN=workload\" has no URI SAN; an X509-SVID carries exactly one spiffe://"
                + " URI SAN", e.getMessage());
        assertEquals(Failure.KEY_OR_CERTIFICATE, e.failure());
        assertEquals(3, SvidProfile.leafViolations(bad).size());
    }

    @Test
    void emptySubjectGetsACriticalSan() {
        X509Certificate cert = TestPki.issue(new CertificateTemplate.Builder("", KEY.getPublic(), TestPki.serial(),
                TestPki.NOT_BEFORE, TestPki.NOT_AFTER).keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE))
                .uri("spiffe://example.org/no-subject"), CA, CA_KEY);
        assertEquals(List.of(), SvidProfile.leafViolations(cert));
    }

    /** Our signer always marks the SAN critical for an empty subject, so openssl makes the bad case. */
    @Test
    void emptySubjectWithNonCriticalSanIsRefusedWhenParsed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String ca = dir.resolve("ca.pem").toString();
        String leafKey = dir.resolve("leaf.key").toString();
        String csr = dir.resolve("leaf.csr").toString();
        java.nio.file.Path ext = java.nio.file.Files.writeString(dir.resolve("ext.cnf"),
                "subjectAltName=URI:spiffe://example.org/a\nkeyUsage=critical,digitalSignature\n");
        dev.lanyard.common.testing.Openssl.run(new byte[0], "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", ca, "-out", ca, "-subj", "/CN=openssl ca", "-days", "30");
        dev.lanyard.common.testing.Openssl.run(new byte[0], "req", "-new", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", leafKey, "-out", csr, "-subj", "/");
        byte[] pem = dev.lanyard.common.testing.Openssl.run(new byte[0], "x509", "-req", "-in", csr, "-CA", ca,
                "-CAkey", ca, "-days", "30", "-extfile", ext.toString());
        // The JDK enforces this rule while parsing; the profile check repeats it for certificates parsed elsewhere.
        LanyardException e = assertThrows(LanyardException.class, () -> Certificates.parseOne(pem, "svid.pem"));
        assertEquals("svid.pem: not a valid X.509 certificate (tried PEM and DER): X.509 Certificate is incomplete:"
                + " SubjectAlternativeName extension MUST be marked critical when subject field is empty", e.getMessage());
    }

    static Stream<Arguments> signingCertificates() {
        return Stream.of(
                Arguments.of("valid CA with trust domain ID", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org"), List.of()),
                Arguments.of("valid CA without URI SAN", (UnaryOperator<CertificateTemplate.Builder>) b -> b, List.of()),
                Arguments.of("not a CA", (UnaryOperator<CertificateTemplate.Builder>) b -> b.ca(false),
                        List.of("is not a CA (basicConstraints cA is not true); a signing certificate needs cA=true")),
                Arguments.of("no keyCertSign", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .keyUsage(EnumSet.of(KeyUsage.CRL_SIGN)),
                        List.of("lacks keyUsage keyCertSign; a signing certificate must have it")),
                Arguments.of("SPIFFE ID with a path", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://example.org/ca"),
                        List.of("URI SAN spiffe://example.org/ca has a path; a signing certificate's SPIFFE ID is the"
                                + " trust domain's (spiffe://example.org)")),
                Arguments.of("two URI SANs", (UnaryOperator<CertificateTemplate.Builder>) b -> b
                        .uri("spiffe://a.org").uri("spiffe://b.org"),
                        List.of("has 2 URI SANs [spiffe://a.org, spiffe://b.org]; a signing certificate names at most one"
                                + " SPIFFE ID")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signingCertificates")
    void signingCertificateRules(String name, UnaryOperator<CertificateTemplate.Builder> change, List<String> violations) {
        X509Certificate ca = TestPki.issue(change.apply(TestPki.caTemplate("Sub CA", TestPki.key("EC-P256#sub"))), CA, CA_KEY);
        assertEquals(violations, SvidProfile.signingCertificateViolations(ca));
    }

    @Test
    void requireSigningCertificateThrowsUntrusted() {
        SvidProfile.requireSigningCertificate(CA, "bundle.pem");
        LanyardException e = assertThrows(LanyardException.class,
                () -> SvidProfile.requireSigningCertificate(leaf(b -> b.uri("spiffe://example.org/a")), "bundle.pem"));
        assertEquals("bundle.pem: signing certificate \"CN=workload\" is not a CA (basicConstraints cA is not true); a"
                + " signing certificate needs cA=true", e.getMessage());
        assertEquals(Failure.UNTRUSTED, e.failure());
    }
}
