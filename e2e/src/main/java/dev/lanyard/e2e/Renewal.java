package dev.lanyard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The journey's last step: {@code lanyard bot start} keeping an SVID fresh in the background (SIGUSR1
 * renews it now), and the signer following the renewed SVID, both as {@code credential_process} and
 * as {@code lanyard-signer serve} (a local IMDS endpoint). What the emulator saw is read from its
 * audit log: one JSON line per CreateSession, with the certificate serial.
 */
public final class Renewal implements AutoCloseable {
    static final Pattern RENEWED = Pattern.compile("INFO renewed output=\\S+ spiffe_id=\\S+ serial=([0-9a-fA-F:]+)");
    static final Pattern IMDS = Pattern.compile("export AWS_EC2_METADATA_SERVICE_ENDPOINT=(\\S+)");
    private static final Duration READY = Duration.ofSeconds(120);

    private final Journey journey;
    private final Tools tools;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private Service bot;
    private Service serve;
    private String imdsEndpoint;

    public Renewal(Journey journey) {
        this.journey = journey;
        this.tools = journey.tools();
        this.dir = journey.work().resolve("bot-renewing");
    }

    /** The bot, long-running, with the identity the one-shot run stored. Returns the serial of its first SVID. */
    public BigInteger startBot() {
        tools.heading("12. lanyard bot start: the bot keeps the SVID fresh in the background");
        Path work = journey.work();
        bot = tools.background("bot", tools.bin("lanyard").toString(), "bot", "start", "--proxy-server",
                journey.issuerAddress(), "--join-method", "token", "--token", journey.botToken(), "--ca-pin",
                journey.caPin(), "--storage", work.resolve("bot-storage").toString(), "--output-dir", dir.toString(),
                "--svid-path", Journey.SERVICE_PATH);
        return awaitRenewal();
    }

    /** SIGUSR1: the bot renews every output now. Returns the serial it logged. */
    public BigInteger renewNow() {
        tools.heading("13. The bot renews (kill -USR1: now, instead of waiting for the renewal interval)");
        tools.signal("USR1", bot.pid());
        return awaitRenewal();
    }

    /** The directory the bot keeps fresh. */
    public Path directory() {
        return dir;
    }

    /** The serial of the certificate now in svid.pem. */
    public BigInteger serialOnDisk() {
        try (InputStream in = Files.newInputStream(dir.resolve("svid.pem"))) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getSerialNumber();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new JourneyException(dir.resolve("svid.pem") + " is not a certificate: " + e.getMessage());
        }
    }

    /** {@code lanyard-signer serve} over the bot's files, and an {@code imds} profile in ~/.aws/config. */
    public String startServe() {
        tools.heading("12b. lanyard-signer serve: a local IMDS endpoint over the same SVID files");
        serve = tools.background("serve", tools.bin("lanyard-signer").toString(), "serve", "--port", "0",
                "--certificate", dir.resolve("svid.pem").toString(), "--private-key", dir.resolve("svid_key.pem").toString(),
                "--profile-arn", journey.profileArn(), "--trust-anchor-arn", journey.trustAnchorArn(),
                "--role-arn", journey.roleArn(), "--endpoint", journey.endpoint());
        imdsEndpoint = serve.awaitLine(IMDS, READY).group(1);
        tools.say("export AWS_EC2_METADATA_SERVICE_ENDPOINT=" + imdsEndpoint);
        String profile = "[profile imds]\nregion = us-east-1\n";
        try {
            Files.writeString(journey.work().resolve("home/.aws/config"), "\n" + profile, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tools.say(profile);
        return imdsEndpoint;
    }

    /** {@code aws sts get-caller-identity --profile imds} through the serve endpoint. Returns the ARN. */
    public String callerIdentityImds() {
        JsonNode id = parse(tools.aws(Map.of("AWS_EC2_METADATA_DISABLED", "false",
                        "AWS_EC2_METADATA_SERVICE_ENDPOINT", imdsEndpoint),
                "sts", "get-caller-identity", "--profile", "imds", "--endpoint-url", journey.endpoint()).requireOk().stdout());
        return id.path("Arn").asText();
    }

    /** The emulator's CreateSession audit lines, oldest first. */
    public List<JsonNode> audit() {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(journey.work().resolve("emulator/audit.log"))) {
                if (!line.isBlank()) {
                    lines.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** A serial as Roles Anywhere shows it: lower-case hex, the default role session name. */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /** The log of the serve process so far (for assertion messages). */
    public String serveLog() {
        return serve == null ? "" : serve.log();
    }

    @Override
    public void close() {
        if (serve != null) {
            serve.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    private BigInteger awaitRenewal() {
        String serial = bot.awaitLine(RENEWED, READY).group(1);
        tools.say(bot.log().lines().filter(l -> l.contains("INFO renewed")).reduce((a, b) -> b).orElse(""));
        return new BigInteger(serial.replace(":", ""), 16);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new JourneyException("expected JSON, got: " + text.strip());
        }
    }
}
