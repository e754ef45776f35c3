package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.KeyMatch;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.common.x509.SvidProfile;
import dev.lanyard.issuer.cli.IssuerTestResource;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.support.Run;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JWT join rules as an administrator writes them: {@code ctl create -f token.yaml} (JWKS from a URL
 * served by a local HTTP server, or from a file), {@code ctl get tokens --format yaml} printing what
 * {@code ctl create} accepts again, and a bot joining with a JWT; bad rules refused with one line and
 * exit code 3 before anything is sent.
 */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class JwtTokenResourceTest {
    static final String PATH = "/svc/ci-deploy";

    @TempDir
    Path tmp;

    @Test
    void ctlCreatesJwtRulesThatBotsJoinWith() throws Exception {
        TestJwts idp = new TestJwts();
        HttpServer jwks = serve(idp.jwks());
        try {
            String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks";
            Path jwksFile = Files.writeString(tmp.resolve("k8s-jwks.json"), idp.jwks());
            ok(admin("ctl", "create", "-f", file("role.yaml", """
                    kind: role
                    version: v6
                    metadata: {name: ci-deploy}
                    spec:
                      allow:
                        spiffe:
                          - path: %s
                    """.formatted(PATH)).toString()));
            Run.Result added = ok(admin("ctl", "bots", "add", "ci-runner", "--roles", "ci-deploy"));
            assertTrue(added.out().startsWith("Bot \"ci-runner\" has been created with roles [ci-deploy].\n"
                    + "Join token (one use, valid until "), added.out());
            assertTrue(ok(admin("ctl", "tokens", "add", "--type=bot", "--bot", "ci-runner")).out()
                    .startsWith("Join token for bot \"ci-runner\" (one use, valid until "));

            String tokens = """
                    kind: token
                    version: v2
                    metadata: {name: github-main}
                    spec:
                      roles: [bot]
                      bot_name: ci-runner
                      join_method: jwt
                      jwt:
                        issuer: %s
                        audience: lanyard
                        jwks_url: %s
                        allow:
                          - sub: "repo:org/repo:ref:refs/heads/main"
                          - repository: org/other
                            ref: refs/heads/release
                    ---
                    kind: token
                    version: v2
                    metadata: {name: k8s-deployer}
                    spec:
                      roles: [bot]
                      bot_name: ci-runner
                      join_method: jwt
                      jwt:
                        issuer: %s
                        audience: lanyard
                        jwks_file: %s
                        allow:
                          - service_account: "build:deployer"
                    """.formatted(TestJwts.ISSUER, url, TestJwts.ISSUER, jwksFile);
            assertEquals("token \"github-main\" has been created\ntoken \"k8s-deployer\" has been created\n",
                    ok(admin("ctl", "create", "-f", file("token.yaml", tokens).toString())).out());

            String printed = ok(admin("ctl", "get", "tokens", "--format", "yaml")).out();
            List<Resource> mine = ResourceParser.parseYaml(printed, "get tokens").stream()
                    .filter(r -> r.name().equals("github-main") || r.name().equals("k8s-deployer")).toList();
            assertEquals(ResourceParser.parseYaml(tokens, "token.yaml"), mine, printed);
            String one = ok(admin("ctl", "get", "token/github-main", "--format", "yaml")).out();
            assertEquals("token \"github-main\" has been saved\n",
                    ok(admin("ctl", "create", "--force", "-f", file("printed.yaml", one).toString())).out());

            Path jwt = Files.writeString(tmp.resolve("id-token"), idp.token(TestJwts.SUBJECT, "lanyard"));
            assertSvid(join("github-main", jwt, "o1"));
            Files.writeString(jwt, idp.token("repo:org/repo:ref:refs/heads/feature", "lanyard"));
            BotCli.Result refused = BotCli.capture(joinArgs("github-main", jwt, "o2"));
            assertEquals(Failure.DENIED.exitCode(), refused.code(), refused.toString());
            assertTrue(refused.err().contains("no allow rule of the join rule matches"), refused.toString());

            Files.writeString(jwt, idp.token("system:serviceaccount:build:deployer", "lanyard"));
            assertSvid(join("k8s-deployer", jwt, "o3"));
            Files.writeString(jwt, idp.token("system:serviceaccount:default:deployer", "lanyard"));
            assertEquals(Failure.DENIED.exitCode(), BotCli.capture(joinArgs("k8s-deployer", jwt, "o4")).code());
        } finally {
            jwks.stop(0);
        }
    }

    static Stream<Arguments> badRules() {
        return Stream.of(
                Arguments.of("missing audience", "issuer: i\n    jwks_file: /j\n    allow: [{sub: s}]",
                        "spec.jwt.audience: is required"),
                Arguments.of("both key sources", "issuer: i\n    audience: a\n    jwks_file: /j\n"
                        + "    jwks_url: https://idp/jwks\n    allow: [{sub: s}]",
                        "spec.jwt: give exactly one of jwks_file, jwks_url or jwks (got jwks_file and jwks_url)"),
                Arguments.of("no key source", "issuer: i\n    audience: a\n    allow: [{sub: s}]",
                        "spec.jwt: give exactly one of jwks_file, jwks_url or jwks"),
                Arguments.of("unknown claim", "issuer: i\n    audience: a\n    jwks_file: /j\n    allow: [{subject: s}]",
                        "spec.jwt.allow[0]: unknown claim 'subject'; known claims: "),
                Arguments.of("malformed URL", "issuer: i\n    audience: a\n    jwks_url: 'https://idp/a b'\n"
                        + "    allow: [{sub: s}]", "spec.jwt.jwks_url: 'https://idp/a b' is not a URL"),
                Arguments.of("plain http to another host", "issuer: i\n    audience: a\n"
                        + "    jwks_url: http://idp.example.com/jwks\n    allow: [{sub: s}]",
                        "spec.jwt.jwks_url: must be an https:// URL"),
                Arguments.of("relative JWKS file", "issuer: i\n    audience: a\n    jwks_file: jwks.json\n"
                        + "    allow: [{sub: s}]", "spec.jwt.jwks_file: 'jwks.json' must be an absolute path"),
                Arguments.of("no allow rule", "issuer: i\n    audience: a\n    jwks_file: /j\n    allow: []",
                        "spec.jwt.allow: must list at least one rule"),
                Arguments.of("bad service account", "issuer: i\n    audience: a\n    jwks_file: /j\n"
                        + "    allow: [{service_account: deployer}]",
                        "spec.jwt.allow[0].service_account: 'deployer' is not NAMESPACE:SERVICE_ACCOUNT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badRules(String name, String jwt, String message) throws Exception {
        Path f = file("bad.yaml", "kind: token\nversion: v2\nmetadata: {name: bad}\nspec:\n  roles: [bot]\n"
                + "  bot_name: ci-runner\n  join_method: jwt\n  jwt:\n    " + jwt + "\n");
        Run.Result r = admin("ctl", "create", "-f", f.toString());
        assertEquals(Failure.INVALID_INPUT.exitCode(), r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith("error: " + f + ": " + message), r.toString());
        assertEquals("", r.out());
    }

    private Path join(String rule, Path jwt, String out) {
        BotCli.Result r = BotCli.capture(joinArgs(rule, jwt, out));
        assertEquals(0, r.code(), r.toString());
        return tmp.resolve(out);
    }

    private String[] joinArgs(String rule, Path jwt, String out) {
        return new String[] {"bot", "start", "--oneshot", "--proxy-server", address(), "--join-method", "jwt",
                "--token", rule, "--jwt-file", jwt.toString(), "--ca-pin", caPin(), "--storage",
                tmp.resolve("storage-" + out).toString(), "--output-dir", tmp.resolve(out).toString(),
                "--svid-path", PATH};
    }

    private static void assertSvid(Path out) throws Exception {
        X509Certificate cert = Certificates.parseOne(Files.readAllBytes(out.resolve("svid.pem")), "svid.pem");
        KeyMatch.require(PrivateKeys.parse(Files.readAllBytes(out.resolve("svid_key.pem")), "key"), cert, "key", "cert");
        assertEquals("spiffe://example.test" + PATH, SvidProfile.spiffeId(cert).toString());
    }

    private static HttpServer serve(String body) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        s.createContext("/.well-known/jwks", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        s.start();
        return s;
    }

    private String caPin() {
        String json = ok(admin("ctl", "status", "--format", "json")).out();
        return json.replaceAll("(?s).*\"ca_pin\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String address() {
        try {
            return Files.readString(Path.of(dataDir(), "issuer.addr")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String dataDir() {
        return ConfigProvider.getConfig().getValue("lanyard.data-dir", String.class);
    }

    private Run.Result admin(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--data-dir", dataDir())).toArray(String[]::new);
        return new Run().env("HOME", tmp.toString()).cli(all);
    }

    private static Run.Result ok(Run.Result r) {
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }
}
