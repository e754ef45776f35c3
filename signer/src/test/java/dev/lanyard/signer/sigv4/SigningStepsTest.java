package dev.lanyard.signer.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.aws.Region;
import dev.lanyard.common.error.LanyardException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One table per signing step. */
class SigningStepsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "abc-_.~XYZ019|abc-_.~XYZ019",
            "a b|a%20b",
            "arn:aws:iam::1:role/x|arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fx",
            "a+b=c&d|a%2Bb%3Dc%26d",
            "é|%C3%A9",
            "*|%2A",
    })
    void rfc3986(String in, String out) {
        assertEquals(out, Rfc3986.encode(in));
    }

    @Test
    void canonicalQuerySortsKeysAndKeepsValueOrder() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("trustAnchorArn", List.of("t"));
        q.put("b", List.of("2", "1"));
        q.put("a b", List.of("x y"));
        q.put("B", List.of("~"));
        assertEquals("B=~&a%20b=x%20y&b=2&b=1&trustAnchorArn=t", CanonicalQuery.of(q).text());
        assertEquals("", CanonicalQuery.of(Map.of()).text());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "a|a",
            "  a  |a",
            "a   b|a b",
            "a \t b|a \t b",
            "\tx|\tx",
            "''|''",
    })
    void headerValuesTrimAndCollapseAsciiSpacesOnly(String in, String out) {
        assertEquals(out.equals("''") ? "" : out, CanonicalHeaders.collapseSpaces(in.equals("''") ? "" : in));
    }

    @Test
    void canonicalHeadersAreLowerCasedSortedAndRepeatedValuesJoined() {
        CanonicalHeaders h = CanonicalHeaders.of(List.of(
                new CanonicalHeaders.Header("X-Amz-Date", "20261125T000000Z"),
                new CanonicalHeaders.Header("Host", "example.com:8443"),
                new CanonicalHeaders.Header("X-Multi", "a"),
                new CanonicalHeaders.Header("x-multi", " b  c ")));
        assertEquals("host:example.com:8443\nx-amz-date:20261125T000000Z\nx-multi:a,b c\n", h.text());
        assertEquals("host;x-amz-date;x-multi", h.signedHeaders());
    }

    @Test
    void canonicalRequestHasABlankLineAfterTheHeadersAndTheBodyHash() {
        CanonicalRequest r = CanonicalRequest.of("POST", "/sessions", new CanonicalQuery("a=1"),
                new CanonicalHeaders("host:h\n", "host"), new byte[0]);
        assertEquals("POST\n/sessions\na=1\nhost:h\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", r.text());
    }

    @ParameterizedTest(name = "[{index}] {0} at {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "us-east-1|2026-11-25T03:05:36Z|20261125/us-east-1/rolesanywhere/aws4_request",
            "fips-us-east-1|2026-11-25T23:59:59Z|20261125/us-east-1/rolesanywhere/aws4_request",
            "us-gov-west-1-fips|2026-01-01T00:00:00Z|20260101/us-gov-west-1/rolesanywhere/aws4_request",
    })
    void credentialScopeNeverCarriesAFipsMicroformat(String region, String at, String scope) {
        assertEquals(scope, CredentialScope.of(Instant.parse(at), Region.parse(region)).text());
    }

    @Test
    void amzDateIsUtcToTheSecond() {
        assertEquals("20261125T030536Z", CredentialScope.amzDate(Instant.parse("2026-11-25T03:05:36.999Z")));
        assertEquals("20260102T030405Z", CredentialScope.amzDate(Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("09990101T000000Z", CredentialScope.amzDate(Instant.parse("0999-01-01T00:00:00Z")));
        assertEquals("19691231T235959Z", CredentialScope.amzDate(Instant.ofEpochSecond(-1)));
    }

    @Test
    void stringToSignIsFourLines() {
        StringToSign s = new StringToSign(SigningAlgorithm.ECDSA, "20261125T030536Z",
                new CredentialScope("20261125", "us-east-1", "rolesanywhere"), "abc");
        assertEquals("AWS4-X509-ECDSA-SHA256\n20261125T030536Z\n20261125/us-east-1/rolesanywhere/aws4_request\nabc", s.text());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"RSA,AWS4-X509-RSA-SHA256", "EC,AWS4-X509-ECDSA-SHA256", "ML-DSA,AWS4-X509-MLDSA", "ML-DSA-65,AWS4-X509-MLDSA"})
    void algorithmFromKeyType(String keyAlgorithm, String header) {
        assertEquals(header, SigningAlgorithm.forKeyAlgorithm(keyAlgorithm).headerName());
    }

    @Test
    void unsupportedKeyTypeIsAClearError() {
        LanyardException e = assertThrows(LanyardException.class, () -> SigningAlgorithm.forKeyAlgorithm("DSA"));
        assertEquals("unsupported key type DSA for Roles Anywhere (RSA, EC or ML-DSA expected)", e.getMessage());
    }

    @Test
    void authorizationHeaderUsesTheDecimalSerialAndCommaSpaceSeparators() {
        AuthorizationHeader a = new AuthorizationHeader(SigningAlgorithm.RSA, new BigInteger("ff", 16),
                new CredentialScope("20261125", "us-east-1", "rolesanywhere"), "content-type;host", new byte[] {0x0a, (byte) 0xbc});
        assertEquals("AWS4-X509-RSA-SHA256 Credential=255/20261125/us-east-1/rolesanywhere/aws4_request, "
                + "SignedHeaders=content-type;host, Signature=0abc", a.value());
    }
}
