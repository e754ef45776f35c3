package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.issuer.resource.JwtJoinSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The JWT join decision: signature by a key of the rule's JWKS ({@link Jws}), then issuer, audience,
 * time ({@code exp} required; {@code nbf} and {@code iat} honoured with a small leeway for clock
 * skew), then the allow rules ({@code service_account: NS:NAME} matches the Kubernetes subject
 * {@code system:serviceaccount:NS:NAME}). Each refusal names the one check that failed; the JWT itself is never
 * echoed.
 */
final class JwtCheck {
    static final Duration LEEWAY = Duration.ofSeconds(30);
    /** A Kubernetes service-account token's subject; {@code service_account: NS:NAME} matches it plus NS:NAME. */
    static final String KUBERNETES_SUBJECT = "system:serviceaccount:";

    private JwtCheck() {
    }

    /** Returns the verified claims, or throws {@code DENIED} with the reason. */
    static JsonNode verify(String token, JwtRule rule, Jwks keys, Instant now) {
        JsonNode c = Jws.verify(token, keys).claims();
        String iss = c.path("iss").asText(null);
        if (!rule.issuer().equals(iss)) {
            throw Jws.refused("JWT issuer '" + iss + "' is not the join rule's issuer '" + rule.issuer() + "'");
        }
        if (!audienceMatches(c.path("aud"), rule.audience())) {
            throw Jws.refused("JWT audience " + c.path("aud") + " does not include '" + rule.audience() + "'");
        }
        if (!c.path("exp").isNumber()) {
            throw Jws.refused("the JWT has no exp claim");
        }
        Instant exp = Instant.ofEpochSecond(c.path("exp").asLong());
        if (!now.isBefore(exp.plus(LEEWAY))) {
            throw Jws.refused("the JWT expired at " + exp);
        }
        if (c.path("nbf").isNumber() && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(c.path("nbf").asLong()))) {
            throw Jws.refused("the JWT is not valid before " + Instant.ofEpochSecond(c.path("nbf").asLong()));
        }
        if (c.path("iat").isNumber() && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(c.path("iat").asLong()))) {
            throw Jws.refused("the JWT was issued in the future (iat " + Instant.ofEpochSecond(c.path("iat").asLong())
                    + ")");
        }
        for (Map<String, String> allow : rule.allow()) {
            if (matches(c, allow)) {
                return c;
            }
        }
        throw Jws.refused("no allow rule of the join rule matches the JWT's claims (sub '"
                + c.path("sub").asText("") + "')");
    }

    private static boolean audienceMatches(JsonNode aud, String expected) {
        if (aud.isTextual()) {
            return aud.asText().equals(expected);
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual() && a.asText().equals(expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(JsonNode claims, Map<String, String> rule) {
        for (Map.Entry<String, String> e : rule.entrySet()) {
            boolean k8s = e.getKey().equals(JwtJoinSpec.SERVICE_ACCOUNT);
            JsonNode v = claims.get(k8s ? "sub" : e.getKey());
            String wanted = k8s ? KUBERNETES_SUBJECT + e.getValue() : e.getValue();
            if (v == null || !v.isValueNode() || !v.asText().equals(wanted)) {
                return false;
            }
        }
        return true;
    }
}
