package dev.lanyard.signer.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.aws.ProfileArn;
import dev.lanyard.common.aws.Region;
import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.session.CreateSessionRequest;
import dev.lanyard.signer.session.Endpoint;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared Roles Anywhere vectors (captured from aws_signing_helper), one case per directory, the
 * directory name as the display name: with a fixed clock the canonical request and string to sign are
 * reproduced byte for byte; RSA signatures (deterministic) reproduce {@code expected.txt} exactly;
 * ECDSA signatures (randomised) in {@code expected.txt} verify against the leaf.
 */
class VectorConformanceTest {

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException, URISyntaxException {
        Path root = Path.of(VectorConformanceTest.class.getResource("/vectors").toURI());
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isRegularFile(p.resolve("params.json"))).sorted().forEach(cases::add);
        }
        assertEquals(4, cases.size(), "expected the 4 positive vector cases in " + root);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws Exception {
        Map<String, Object> params = Json.parseObject(Files.readString(dir.resolve("params.json")));
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse((String) params.get("x_amz_date"), Instant::from);
        X509Certificate leaf = Certificates.parseOne(Files.readAllBytes(dir.resolve("leaf-cert.pem")), "leaf");
        PrivateKey key = PrivateKeys.parse(Files.readAllBytes(dir.resolve("leaf-key.pem")), "key");
        List<byte[]> chain = new ArrayList<>();
        if (Files.exists(dir.resolve("intermediates.pem"))) {
            for (X509Certificate c : Certificates.parseAll(Files.readAllBytes(dir.resolve("intermediates.pem")), "chain")) {
                chain.add(c.getEncoded());
            }
        }
        Region region = Region.parse((String) params.get("region"));
        CreateSessionRequest request = new CreateSessionRequest(
                TrustAnchorArn.parse((String) params.get("trust_anchor_arn")),
                ProfileArn.parse((String) params.get("profile_arn")),
                RoleArn.parse((String) params.get("role_arn")),
                ((Number) params.get("session_duration")).intValue(),
                (String) params.get("role_session_name"));
        Endpoint endpoint = Endpoint.resolve("http://" + params.get("endpoint"), Map.of(), region, false);
        RequestToSign toSign = new RequestToSign("POST", endpoint.host(), endpoint.path(), request.query(),
                "application/json", request.body(), leaf.getSerialNumber(), leaf.getEncoded(), chain, region);
        SigningAlgorithm algorithm = SigningAlgorithm.forKeyAlgorithm(key.getAlgorithm());

        SignedRequest signed = new X509RequestSigner(Clock.fixed(at, ZoneOffset.UTC)).sign(toSign, algorithm, data -> {
            try {
                Signature s = Signature.getInstance(algorithm.jcaName());
                s.initSign(key);
                s.update(data);
                return s.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals(Files.readString(dir.resolve("canonical-request.txt")), signed.canonicalRequestText(), "canonical request");
        assertEquals(Files.readString(dir.resolve("string-to-sign.txt")), signed.stringToSignText(), "string to sign");
        String expected = Files.readString(dir.resolve("expected.txt"));
        assertEquals(params.get("algorithm"), algorithm.headerName());
        if (algorithm == SigningAlgorithm.RSA) {
            assertEquals(expected, signed.authorizationValue(), "Authorization header");
        } else {
            String prefix = expected.substring(0, expected.indexOf("Signature="));
            assertEquals(prefix, signed.authorizationValue().substring(0, signed.authorizationValue().indexOf("Signature=")));
            byte[] sig = HexFormat.of().parseHex(expected.substring(expected.indexOf("Signature=") + 10));
            Signature v = Signature.getInstance(algorithm.jcaName());
            v.initVerify(leaf.getPublicKey());
            v.update(signed.stringToSignText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(v.verify(sig), "the captured ECDSA signature verifies over our string to sign");
        }
        assertEquals(expected.substring(expected.indexOf("SignedHeaders=") + 14, expected.indexOf(", Signature=")),
                params.get("signed_headers"));
    }
}
