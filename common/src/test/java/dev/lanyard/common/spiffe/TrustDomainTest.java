package dev.lanyard.common.spiffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrustDomainTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("bare name", "example.org", "example.org"),
                Arguments.of("spiffe form", "spiffe://example.org", "example.org"),
                Arguments.of("spiffe form with slash", "spiffe://example.org/", "example.org"),
                Arguments.of("all allowed characters", "a-b_c.9", "a-b_c.9"),
                Arguments.of("255 bytes", SpiffeIdTest.TD_255, SpiffeIdTest.TD_255));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String name, String text, String expected) {
        TrustDomain td = TrustDomain.parse(text);
        assertEquals(expected, td.name());
        assertEquals(expected, td.toString());
        assertEquals("spiffe://" + expected, td.idString());
        assertEquals(td, TrustDomain.parse(td.idString()));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("missing", null, "trust domain is missing"),
                Arguments.of("empty", "", "trust domain is empty"),
                Arguments.of("over 255 bytes", "a" + SpiffeIdTest.TD_255, "trust domain is longer than 255 bytes"),
                Arguments.of("upper case", "Example.org",
                        "trust domain may contain only lowercase letters, digits, '.', '-' and '_': \"Example.org\""),
                Arguments.of("percent-encoded", "ex%41.org", "trust domain must not be percent-encoded: \"ex%41.org\""),
                Arguments.of("port", "example.org:443", "SPIFFE ID must not contain a port: \"example.org:443\""),
                Arguments.of("userinfo", "u@example.org", "SPIFFE ID must not contain userinfo: \"u@example.org\""),
                Arguments.of("path", "example.org/x",
                        "trust domain may contain only lowercase letters, digits, '.', '-' and '_': \"example.org/x\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, String text, String message) {
        LanyardException e = assertThrows(LanyardException.class, () -> TrustDomain.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(Failure.INVALID_INPUT, e.failure());
    }
}
