package dev.lanyard.common.spiffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpiffeIdTest {
    static final String TD_255 = "a".repeat(251) + ".org";
    static final String ID_2048 = "spiffe://example.org/" + "p".repeat(2048 - "spiffe://example.org/".length());

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("workload path", "spiffe://example.org/svc/example-service", "example.org",
                        "/svc/example-service"),
                Arguments.of("trust domain id", "spiffe://example.org", "example.org", ""),
                Arguments.of("every allowed path character", "spiffe://example.org/Az09._-/x.y", "example.org",
                        "/Az09._-/x.y"),
                Arguments.of("every allowed trust domain character", "spiffe://a-b_c.9/x", "a-b_c.9", "/x"),
                Arguments.of("dots inside a segment are not . or ..", "spiffe://example.org/.../a..b", "example.org",
                        "/.../a..b"),
                Arguments.of("255-byte trust domain", "spiffe://" + TD_255 + "/x", TD_255, "/x"),
                Arguments.of("2048-byte id", ID_2048, "example.org", ID_2048.substring(20)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesAndRoundTrips(String name, String text, String trustDomain, String path) {
        SpiffeId id = SpiffeId.parse(text);
        assertEquals(trustDomain, id.trustDomain().name());
        assertEquals(path, id.path());
        assertEquals(text, id.toString());
        assertEquals(id, SpiffeId.parse(id.toString()));
        assertEquals(id, SpiffeId.of(id.trustDomain(), id.path()));
    }

    @Test
    void schemeAndTrustDomainAreCaseInsensitivePathIsNot() {
        SpiffeId id = SpiffeId.parse("SPIFFE://Example.ORG/Svc/A");
        assertEquals("spiffe://example.org/Svc/A", id.toString());
        assertTrue(!id.equals(SpiffeId.parse("spiffe://example.org/svc/a")));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "SPIFFE ID is empty"),
                Arguments.of("wrong scheme", "https://example.org/x", "SPIFFE ID must start with spiffe://: \"https://example.org/x\""),
                Arguments.of("no scheme", "example.org/x", "SPIFFE ID must start with spiffe://: \"example.org/x\""),
                Arguments.of("query", "spiffe://example.org/x?a=b", "SPIFFE ID must not contain a query: \"spiffe://example.org/x?a=b\""),
                Arguments.of("fragment", "spiffe://example.org/x#f", "SPIFFE ID must not contain a fragment: \"spiffe://example.org/x#f\""),
                Arguments.of("empty trust domain", "spiffe:///x", "SPIFFE ID has an empty trust domain: \"spiffe:///x\""),
                Arguments.of("port", "spiffe://example.org:8080/x", "SPIFFE ID must not contain a port: \"example.org:8080\""),
                Arguments.of("userinfo", "spiffe://user@example.org/x", "SPIFFE ID must not contain userinfo: \"user@example.org\""),
                Arguments.of("trust domain character", "spiffe://exa$mple.org/x",
                        "trust domain may contain only lowercase letters, digits, '.', '-' and '_': \"exa$mple.org\""),
                Arguments.of("trust domain percent-encoded", "spiffe://exa%41mple.org/x",
                        "trust domain must not be percent-encoded: \"exa%41mple.org\""),
                Arguments.of("trust domain over 255 bytes", "spiffe://a" + TD_255 + "/x", "trust domain is longer than 255 bytes"),
                Arguments.of("path percent-encoded", "spiffe://example.org/a%20b", "SPIFFE ID path must not be percent-encoded: \"/a%20b\""),
                Arguments.of("trailing slash", "spiffe://example.org/a/", "SPIFFE ID path must not end with '/': \"/a/\""),
                Arguments.of("root path slash", "spiffe://example.org/", "SPIFFE ID path must not end with '/': \"/\""),
                Arguments.of("empty segment", "spiffe://example.org/a//b", "SPIFFE ID path has an empty segment: \"/a//b\""),
                Arguments.of("dot segment", "spiffe://example.org/a/./b", "SPIFFE ID path must not contain '.' or '..' segments: \"/a/./b\""),
                Arguments.of("dot-dot segment", "spiffe://example.org/a/../b", "SPIFFE ID path must not contain '.' or '..' segments: \"/a/../b\""),
                Arguments.of("path character", "spiffe://example.org/a b", "SPIFFE ID path may contain only letters, digits, '.', '-' and '_': \"/a b\""),
                Arguments.of("non-ASCII path character", "spiffe://example.org/caf\u00e9",
                        "SPIFFE ID path may contain only letters, digits, '.', '-' and '_': \"/caf\u00e9\""),
                Arguments.of("over 2048 bytes", ID_2048 + "p", "SPIFFE ID is longer than 2048 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWithOneExactMessage(String name, String text, String message) {
        LanyardException e = assertThrows(LanyardException.class, () -> SpiffeId.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(Failure.INVALID_INPUT, e.failure());
    }

    static Stream<Arguments> invalidPaths() {
        return Stream.of(
                Arguments.of("empty path", "", "SPIFFE path is empty: give a path such as /svc/example-service"),
                Arguments.of("slash only", "/", "SPIFFE path is empty: give a path such as /svc/example-service"),
                Arguments.of("relative path", "svc/x", "SPIFFE path must start with '/': \"svc/x\""),
                Arguments.of("dot-dot segment", "/svc/..", "SPIFFE ID path must not contain '.' or '..' segments: \"/svc/..\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPaths")
    void fromPathRejects(String name, String path, String message) {
        TrustDomain td = TrustDomain.parse("example.org");
        LanyardException e = assertThrows(LanyardException.class, () -> SpiffeId.fromPath(td, path));
        assertEquals(message, e.getMessage());
    }

    @Test
    void fromPathAndLastSegment() {
        SpiffeId id = SpiffeId.fromPath(TrustDomain.parse("example.org"), "/svc/example-service");
        assertEquals("spiffe://example.org/svc/example-service", id.toString());
        assertEquals("example-service", id.lastSegment());
        assertEquals("example.org", SpiffeId.parse("spiffe://example.org").lastSegment());
        assertTrue(SpiffeId.parse("spiffe://example.org").isTrustDomainId());
    }

    @Test
    void composedIdOver2048BytesIsRejected() {
        TrustDomain td = TrustDomain.parse(TD_255);
        LanyardException e = assertThrows(LanyardException.class, () -> td.id("/" + "p".repeat(2048)));
        assertEquals("SPIFFE ID is longer than 2048 bytes", e.getMessage());
    }
}
