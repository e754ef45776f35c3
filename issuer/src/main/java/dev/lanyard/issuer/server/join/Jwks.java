package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A JSON Web Key Set (RFC 7517) reduced to what JWT join needs: RSA keys and EC keys on P-256 and
 * P-384, each with its optional {@code kid}. Keys of other types, and keys whose {@code use} is not
 * {@code sig}, are ignored; a set with no usable key is refused.
 */
record Jwks(List<Key> keys) {
    static final int MAX_CHARS = 256 * 1024;
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1");

    record Key(String kid, PublicKey publicKey) {
    }

    Jwks {
        keys = List.copyOf(keys);
    }

    static Jwks parse(String json, String source) {
        if (json.length() > MAX_CHARS) {
            throw invalid(source, "larger than 256 KiB");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw invalid(source, "not JSON");
        }
        if (root == null || !root.path("keys").isArray()) {
            throw invalid(source, "not a JWKS: no \"keys\" array");
        }
        List<Key> out = new ArrayList<>();
        for (JsonNode k : root.path("keys")) {
            if (k.hasNonNull("use") && !"sig".equals(k.path("use").asText())) {
                continue;
            }
            String kid = k.hasNonNull("kid") ? k.path("kid").asText() : null;
            try {
                PublicKey key = switch (k.path("kty").asText()) {
                    case "RSA" -> rsa(k);
                    case "EC" -> ec(k);
                    default -> null;
                };
                if (key != null) {
                    out.add(new Key(kid, key));
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw invalid(source, "key " + (kid == null ? "without kid" : "'" + kid + "'") + " is malformed");
            }
        }
        if (out.isEmpty()) {
            throw invalid(source, "no RSA or EC (P-256, P-384) signing key");
        }
        return new Jwks(out);
    }

    boolean hasKid(String kid) {
        return keys.stream().anyMatch(k -> kid.equals(k.kid()));
    }

    /** The keys a token with this {@code kid} (may be null) could be signed with. */
    List<PublicKey> candidates(String kid, String keyAlgorithm) {
        return keys.stream().filter(k -> k.publicKey().getAlgorithm().equals(keyAlgorithm))
                .filter(k -> kid == null || kid.equals(k.kid())).map(Key::publicKey).toList();
    }

    private static PublicKey rsa(JsonNode k) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(k, "n"), unsigned(k, "e")));
    }

    private static PublicKey ec(JsonNode k) throws GeneralSecurityException {
        String curve = CURVES.get(k.path("crv").asText());
        if (curve == null) {
            return null;
        }
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(unsigned(k, "x"), unsigned(k, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static BigInteger unsigned(JsonNode k, String field) {
        if (!k.path(field).isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(k.path(field).asText()));
    }

    private static Malformed invalid(String source, String problem) {
        return new Malformed(source, problem);
    }

    /** A document that is not a usable JWKS; {@link #problem()} is the reason without the source. */
    static final class Malformed extends LanyardException {
        private final String problem;

        Malformed(String source, String problem) {
            super(Failure.INVALID_INPUT, source + ": " + problem);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }
}
