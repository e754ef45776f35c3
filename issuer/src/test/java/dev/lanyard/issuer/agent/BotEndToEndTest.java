package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.common.x509.SvidProfile;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.wire.BotAddRequest;
import dev.lanyard.issuer.cli.IssuerTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot against a real issuer (CAs, store, RBAC, audit) served over HTTPS with mTLS, started the way
 * the issuer's own tests start it ({@link IssuerTestResource}).
 */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class BotEndToEndTest {
    static final Caller ADMIN = new Caller(Caller.Type.ADMIN, "admin");
    static final String PATH = "/svc/example-service";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Issuer issuer;

    @TestHTTPResource(tls = true)
    URL url;

    @TempDir
    Path tmp;

    @Test
    void oneshotWithTheJourneysFlags() throws Exception {
        String token = bot("journey-bot");
        Path out = tmp.resolve("bot-svid");
        Path storage = tmp.resolve("bot-storage");
        String[] args = {"bot", "start", "--oneshot", "--proxy-server", address(), "--join-method", "token",
                "--token", token, "--ca-pin", issuer.status().caPin(), "--storage", storage.toString(),
                "--output-dir", out.toString(), "--svid-path", PATH};
        BotCli.Result r = cli(args);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().matches("(?s).*INFO renewed output=" + out + " spiffe_id=" + spiffeId() + " serial=[0-9a-f:]+ expires=\\S+Z\n.*"), r.toString());
        X509Certificate first = assertSvid(out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                storage.resolve(IdentityStore.FILE))));
        // again with the same (now used) token: the stored identity renews, the token is not needed
        BotCli.Result again = cli(args);
        assertEquals(0, again.code(), again.toString());
        assertNotEquals(first.getSerialNumber(), assertSvid(out).getSerialNumber());
        assertEquals(2, new IdentityStore(storage).load().orElseThrow().generation());
        // a fresh storage with the used token is refused, and nothing is written
        Path other = tmp.resolve("other-svid");
        BotCli.Result reused = cli("bot", "start", "--oneshot", "--proxy-server", address(), "--token", token,
                "--ca-pin", issuer.status().caPin(), "--storage", tmp.resolve("s2").toString(), "--output-dir",
                other.toString(), "--svid-path", PATH);
        assertEquals(Failure.DENIED.exitCode(), reused.code(), reused.toString());
        assertTrue(reused.err().contains("unknown join token"), reused.toString());
        assertTrue(!Files.exists(other.resolve("svid.pem")));
    }

    @Test
    void aWrongPinIsRefusedBeforeJoining() {
        String token = bot("pinned-bot");
        BotCli.Result r = cli("bot", "start", "--oneshot", "--proxy-server", address(), "--token", token,
                "--ca-pin", "sha256:" + "00".repeat(32), "--storage", tmp.resolve("s").toString(),
                "--output-dir", tmp.resolve("o").toString(), "--svid-path", PATH);
        assertEquals(Failure.UNTRUSTED.exitCode(), r.code(), r.toString());
        assertTrue(r.err().contains("CA pin"), r.toString());
    }

    @Test
    void anSvidPathTheBotsRolesDoNotAllowIsDenied() {
        String token = bot("narrow-bot");
        BotCli.Result r = cli("bot", "start", "--oneshot", "--proxy-server", address(), "--token", token,
                "--ca-pin", issuer.status().caPin(), "--storage", tmp.resolve("s").toString(),
                "--output-dir", tmp.resolve("o").toString(), "--svid-path", "/svc/not-allowed");
        assertEquals(Failure.DENIED.exitCode(), r.code(), r.toString());
        assertTrue(r.err().contains("bot:narrow-bot may not obtain"), r.toString());
    }

    /** The outage itself is {@link BotIssuerOutageIT}, against a real issuer process stopped and restarted. */
    @Test
    void aLostRenewalResponseDoesNotLockTheBotOut() throws Exception {
        String token = bot("daemon-bot");
        Path out = tmp.resolve("out");
        Path storage = tmp.resolve("storage");
        BotConfig config = new BotConfig(address(), JoinMethod.TOKEN, token, List.of(issuer.status().caPin()), null,
                storage, Duration.ofHours(1), Duration.ofMinutes(20), false, null,
                List.of(new OutputConfig(out, PATH, List.of(), List.of(), List.of(), null, null)));
        StringWriter log = new StringWriter();
        Renewer renewer = new Renewer(new Joiner(new IdentityStore(storage), Clock.systemUTC(), new SecureRandom()),
                new SvidFetcher(new SecureRandom()), Clock.systemUTC(), () -> 0,
                new RenewalSchedule(Duration.ofSeconds(1), Duration.ofSeconds(8)), new PrintWriter(log, true));
        renewer.configure(config);
        Instant next = renewer.runDue();
        assertEquals(null, renewer.lastFailure(), log.toString());
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(19))), "next renewal at the interval");
        X509Certificate first = assertSvid(out);
        try (DiagServer diag = DiagServer.start(new DiagAddress("127.0.0.1", 0), renewer::snapshot, Clock.systemUTC())) {
            assertEquals(200, get(diag, "/readyz").statusCode());
            assertTrue(get(diag, "/metrics").body().contains("lanyard_bot_renewals_total{output=\"" + out
                    + "\"} 1"));
        }

        // a renewal whose answer is lost: the bot still holds the previous identity
        Path identity = storage.resolve(IdentityStore.FILE);
        Path saved = Files.copy(identity, tmp.resolve("identity-before.json"));
        renewer.renewAllNow();
        renewer.runDue();
        Files.copy(saved, identity, StandardCopyOption.REPLACE_EXISTING);
        renewer.renewAllNow();
        renewer.runDue();
        assertEquals(null, renewer.lastFailure(), log.toString());
        assertNotEquals(first.getSerialNumber(), assertSvid(out).getSerialNumber());
        // join 1, lost answer 2, renewed again from 1 (tolerated): 3
        assertEquals(3, new IdentityStore(storage).load().orElseThrow().generation());
        // one more renewal makes the identity of generation 1 two steps old: a copy of it is refused
        renewer.renewAllNow();
        renewer.runDue();
        assertEquals(null, renewer.lastFailure(), log.toString());
        Files.copy(saved, identity, StandardCopyOption.REPLACE_EXISTING);
        String copied = Files.readString(identity);
        renewer.renewAllNow();
        renewer.runDue();
        assertTrue(log.toString().contains("another holder renewed it"), log.toString());
        assertEquals(copied, Files.readString(identity), "a refused identity is not replaced by a fresh join");
    }

    @Test
    void signalsRenewReloadAndStopARealBotProcess() throws Exception {
        String token = bot("signal-bot");
        Path config = tmp.resolve("bot.yaml");
        Path marker = tmp.resolve("reloaded");
        Files.writeString(config, yaml(token, tmp.resolve("out1"), marker));
        try (BotProcess bot = BotProcess.start(tmp, "bot", "start", "-c", config.toString())) {
            Pattern renewed1 = Pattern.compile("INFO renewed output=" + Pattern.quote(tmp.resolve("out1").toString())
                    + " .* serial=(\\S+)");
            String serial1 = bot.await(renewed1, 1, WAIT).group(1);
            bot.signal("USR1");
            String serial2 = bot.await(renewed1, 2, WAIT).group(1);
            assertNotEquals(serial1, serial2);
            Files.writeString(config, yaml(token, tmp.resolve("out2"), marker));
            bot.signal("HUP");
            bot.await(Pattern.compile("INFO renewed output=" + Pattern.quote(tmp.resolve("out2").toString())), 1, WAIT);
            assertSvid(tmp.resolve("out2"));
            bot.signal("TERM");
            assertEquals(0, bot.awaitExit(WAIT), bot.output());
            assertTrue(bot.output().contains("INFO stopping"), bot.output());
        }
        assertEquals(3, Files.readAllLines(marker).size(), "reload_command ran after each write");
    }

    @Test
    void jwtJoinReprovesAtEachRenewal() throws Exception {
        bot("ci-bot");
        TestJwts idp = new TestJwts();
        Path jwks = Files.writeString(tmp.resolve("jwks.json"), idp.jwks());
        Map<String, Object> jwt = Map.of("issuer", TestJwts.ISSUER, "audience", "lanyard", "jwks_file",
                jwks.toString(), "allow", List.of(Map.of("sub", TestJwts.SUBJECT)));
        issuer.store().putResource(Kind.TOKEN, "github-ci", new ObjectMapper().writeValueAsString(Map.of(
                "kind", "token", "version", "v2", "metadata", Map.of("name", "github-ci"),
                "spec", Map.of("roles", List.of("bot"), "bot_name", "ci-bot", "join_method", "jwt", "jwt", jwt))),
                true);
        Path jwtFile = Files.writeString(tmp.resolve("id-token"), idp.token(TestJwts.SUBJECT, "lanyard"));
        String[] args = {"bot", "start", "--oneshot", "--proxy-server", address(), "--join-method", "jwt",
                "--token", "github-ci", "--jwt-file", jwtFile.toString(), "--ca-pin", issuer.status().caPin(),
                "--storage", tmp.resolve("s").toString(), "--output-dir", tmp.resolve("o").toString(),
                "--svid-path", PATH};
        BotCli.Result r = cli(args);
        assertEquals(0, r.code(), r.toString());
        assertSvid(tmp.resolve("o"));
        Files.writeString(jwtFile, idp.token("repo:org/repo:ref:refs/heads/feature", "lanyard"));
        BotCli.Result refused = cli(args);
        assertEquals(Failure.DENIED.exitCode(), refused.code(), refused.toString());
        assertTrue(refused.err().contains("no allow rule"), refused.toString());
        Files.writeString(jwtFile, idp.token(TestJwts.SUBJECT, "sts.amazonaws.com"));
        assertTrue(cli(args).err().contains("audience"));
    }

    private String yaml(String token, Path out, Path marker) {
        return """
                proxy_server: %s
                onboarding:
                  join_method: token
                  token: %s
                  ca_pins: [%s]
                storage: {type: directory, path: %s}
                outputs:
                  - type: spiffe-svid
                    destination: {type: directory, path: %s}
                    svid: {path: %s}
                    reload_command: [sh, -c, "echo reloaded >> %s"]
                """.formatted(address(), token, issuer.status().caPin(), tmp.resolve("storage"), out, PATH, marker);
    }

    private X509Certificate assertSvid(Path out) throws Exception {
        byte[] certPem = Files.readAllBytes(out.resolve("svid.pem"));
        X509Certificate cert = Certificates.parseOne(certPem, "svid.pem");
        KeyMatch.require(PrivateKeys.parse(Files.readAllBytes(out.resolve("svid_key.pem")), "svid_key.pem"), cert,
                "svid_key.pem", "svid.pem");
        assertEquals(spiffeId(), SvidProfile.spiffeId(cert).toString());
        assertEquals(issuer.bundle(), Certificates.parseAll(Files.readAllBytes(out.resolve("svid_bundle.pem")),
                "bundle"));
        assertNotNull(issuer.bundle().get(0));
        return cert;
    }

    private String bot(String name) {
        String role = "role-" + name;
        issuer.resources().put(ADMIN, ResourceParser.parse(Map.of("kind", "role", "version", "v6",
                "metadata", Map.of("name", role),
                "spec", Map.of("allow", Map.of("spiffe", List.of(Map.of("path", PATH))))), "role"), true);
        return issuer.enroll().addBot(ADMIN, new BotAddRequest(name, List.of(role), null)).token();
    }

    private String spiffeId() {
        return issuer.trustDomain().idString() + PATH;
    }

    private String address() {
        return "127.0.0.1:" + url.getPort();
    }

    private static HttpResponse<String> get(DiagServer diag, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + diag.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static BotCli.Result cli(String... args) {
        return BotCli.capture(args);
    }
}
