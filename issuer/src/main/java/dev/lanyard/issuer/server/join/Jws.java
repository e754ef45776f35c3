package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * A compact JWS (RFC 7515) checked with the JDK alone: RS256/384/512 and ES256/384. {@code none},
 * HMAC and every other algorithm are refused. ECDSA signatures arrive as R‖S and are re-encoded as
 * the DER SEQUENCE the JCA verifies.
 */
record Jws(JsonNode header, JsonNode claims) {
    static final int MAX_CHARS = 16 * 1024;
    private static final Map<String, String[]> ALGORITHMS = Map.of(
            "RS256", new String[] {"RSA", "SHA256withRSA"}, "RS384", new String[] {"RSA", "SHA384withRSA"},
            "RS512", new String[] {"RSA", "SHA512withRSA"}, "ES256", new String[] {"EC", "SHA256withECDSA"},
            "ES384", new String[] {"EC", "SHA384withECDSA"});

    /** Parses and verifies against {@code keys}; the claims are returned only if a key verified them. */
    static Jws verify(String token, Jwks keys) {
        if (token == null || token.length() > MAX_CHARS) {
            throw refused("the JWT is missing or longer than 16 KiB");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw refused("the JWT is not a compact JWS (header.payload.signature)");
        }
        JsonNode header = json(parts[0], "header");
        JsonNode claims = json(parts[1], "payload");
        String alg = header.path("alg").asText();
        String[] algorithm = ALGORITHMS.get(alg);
        if (algorithm == null) {
            throw refused("JWT algorithm '" + alg + "' is not accepted; use RS256, RS384, RS512, ES256 or ES384");
        }
        if (header.hasNonNull("crit")) {
            throw refused("the JWT has critical header parameters, which are not supported");
        }
        byte[] signature = decode(parts[2], "signature");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        String kid = header.hasNonNull("kid") ? header.path("kid").asText() : null;
        for (PublicKey key : keys.candidates(kid, algorithm[0])) {
            if (check(algorithm[1], key, signed, signature)) {
                return new Jws(header, claims);
            }
        }
        throw refused("the JWT is not signed by a key in the join rule's JWKS"
                + (kid == null ? "" : " (kid '" + kid + "')"));
    }

    /** The {@code kid} of a JWT's header, or null when there is none or the token is malformed. */
    static String kid(String token) {
        if (token == null || token.length() > MAX_CHARS || token.indexOf('.') < 0) {
            return null;
        }
        try {
            JsonNode h = json(token.substring(0, token.indexOf('.')), "header");
            return h.hasNonNull("kid") ? h.path("kid").asText() : null;
        } catch (LanyardException e) {
            return null;
        }
    }

    private static boolean check(String jca, PublicKey key, byte[] signed, byte[] signature) {
        try {
            byte[] sig = jca.endsWith("ECDSA") ? derFromConcat(signature) : signature;
            if (sig == null) {
                return false;
            }
            Signature v = Signature.getInstance(jca);
            v.initVerify(key);
            v.update(signed);
            return v.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** R‖S (each half big-endian, fixed length) to DER {@code SEQUENCE { INTEGER r, INTEGER s }}. */
    static byte[] derFromConcat(byte[] rs) {
        if (rs.length == 0 || rs.length % 2 != 0 || rs.length > 132) {
            return null;
        }
        byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, rs.length / 2)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, rs.length / 2, rs.length)).toByteArray();
        int body = 2 + r.length + 2 + s.length;
        byte[] out = new byte[(body > 127 ? 3 : 2) + body];
        int i = 0;
        out[i++] = 0x30;
        if (body > 127) {
            out[i++] = (byte) 0x81;
        }
        out[i++] = (byte) body;
        out[i++] = 0x02;
        out[i++] = (byte) r.length;
        System.arraycopy(r, 0, out, i, r.length);
        i += r.length;
        out[i++] = 0x02;
        out[i++] = (byte) s.length;
        System.arraycopy(s, 0, out, i, s.length);
        return out;
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode n = new ObjectMapper().readTree(decode(part, what));
            if (n == null || !n.isObject()) {
                throw refused("the JWT " + what + " is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw refused("the JWT " + what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw refused("the JWT " + what + " is not base64url");
        }
    }

    static LanyardException refused(String reason) {
        return new LanyardException(Failure.DENIED, reason);
    }
}
