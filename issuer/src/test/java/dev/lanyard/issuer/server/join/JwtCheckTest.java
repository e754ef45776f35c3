package dev.lanyard.issuer.server.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtCheckTest {
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static TestIdp idp;
    static TestIdp stranger;
    static Jwks jwks;
    static JwtRule rule;

    @BeforeAll
    static void keys() throws Exception {
        idp = new TestIdp();
        stranger = new TestIdp();
        jwks = Jwks.parse(idp.jwks(), "jwks");
        rule = JwtRule.parse(Map.of("issuer", TestIdp.ISSUER, "audience", TestIdp.AUDIENCE, "jwks", idp.jwks(),
                "allow", List.of(Map.of("sub", TestIdp.SUBJECT), Map.of("sub", "system:serviceaccount:ns:sa"))),
                "spec.jwt");
    }

    @Test
    void goodRs256AndEs256Tokens() throws Exception {
        assertEquals(TestIdp.SUBJECT, JwtCheck.verify(idp.rs256(idp.claims(NOW)), rule, jwks, NOW).path("sub").asText());
        assertEquals(TestIdp.SUBJECT, JwtCheck.verify(idp.es256(idp.claims(NOW)), rule, jwks, NOW).path("sub").asText());
    }

    @Test
    void kubernetesStyleSubjectAndAudienceList() throws Exception {
        ObjectNode c = idp.claims(NOW).put("sub", "system:serviceaccount:ns:sa");
        c.putArray("aud").add("https://kubernetes.default.svc").add(TestIdp.AUDIENCE);
        JwtCheck.verify(idp.rs256(c), rule, jwks, NOW);
    }

    @Test
    void wrongAudience() throws Exception {
        refused(idp.rs256(idp.claims(NOW).put("aud", "sts.amazonaws.com")), "audience");
    }

    @Test
    void wrongIssuer() throws Exception {
        refused(idp.rs256(idp.claims(NOW).put("iss", "https://evil.example.com")), "issuer");
    }

    @Test
    void expired() throws Exception {
        refused(idp.rs256(idp.claims(NOW.minusSeconds(3600))), "expired");
    }

    @Test
    void notYetValid() throws Exception {
        refused(idp.rs256(idp.claims(NOW).put("nbf", NOW.plusSeconds(600).getEpochSecond())), "not valid before");
    }

    @Test
    void signedByAnUnknownKey() throws Exception {
        refused(stranger.rs256(idp.claims(NOW)), "not signed by a key");
        refused(stranger.es256(idp.claims(NOW)), "not signed by a key");
    }

    @Test
    void claimNotAllowed() throws Exception {
        refused(idp.rs256(idp.claims(NOW).put("sub", "repo:org/repo:ref:refs/heads/feature")), "no allow rule");
    }

    @Test
    void tamperedPayload() throws Exception {
        String t = idp.rs256(idp.claims(NOW));
        String[] p = t.split("\\.");
        String forged = TestIdp.b64(idp.claims(NOW).put("sub", "repo:org/other:ref:refs/heads/main").toString()
                .getBytes());
        refused(p[0] + "." + forged + "." + p[2], "not signed by a key");
    }

    @Test
    void algorithmNoneAndHmacAreRefused() throws Exception {
        String payload = TestIdp.b64(idp.claims(NOW).toString().getBytes());
        refused(TestIdp.b64("{\"alg\":\"none\"}".getBytes()) + "." + payload + ".", "algorithm 'none'");
        refused(TestIdp.b64("{\"alg\":\"HS256\"}".getBytes()) + "." + payload + ".AAAA", "algorithm 'HS256'");
    }

    @Test
    void garbage() {
        refused("not-a-jwt", "not a compact JWS");
        refused(null, "missing");
    }

    @Test
    void kubernetesServiceAccountShorthand() throws Exception {
        JwtRule k8s = JwtRule.parse(Map.of("issuer", TestIdp.ISSUER, "audience", TestIdp.AUDIENCE, "jwks", idp.jwks(),
                "allow", List.of(Map.of("service_account", "build:deployer"))), "join rule 'k8s'");
        ObjectNode c = idp.claims(NOW).put("sub", "system:serviceaccount:build:deployer");
        assertEquals("system:serviceaccount:build:deployer", JwtCheck.verify(idp.rs256(c), k8s, jwks, NOW)
                .path("sub").asText());
        for (String other : List.of("system:serviceaccount:build:other", "system:serviceaccount:prod:deployer",
                "build:deployer")) {
            LanyardException e = assertThrows(LanyardException.class,
                    () -> JwtCheck.verify(idp.rs256(idp.claims(NOW).put("sub", other)), k8s, jwks, NOW));
            assertTrue(e.getMessage().contains("no allow rule"), e.getMessage());
        }
    }

    @Test
    void ruleValidation() {
        LanyardException e = assertThrows(LanyardException.class, () -> JwtRule.parse(Map.of("issuer", "i",
                "audience", "a", "jwks_file", "/f", "allow", List.of()), "join rule 'r'"));
        assertTrue(e.getMessage().startsWith("join rule 'r': spec.jwt.allow: must list at least one rule"),
                e.getMessage());
        e = assertThrows(LanyardException.class, () -> JwtRule.parse(Map.of("issuer", "i", "audience", "a",
                "allow", List.of(Map.of("sub", "x"))), "join rule 'r'"));
        assertTrue(e.getMessage().contains("exactly one of jwks_file, jwks_url or jwks"), e.getMessage());
        e = assertThrows(LanyardException.class, () -> JwtRule.parse(Map.of("issuer", "i", "audience", "a",
                "jwks_url", "http://idp.example.com/jwks", "allow", List.of(Map.of("sub", "x"))), "join rule 'r'"));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertEquals("http://127.0.0.1:8080/jwks", JwtRule.parse(Map.of("issuer", "i", "audience", "a",
                "jwks_url", "http://127.0.0.1:8080/jwks", "allow", List.of(Map.of("sub", "x"))), "r").jwksUrl());
    }

    @Test
    void jwksWithoutUsableKeysIsRefused() {
        LanyardException e = assertThrows(LanyardException.class,
                () -> Jwks.parse("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}", "jwks"));
        assertTrue(e.getMessage().contains("no RSA or EC"), e.getMessage());
    }

    private static void refused(String token, String reason) {
        LanyardException e = assertThrows(LanyardException.class, () -> JwtCheck.verify(token, rule, jwks, NOW));
        assertEquals(Failure.DENIED, e.failure());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
