package dev.lanyard.emulator.auth;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.RawRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SigV4-X509 verification of a CreateSession request (spec §2.5): the Authorization header, the scope,
 * the clock skew, SignedHeaders, the X-Amz-X509 leaf and its serial, and the signature with the leaf's key.
 */
public final class X509Verifier {
    private static final Map<String, String> ALGORITHMS = Map.of(
            "AWS4-X509-RSA-SHA256", "RSA",
            "AWS4-X509-ECDSA-SHA256", "EC",
            "AWS4-X509-MLDSA", "ML-DSA");
    private static final String INVALID = "Invalid signature";

    /** The verified leaf and the certificates of X-Amz-X509-Chain (not yet validated). */
    public record Verified(X509Certificate leaf, List<X509Certificate> chain) {
    }

    private X509Verifier() {
    }

    public static Verified verify(RawRequest req, String region, Instant now, Duration skew) {
        String header = req.header("authorization").orElseThrow(() -> new AwsError("MissingAuthenticationTokenException", 403,
                "Missing Authentication Token", "the request has no Authorization header; CreateSession must be signed with SigV4-X509"));
        SigV4Authorization auth;
        try {
            auth = SigV4Authorization.parse(header);
        } catch (IllegalArgumentException e) {
            throw denied("signature: " + e.getMessage());
        }
        String keyType = ALGORITHMS.get(auth.algorithm());
        if (keyType == null) {
            throw denied("signature: algorithm \"" + auth.algorithm() + "\" is not one of AWS4-X509-RSA-SHA256, "
                    + "AWS4-X509-ECDSA-SHA256, AWS4-X509-MLDSA");
        }
        CredentialScope scope = auth.scope();
        if (!scope.service().equals("rolesanywhere")) {
            throw denied("signature: credential scope service is \"" + scope.service() + "\", expected rolesanywhere");
        }
        if (!scope.region().equals(region)) {
            throw denied("signature: credential scope region is \"" + scope.region() + "\" but this endpoint serves "
                    + region + (scope.region().contains("fips") ? " (strip fips- / -fips from the scope region)" : ""));
        }
        String amzDate = req.header("x-amz-date").orElseThrow(() -> denied("signature: the request has no X-Amz-Date header"));
        Instant date = AmzDate.parse(amzDate).orElseThrow(() -> denied("signature: X-Amz-Date \"" + amzDate
                + "\" is not yyyyMMdd'T'HHmmss'Z'"));
        if (!amzDate.substring(0, 8).equals(scope.date())) {
            throw denied("signature: credential scope date " + scope.date() + " is not the date of X-Amz-Date " + amzDate);
        }
        Optional<String> skewProblem = AmzDate.skewProblem(date, now, skew);
        if (skewProblem.isPresent()) {
            throw denied(skewProblem.get());
        }
        List<String> required = new ArrayList<>(List.of("host", "x-amz-date", "x-amz-x509"));
        if (req.header("x-amz-x509-chain").isPresent()) {
            required.add("x-amz-x509-chain");
        }
        for (String r : required) {
            if (!auth.signedHeaders().contains(r)) {
                throw denied("signature: SignedHeaders \"" + String.join(";", auth.signedHeaders()) + "\" must include " + r);
            }
        }
        X509Certificate leaf = certificate(req.header("x-amz-x509")
                .orElseThrow(() -> AwsError.validation("the request has no X-Amz-X509 header (base64 DER of the leaf certificate)")),
                "X-Amz-X509");
        if (!leaf.getSerialNumber().toString().equals(auth.credential())) {
            throw denied("signature: Credential serial " + auth.credential() + " is not the serial of the X-Amz-X509 certificate ("
                    + leaf.getSerialNumber() + ", decimal)");
        }
        CanonicalRequest canonical;
        try {
            canonical = CanonicalRequest.build(req, auth.signedHeaders(), false);
        } catch (CanonicalRequest.MissingSignedHeader e) {
            throw denied("signature: " + e.getMessage());
        }
        StringToSign sts = StringToSign.of(auth.algorithm(), amzDate, scope, canonical);
        checkSignature(auth, keyType, leaf.getPublicKey(), sts, canonical);
        List<X509Certificate> chain = new ArrayList<>();
        Optional<String> chainHeader = req.header("x-amz-x509-chain");
        if (chainHeader.isPresent() && !chainHeader.get().isBlank()) {
            String[] parts = chainHeader.get().split(",");
            for (int i = 0; i < parts.length; i++) {
                chain.add(certificate(parts[i].trim(), "X-Amz-X509-Chain entry " + (i + 1)));
            }
        }
        return new Verified(leaf, List.copyOf(chain));
    }

    private static void checkSignature(SigV4Authorization auth, String keyType, PublicKey key, StringToSign sts,
                                       CanonicalRequest canonical) {
        String actualType = key.getAlgorithm().startsWith("ML-DSA") ? "ML-DSA" : key.getAlgorithm();
        if (!actualType.equals(keyType)) {
            throw denied("signature: algorithm " + auth.algorithm() + " needs an " + keyType
                    + " key but the X-Amz-X509 certificate has an " + actualType + " key");
        }
        String jca = switch (keyType) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "ML-DSA";
        };
        boolean ok;
        try {
            byte[] sig = HexFormat.of().parseHex(auth.signature());
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key);
            verifier.update(sts.text().getBytes(StandardCharsets.UTF_8));
            ok = verifier.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw denied("signature: " + auth.algorithm() + " signature does not verify with the X-Amz-X509 certificate's key "
                    + "over the string to sign (canonical request SHA-256 " + canonical.sha256() + ", signed headers "
                    + String.join(";", auth.signedHeaders()) + "); the body, a signed header or X-Amz-Date changed after signing, "
                    + "or the wrong key signed");
        }
    }

    /** A base64 DER certificate from a header; {@code what} names the header in the ValidationException. */
    public static X509Certificate certificate(String base64, String what) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw AwsError.validation(what + " is not base64 (" + e.getMessage() + ")");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw AwsError.validation(what + " is not a DER X.509 certificate");
        }
    }

    private static AwsError denied(String explanation) {
        return AwsError.accessDenied(INVALID, explanation);
    }
}
