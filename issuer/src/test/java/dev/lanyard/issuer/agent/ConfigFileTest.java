package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    static final String PIN = "sha256:" + "ab".repeat(32);
    static final String GOOD = """
            version: v2
            proxy_server: issuer.example.com:3025
            onboarding:
              join_method: token
              token: abc123
              ca_pins: ["%s"]
            storage:
              type: directory
              path: /var/lib/lanyard/bot
            credential_ttl: 2h
            renewal_interval: 30m
            outputs:
              - type: spiffe-svid
                destination:
                  type: directory
                  path: /opt/roles-anywhere-svid
                svid:
                  path: /svc/example-service
                  sans: {dns: [svc.example.com], ip: [10.0.0.1]}
                reload_command: ["systemctl", "reload", "my-app"]
              - type: spiffe-svid
                destination: {path: /opt/other}
                svid: {path: /svc/other}
                credential_ttl: 4h
            """.formatted(PIN);

    @Test
    void readsATbotStyleConfiguration() {
        BotConfig c = ConfigFile.parse(GOOD, "bot.yaml");
        assertEquals("issuer.example.com:3025", c.proxyServer());
        assertEquals(JoinMethod.TOKEN, c.joinMethod());
        assertEquals("abc123", c.token());
        assertEquals(List.of(PIN), c.caPins());
        assertEquals(Path.of("/var/lib/lanyard/bot"), c.storage());
        assertEquals(Duration.ofHours(2), c.credentialTtl());
        assertEquals(Duration.ofMinutes(30), c.renewalInterval());
        assertEquals(2, c.outputs().size());
        OutputConfig o = c.outputs().get(0);
        assertEquals(Path.of("/opt/roles-anywhere-svid"), o.directory());
        assertEquals("/svc/example-service", o.svidPath());
        assertEquals(List.of("svc.example.com"), o.dnsSans());
        assertEquals(List.of("10.0.0.1"), o.ipSans());
        assertEquals(List.of("systemctl", "reload", "my-app"), o.reloadCommand());
        assertEquals(Duration.ofHours(4), c.ttl(c.outputs().get(1)));
        assertEquals(c.validate("bot.yaml", Failure.INVALID_INPUT), c);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key      | proxy_server: a:1\\nfoo: 1                               | bot.yaml:2: unknown key 'foo'
            unknown onboarding key     | onboarding:\\n  join_method: token\\n  tokn: x            | bot.yaml:3: onboarding: unknown key 'tokn'
            unknown output key         | outputs:\\n  - type: spiffe-svid\\n    dest: {}          | bot.yaml:3: outputs[0]: unknown key 'dest'
            unknown join method        | onboarding:\\n  join_method: iam                        | bot.yaml:2: onboarding.join_method: unknown join method 'iam'
            bad pin                    | onboarding:\\n  ca_pins: [abc]                          | bot.yaml:2: onboarding.ca_pins[0]: 'abc' is not a CA pin
            bad duration               | renewal_interval: soon                                 | bot.yaml:1: renewal_interval: invalid duration 'soon'
            bad output type            | outputs:\\n  - type: ssh-host                           | bot.yaml:2: outputs[0].type: unsupported output type 'ssh-host'
            bad svid path              | outputs:\\n  - type: spiffe-svid\\n    destination: {path: /o}\\n    svid: {path: svc}  | bot.yaml:4: outputs[0].svid.path: 'svc' is not a SPIFFE path
            bad ip san                 | outputs:\\n  - type: spiffe-svid\\n    destination: {path: /o}\\n    svid: {path: /a, sans: {ip: [nope]}} | bot.yaml:4: outputs[0].svid.sans.ip[0]: 'nope' is not an IP address
            missing destination path   | outputs:\\n  - type: spiffe-svid\\n    destination: {type: directory}\\n    svid: {path: /a} | bot.yaml:3: outputs[0].destination: path is required
            not a mapping              | - a\\n- b                                               | bot.yaml:1: must be a mapping
            malformed yaml             | a: [1, 2                                               | malformed YAML
            oneshot not boolean        | oneshot: maybe                                         | bot.yaml:1: oneshot: must be true or false
            proxy and auth server      | proxy_server: a:1\\nauth_server: b:2                    | bot.yaml:2: auth_server: give proxy_server or auth_server, not both
            both TTL names             | credential_ttl: 1h\\ncertificate_ttl: 1h               | bot.yaml:2: certificate_ttl: certificate_ttl is the old name of credential_ttl
            ca_path instead of pins    | onboarding:\\n  ca_path: /ca.pem                        | bot.yaml:2: onboarding.ca_path: not supported; pin the CA with ca_pins
            empty reload command       | outputs:\\n  - type: spiffe-svid\\n    destination: {path: /o}\\n    svid: {path: /a}\\n    reload_command: [] | bot.yaml:5: outputs[0].reload_command: must name a program
            """)
    void refusesWithLineAndReason(String name, String yaml, String expected) {
        LanyardException e = assertThrows(LanyardException.class,
                () -> ConfigFile.parse(yaml.replace("\\n", "\n"), "bot.yaml"));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ttl above 24h               | credential_ttl: 25h             | credential_ttl 25h is above the maximum of 24h
            interval not below ttl      | renewal_interval: 1h            | renewal_interval must be below credential_ttl
            no proxy                    | proxy_server: ~                 | proxy_server (or --proxy-server HOST:PORT) is required
            """)
    void refusesInconsistentSettings(String name, String override, String expected) {
        String yaml = GOOD.replace("credential_ttl: 2h\nrenewal_interval: 30m\n", "")
                .replace("proxy_server: issuer.example.com:3025\n", "");
        String extra = override.startsWith("proxy_server") ? "" : "proxy_server: issuer.example.com:3025\n";
        BotConfig c = ConfigFile.parse(extra + override.replace("proxy_server: ~", "") + "\n" + yaml, "bot.yaml");
        BotConfig filled = new BotConfig(c.proxyServer(), c.joinMethod(), c.token(), c.caPins(), c.jwtFile(),
                c.storage(), c.credentialTtl() == null ? BotConfig.DEFAULT_TTL : c.credentialTtl(),
                c.renewalInterval() == null ? BotConfig.DEFAULT_RENEWAL : c.renewalInterval(), false, null,
                c.outputs());
        LanyardException e = assertThrows(LanyardException.class,
                () -> filled.validate("bot.yaml", Failure.INVALID_INPUT));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void authServerAndCertificateTtlAreTbotsOtherNames() {
        BotConfig c = ConfigFile.parse("auth_server: issuer.example.com:3025\ncertificate_ttl: 3h\n", "bot.yaml");
        assertEquals("issuer.example.com:3025", c.proxyServer());
        assertEquals(Duration.ofHours(3), c.credentialTtl());
    }

    @Test
    void flagsOverrideTheFileAndAddAnOutput(@TempDir Path tmp) throws Exception {
        ConfigFlags f = new ConfigFlags();
        f.config = Files.writeString(tmp.resolve("bot.yaml"), GOOD);
        f.proxyServer = "127.0.0.1:8443";
        f.renewalInterval = "5m";
        f.oneshot = true;
        f.outputDir = Path.of("/opt/extra");
        f.svidPath = "/svc/extra";
        BotConfig c = f.resolve();
        assertEquals("127.0.0.1:8443", c.proxyServer());
        assertEquals(Duration.ofMinutes(5), c.renewalInterval());
        assertEquals(Duration.ofHours(2), c.credentialTtl(), "from the file");
        assertTrue(c.oneshot());
        assertEquals(List.of(Path.of("/opt/roles-anywhere-svid"), Path.of("/opt/other"), Path.of("/opt/extra")),
                c.outputs().stream().map(OutputConfig::directory).toList());
    }

    @Test
    void theJwtMethodNeedsAJwtFileAndARuleName(@TempDir Path tmp) throws Exception {
        ConfigFlags f = new ConfigFlags();
        f.config = Files.writeString(tmp.resolve("bot.yaml"), GOOD.replace("join_method: token", "join_method: jwt"));
        LanyardException e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(f.config + ": onboarding.jwt_file (or --jwt-file FILE) is required for the jwt join method",
                e.getMessage());
        f.jwtFile = Path.of("/var/run/secrets/tokens/lanyard");
        assertEquals(JoinMethod.JWT, f.resolve().joinMethod());
    }

    @Test
    void flagsAloneMakeAConfiguration() {
        ConfigFlags f = new ConfigFlags();
        f.proxyServer = "127.0.0.1:8443";
        f.token = "t";
        f.caPins = List.of(PIN.toUpperCase().replace("SHA256", "sha256"));
        f.storage = Path.of("/s");
        f.outputDir = Path.of("/o");
        f.svidPath = "/svc/example-service";
        BotConfig c = f.resolve();
        assertEquals(JoinMethod.TOKEN, c.joinMethod());
        assertEquals(List.of(PIN), c.caPins());
        assertEquals(BotConfig.DEFAULT_TTL, c.credentialTtl());
        assertEquals(BotConfig.DEFAULT_RENEWAL, c.renewalInterval());
        assertEquals(1, c.outputs().size());
    }

    @Test
    void missingFlagsAreAUsageErrorAndAMissingFileAFileError() {
        ConfigFlags f = new ConfigFlags();
        LanyardException e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.USAGE, e.failure());
        assertEquals("bot start: proxy_server (or --proxy-server HOST:PORT) is required", e.getMessage());
        f.config = Path.of("/nonexistent/bot.yaml");
        e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.FILE, e.failure());
        assertTrue(e.getMessage().startsWith("/nonexistent/bot.yaml: cannot read the configuration"), e.getMessage());
        f.config = null;
        f.outputDir = Path.of("/o");
        e = assertThrows(LanyardException.class, f::resolve);
        assertEquals("give --output-dir and --svid-path together", e.getMessage());
    }

    @Test
    void sanFlagsWithoutAnOutputFromFlagsAreAUsageErrorNotIgnored() {
        ConfigFlags f = new ConfigFlags();
        f.proxyServer = "127.0.0.1:3025";
        f.dnsSans.add("api.example.com");
        LanyardException e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.USAGE, e.failure());
        assertTrue(e.getMessage().startsWith("--dns-san and --ip-san apply to the output given by --output-dir"),
                e.getMessage());
    }
}
