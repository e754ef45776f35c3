package dev.lanyard.emulator.testing;

import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.auth.CanonicalRequest;
import dev.lanyard.emulator.auth.SigV4Authorization;
import dev.lanyard.emulator.auth.StringToSign;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Signs CreateSession requests with SigV4-X509 for tests (the vectors prove the verifier against the real helper). */
public final class TestSigner {
    public static final String TA = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555";
    public static final String PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/66666666-7777-8888-9999-000000000000";
    public static final String ROLE = "arn:aws:iam::123456789012:role/example-service";
    public static final String QUERY = "profileArn=" + enc(PROFILE) + "&roleArn=" + enc(ROLE) + "&trustAnchorArn=" + enc(TA);

    private TestSigner() {
    }

    public static RawRequest sign(TestPki.Issued leaf, List<X509Certificate> chain, String body, Instant date) {
        return sign(leaf.cert(), leaf.keys().getPrivate(), chain, "/sessions?" + QUERY, body, date);
    }

    public static RawRequest sign(X509Certificate cert, PrivateKey key, List<X509Certificate> chain, String pathAndQuery,
                                  String body, Instant date) {
        return sign(cert, key, chain, pathAndQuery, body, date, name -> true);
    }

    /** As above, listing in SignedHeaders only the (lower-case) header names {@code signHeader} accepts. */
    public static RawRequest sign(X509Certificate cert, PrivateKey key, List<X509Certificate> chain, String pathAndQuery,
                                  String body, Instant date, Predicate<String> signHeader) {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(date);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json"));
        headers.add(Map.entry("Host", "127.0.0.1:18443"));
        headers.add(Map.entry("X-Amz-Date", amzDate));
        headers.add(Map.entry("X-Amz-X509", b64(cert)));
        if (!chain.isEmpty()) {
            headers.add(Map.entry("X-Amz-X509-Chain", chain.stream().map(TestSigner::b64).collect(Collectors.joining(","))));
        }
        RawRequest unsigned = RawRequest.of("POST", pathAndQuery, headers, body.getBytes(StandardCharsets.UTF_8));
        List<String> signed = unsigned.headers().keySet().stream().filter(signHeader).sorted().toList();
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "AWS4-X509-RSA-SHA256";
            case "EC" -> "AWS4-X509-ECDSA-SHA256";
            default -> "AWS4-X509-MLDSA";
        };
        var scope = SigV4Authorization.parse(alg + " Credential=1/" + amzDate.substring(0, 8)
                + "/us-east-1/rolesanywhere/aws4_request, SignedHeaders=host, Signature=00").scope();
        StringToSign sts = StringToSign.of(alg, amzDate, scope, CanonicalRequest.build(unsigned, signed, false));
        try {
            Signature s = Signature.getInstance(switch (alg) {
                case "AWS4-X509-RSA-SHA256" -> "SHA256withRSA";
                case "AWS4-X509-ECDSA-SHA256" -> "SHA256withECDSA";
                default -> "ML-DSA";
            });
            s.initSign(key);
            s.update(sts.text().getBytes(StandardCharsets.UTF_8));
            headers.add(Map.entry("Authorization", alg + " Credential=" + cert.getSerialNumber() + "/" + scope
                    + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + HexFormat.of().formatHex(s.sign())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return RawRequest.of("POST", pathAndQuery, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return dev.lanyard.emulator.auth.UriEncoding.encode(s, false);
    }
}
