package dev.lanyard.issuer.server.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A join rule's {@code jwks_file} that is not a usable JWKS is the issuer operator's problem, not the
 * bot's input: the join is refused as unavailable (exit 10 at the bot), naming the file and what to fix,
 * and audited; the file is read again at the next join, so fixing it is enough.
 */
class JwksFileTest {
    @TempDir
    Path tmp;
    final MutableClock clock = new MutableClock(Instant.now());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON          | {"keys": [          | not JSON
            no keys array     | {"kty": "RSA"}      | not a JWKS: no "keys" array
            no signing key    | {"keys": []}        | no RSA or EC (P-256, P-384) signing key
            """)
    void aMalformedFileIsUnavailableNotInvalidInput(String name, String content, String problem) throws Exception {
        Path file = Files.writeString(tmp.resolve("jwks.json"), content);
        LanyardException e = assertThrows(LanyardException.class,
                () -> new JwksSource(clock).load(rule(file), null));
        assertEquals(Failure.UNAVAILABLE, e.failure());
        assertEquals(10, e.failure().exitCode());
        assertEquals("the join rule's JWKS file " + file + " is malformed (" + problem + "); the issuer's operator"
                + " must fix it: a JWKS document {\"keys\": [...]} with an RSA or EC (P-256, P-384) signing key",
                e.getMessage());
    }

    @Test
    void theJoinIsRefusedAuditedAndWorksOnceTheFileIsFixed() throws Exception {
        TestIdp idp = new TestIdp();
        Path file = Files.writeString(tmp.resolve("jwks.json"), "{\"keys\": [");
        Issuer issuer = TestIssuer.open(tmp.resolve("issuer"), clock);
        try (issuer) {
            TestIssuer.botWithRole(issuer, "ci-bot", "/svc/ci");
            storeRule(issuer, "file-ci", file);
            BotJoinService service = new BotJoinService(issuer);
            String jwt = idp.rs256(idp.claims(clock.instant()));

            LanyardException e = assertThrows(LanyardException.class, () -> service.join(request(jwt)));
            assertEquals(Failure.UNAVAILABLE, e.failure());
            assertTrue(e.getMessage().startsWith("the join rule's JWKS file " + file + " is malformed (not JSON)"),
                    e.getMessage());
            AuditEvent failed = issuer.store().audit(Instant.EPOCH, null, 1000).stream()
                    .filter(a -> a.type().equals(AuditEvent.BOT_JOIN_FAILED)).findFirst().orElseThrow();
            assertEquals(e.getMessage(), failed.toMap().get("reason"), failed.toMap().toString());

            Files.writeString(file, idp.jwks());
            assertEquals("ci-bot", service.join(request(jwt)).bot(), "the fixed file is read at the next join");
        }
    }

    private static BotJoinRequest request(String jwt) throws Exception {
        return new BotJoinRequest("jwt", "file-ci", jwt, null, BotJoinServiceTest.pem(BotJoinServiceTest.key()), null);
    }

    private static JwtRule rule(Path file) {
        return JwtRule.parse(Map.of("issuer", TestIdp.ISSUER, "audience", TestIdp.AUDIENCE, "jwks_file",
                file.toString(), "allow", List.of(Map.of("sub", TestIdp.SUBJECT))), "join rule 'test'");
    }

    private static void storeRule(Issuer issuer, String name, Path file) throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("roles", List.of("bot"));
        spec.put("bot_name", "ci-bot");
        spec.put("join_method", "jwt");
        spec.put("jwt", Map.of("issuer", TestIdp.ISSUER, "audience", TestIdp.AUDIENCE, "jwks_file", file.toString(),
                "allow", List.of(Map.of("sub", TestIdp.SUBJECT))));
        issuer.store().putResource(Kind.TOKEN, name, new ObjectMapper().writeValueAsString(Map.of("kind", "token",
                "version", "v2", "metadata", Map.of("name", name), "spec", spec)), false);
    }
}
