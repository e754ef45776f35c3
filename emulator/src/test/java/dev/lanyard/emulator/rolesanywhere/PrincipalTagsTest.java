package dev.lanyard.emulator.rolesanywhere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.testing.TestPki;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Principal tags from certificates (with attribute mappings) and the source identity rules, as tables. */
class PrincipalTagsTest {
    static final TestPki.Issued ROOT = TestPki.root("Tags Root");

    static TestPki.Issued leaf(String subject, GeneralName... sans) {
        TestPki.Leaf spec = new TestPki.Leaf();
        spec.subject = subject;
        spec.sans = new java.util.ArrayList<>(List.of(sans));
        return TestPki.leaf(ROOT, spec);
    }

    static final TestPki.Issued FULL = leaf("CN=svc,OU=Engineering,OU=Security,O=Example,L=Berlin,ST=BE,C=DE",
            new GeneralName(GeneralName.dNSName, "a.example"), new GeneralName(GeneralName.dNSName, "b.example"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://td/svc/a"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://td/svc/b"),
            new GeneralName(new X500Name("CN=dir,O=DirOrg")),
            new GeneralName(GeneralName.rfc822Name, "ops@example.com"));

    static Profile.AttributeMapping map(String field, String... specs) {
        return new Profile.AttributeMapping(field, List.of(specs));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("subject CN", null, "x509Subject/CN", "svc"),
                Arguments.of("multi-valued RDN joined with / in certificate (DER) order", null, "x509Subject/OU", "Security/Engineering"),
                Arguments.of("subject O", null, "x509Subject/O", "Example"),
                Arguments.of("subject C, ST, L", null, "x509Subject/L", "Berlin"),
                Arguments.of("issuer CN", null, "x509Issuer/CN", "Tags Root"),
                Arguments.of("issuer O", null, "x509Issuer/O", "Lanyard Test"),
                Arguments.of("first DNS SAN only", null, "x509SAN/DNS", "a.example"),
                Arguments.of("first URI SAN only", null, "x509SAN/URI", "spiffe://td/svc/a"),
                Arguments.of("directory name SAN RDNs", null, "x509SAN/Name/CN", "dir"),
                Arguments.of("email SAN is not mapped", null, "x509SAN/RFC822", null),
                Arguments.of("mapping keeps only CN", List.of(map("x509Subject", "CN")), "x509Subject/O", null),
                Arguments.of("mapping keeps CN", List.of(map("x509Subject", "CN")), "x509Subject/CN", "svc"),
                Arguments.of("unmentioned field keeps defaults", List.of(map("x509Subject", "CN")), "x509SAN/URI", "spiffe://td/svc/a"),
                Arguments.of("SAN mapping without URI drops it", List.of(map("x509SAN", "DNS")), "x509SAN/URI", null),
                Arguments.of("Name is Name/*", List.of(map("x509SAN", "Name")), "x509SAN/Name/O", "DirOrg"),
                Arguments.of("empty mapping drops the field", List.of(map("x509Issuer")), "x509Issuer/CN", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void tags(String name, List<Profile.AttributeMapping> mappings, String key, String expected) {
        Map<String, String> tags = PrincipalTags.of(FULL.cert(), mappings).tags();
        assertEquals(expected, tags.get(key), tags.toString());
    }

    @Test
    void droppedTagsSayWhy() {
        PrincipalTags.Result r = PrincipalTags.of(FULL.cert(), List.of(map("x509SAN", "DNS")));
        assertEquals("not selected by the profile's attribute mappings", r.dropped().get("x509SAN/URI"));
        TestPki.Issued odd = leaf("CN=bad#value,O=Example", new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://td/a?b=%20"));
        PrincipalTags.Result bad = PrincipalTags.of(odd.cert(), null);
        assertEquals(null, bad.tags().get("x509SAN/URI"));
        assertTrue(bad.dropped().get("x509SAN/URI").contains("breaks the STS tag value rules"), bad.dropped().toString());
        assertEquals(null, bad.tags().get("x509Subject/CN"));
        assertEquals("Example", bad.tags().get("x509Subject/O"));
    }

    static Stream<Arguments> sourceIdentity() {
        String cn61 = "a".repeat(61);
        String cn62 = "b".repeat(62);
        String cn64 = "c".repeat(64);
        return Stream.of(
                Arguments.of("CN up to 61 characters", "CN=" + cn61 + ",O=X", BigInteger.valueOf(5), "CN=" + cn61),
                Arguments.of("CN of 62 characters is bare", "CN=" + cn62 + ",O=X", BigInteger.valueOf(5), cn62),
                Arguments.of("CN of 64 characters is bare", "CN=" + cn64 + ",O=X", BigInteger.valueOf(5), cn64),
                Arguments.of("no CN: hex serial padded even (291)", "O=SPIRE,C=US", BigInteger.valueOf(291), "ID=0123"),
                Arguments.of("no CN: hex serial (17767)", "O=SPIRE,C=US", BigInteger.valueOf(17767), "ID=4567"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourceIdentity")
    void sourceIdentity(String name, String subject, BigInteger serial, String expected) {
        TestPki.Leaf spec = new TestPki.Leaf();
        spec.subject = subject;
        spec.serial = serial;
        assertEquals(expected, SourceIdentity.of(TestPki.leaf(ROOT, spec).cert()));
    }

    @Test
    void defaultSessionNameIsLowerCaseHexSerial() {
        TestPki.Leaf spec = new TestPki.Leaf();
        spec.serial = new BigInteger("ABCDEF0123", 16);
        assertEquals("abcdef0123", SourceIdentity.defaultSessionName(TestPki.leaf(ROOT, spec).cert()));
    }
}
