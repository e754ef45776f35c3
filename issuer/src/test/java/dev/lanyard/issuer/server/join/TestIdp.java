package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** A local identity provider for tests: an RSA and an EC key, their JWKS, and signed JWTs. */
final class TestIdp {
    static final String ISSUER = "https://token.actions.githubusercontent.com";
    static final String AUDIENCE = "lanyard";
    static final String SUBJECT = "repo:org/repo:ref:refs/heads/main";

    final KeyPair rsa;
    final KeyPair ec;
    private final ObjectMapper json = new ObjectMapper();

    TestIdp() throws Exception {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
    }

    String jwks() {
        ObjectNode root = json.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        RSAPublicKey rp = (RSAPublicKey) rsa.getPublic();
        keys.addObject().put("kty", "RSA").put("kid", "rsa-1").put("use", "sig").put("alg", "RS256")
                .put("n", b64(unsigned(rp.getModulus()))).put("e", b64(unsigned(rp.getPublicExponent())));
        ECPublicKey ep = (ECPublicKey) ec.getPublic();
        keys.addObject().put("kty", "EC").put("kid", "ec-1").put("crv", "P-256")
                .put("x", b64(fixed(ep.getW().getAffineX(), 32))).put("y", b64(fixed(ep.getW().getAffineY(), 32)));
        return root.toString();
    }

    /** Claims for a token valid at {@code now}, to be changed per test. */
    ObjectNode claims(Instant now) {
        return json.createObjectNode().put("iss", ISSUER).put("aud", AUDIENCE).put("sub", SUBJECT)
                .put("iat", now.getEpochSecond()).put("exp", now.plusSeconds(300).getEpochSecond());
    }

    String rs256(ObjectNode claims) throws Exception {
        return sign("RS256", "rsa-1", claims, rsa, "SHA256withRSA");
    }

    String es256(ObjectNode claims) throws Exception {
        return sign("ES256", "ec-1", claims, ec, "SHA256withECDSAinP1363Format");
    }

    String sign(String alg, String kid, ObjectNode claims, KeyPair key, String jca) throws Exception {
        ObjectNode header = json.createObjectNode().put("alg", alg).put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance(jca);
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    Map<String, Object> ruleMap(String jwksFile) {
        return Map.of("issuer", ISSUER, "audience", AUDIENCE, "jwks_file", jwksFile,
                "allow", java.util.List.of(Map.of("sub", SUBJECT)));
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger v, int len) {
        byte[] b = unsigned(v);
        byte[] out = new byte[len];
        System.arraycopy(b, 0, out, len - b.length, b.length);
        return out;
    }
}
