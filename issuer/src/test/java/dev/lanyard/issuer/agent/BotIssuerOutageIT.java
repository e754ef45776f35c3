package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.issuer.server.ca.Serials;
import dev.lanyard.issuer.support.Run;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot against a real issuer process (both from {@code quarkus-run.jar}, as
 * {@code bin/lanyard bot start} and {@code bin/lanyard issuer start} run them) that is stopped with SIGTERM and started again on the same port and data dir: the last
 * valid SVID stays on disk, {@code /readyz} and {@code /metrics} report the failures and the backoff,
 * and the running bot renews by itself once the issuer is back. An integration test: it needs the
 * package phase ({@code mvn -pl issuer verify}).
 */
class BotIssuerOutageIT {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    static final Duration WAIT = Duration.ofSeconds(120);
    static final String PATH = "/svc/example-service";
    static final Pattern READY = Pattern.compile("lanyard issuer ready: cluster a\\.test, listening on https://");

    @TempDir
    Path tmp;

    @Test
    void theLastSvidStaysWhileTheIssuerIsDownAndTheBotRenewsWhenItIsBack() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: this test runs after the package phase "
                + "(mvn -pl issuer verify, or mvn -pl issuer package -DskipTests first)");
        Path data = tmp.resolve("data");
        int port = freePort();
        BotProcess issuer = startIssuer(data, port, "--cluster", "a.test");
        try (BotProcess bot = startBot(data, port)) {
            Pattern renewed = Pattern.compile("INFO renewed output=" + Pattern.quote(tmp.resolve("out").toString())
                    + " spiffe_id=spiffe://a\\.test" + PATH + " serial=(\\S+)");
            String serial1 = bot.await(renewed, 1, WAIT).group(1);
            assertEquals(serial1, svidSerial());
            int diag = Integer.parseInt(bot.await(Pattern.compile("INFO diagnostics on http://127\\.0\\.0\\.1:(\\d+)"),
                    1, WAIT).group(1));
            assertEquals(200, get(diag, "/readyz").statusCode());

            issuer.signal("TERM");
            issuer.awaitExit(WAIT);
            bot.signal("USR1");
            Pattern failed = Pattern.compile("WARN renewal failed output=.*\\(failure (\\d+) in a row; next attempt in "
                    + "(\\S+) at .*; keeping the current SVID, valid until ");
            for (int n = 1; n <= 3; n++) {
                var m = bot.await(failed, n, WAIT);
                assertEquals(List.of(Integer.toString(n), List.of("1s", "2s", "4s").get(n - 1)),
                        List.of(m.group(1), m.group(2)), "exponential backoff: " + m.group());
            }
            assertEquals(serial1, svidSerial(), "the last valid SVID stays in place");
            HttpResponse<String> ready = get(diag, "/readyz");
            assertEquals(200, ready.statusCode(), "the SVID is still valid: still ready");
            assertTrue(ready.body().matches("(?s)ok\noutput " + Pattern.quote(tmp.resolve("out").toString())
                    + ": SVID valid until \\S+, [3-9] failed renewals in a row, next attempt in \\d+s\n"), ready.body());
            String metrics = get(diag, "/metrics").body();
            assertTrue(metrics.matches("(?s).*\nlanyard_bot_renewal_failures_in_a_row\\{output=\"[^\"]+\"} [3-9]\n.*"),
                    metrics);
            assertTrue(metrics.matches("(?s).*\nlanyard_bot_renewal_failures_total\\{output=\"[^\"]+\"} [3-9]\n.*"),
                    metrics);
            assertTrue(metrics.contains("\nlanyard_bot_ready 1\n"), metrics);

            issuer = startIssuer(data, port);
            String serial2 = bot.await(renewed, 2, WAIT).group(1);
            assertNotEquals(serial1, serial2, "renewed without restarting the bot");
            assertEquals(serial2, svidSerial());
            assertEquals("ok\n", get(diag, "/readyz").body());
            assertTrue(get(diag, "/metrics").body().contains("lanyard_bot_renewal_failures_in_a_row{output=\""
                    + tmp.resolve("out") + "\"} 0\n"));

            bot.signal("TERM");
            assertEquals(0, bot.awaitExit(WAIT), bot.output());
        } finally {
            if (issuer.alive()) {
                issuer.signal("TERM");
                issuer.awaitExit(WAIT);
            }
            issuer.close();
        }
    }

    private BotProcess startIssuer(Path data, int port, String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(BotProcess.java(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "issuer", "start", "--data-dir", data.toString(),
                "--listen", "127.0.0.1:" + port));
        cmd.addAll(List.of(extra));
        BotProcess p = BotProcess.launch(tmp, cmd);
        p.await(READY, 1, WAIT);
        return p;
    }

    private BotProcess startBot(Path data, int port) throws Exception {
        ok(admin(data, "ctl", "create", "-f", Files.writeString(tmp.resolve("role.yaml"), """
                kind: role
                version: v6
                metadata: {name: svc}
                spec: {allow: {spiffe: [{path: %s}]}}
                """.formatted(PATH)).toString()));
        String token = ok(admin(data, "ctl", "bots", "add", "outage-bot", "--roles", "svc", "--format", "json")).out()
                .replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();
        String pin = ok(admin(data, "ctl", "status", "--format", "json")).out()
                .replaceAll("(?s).*\"ca_pin\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();
        Path config = Files.writeString(tmp.resolve("bot.yaml"), """
                auth_server: 127.0.0.1:%d
                onboarding: {join_method: token, token: %s, ca_pins: [%s]}
                storage: %s
                diag_addr: 127.0.0.1:0
                outputs:
                  - type: spiffe-svid
                    destination: {type: directory, path: %s}
                    svid: {path: %s}
                """.formatted(port, token, pin, tmp.resolve("storage"), tmp.resolve("out"), PATH));
        return BotProcess.launch(tmp, List.of(BotProcess.java(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-jar", JAR.toString(), "bot", "start", "-c", config.toString()));
    }

    private String svidSerial() throws Exception {
        Path out = tmp.resolve("out");
        X509Certificate cert = Certificates.parseOne(Files.readAllBytes(out.resolve("svid.pem")), "svid.pem");
        KeyMatch.require(PrivateKeys.parse(Files.readAllBytes(out.resolve("svid_key.pem")), "key"), cert, "key", "cert");
        return Serials.hex(cert.getSerialNumber());
    }

    private Run.Result admin(Path data, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", data.toString())).toArray(String[]::new);
        return new Run().env("HOME", tmp.toString()).cli(all);
    }

    private static Run.Result ok(Run.Result r) {
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
