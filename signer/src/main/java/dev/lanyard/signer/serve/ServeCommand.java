package dev.lanyard.signer.serve;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.signer.cli.SignerContext;
import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.refresh.CommandRuntime;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.refresh.SessionCredentialSource;
import dev.lanyard.signer.refresh.SourceOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: a local IMDSv2-compatible endpoint (or, with {@code --container}, an ECS-style one)
 * serving credentials refreshed in the background. Fails fast if the first CreateSession fails.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves refreshing credentials on a local IMDSv2 (or container) endpoint.")
public final class ServeCommand implements Runnable {
    private final SignerContext ctx;

    @Mixin
    SourceOptions source;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9911",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--hop-limit", paramLabel = "N", defaultValue = "64",
            description = "IP TTL / hop limit of responses, 1 to 255; 1 keeps them on this host (default: ${DEFAULT-VALUE}).")
    int hopLimit;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); a non-loopback address needs --hop-limit 1 or --container.")
    String bind;

    @Option(names = "--container", description = "Serve the ECS-style container endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI) instead of IMDS.")
    boolean container;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "With --container: where the per-start authorization token is written (0600); it is never printed.")
    Path tokenFile;

    public ServeCommand() {
        this(CommandRuntime.system());
    }

    public ServeCommand(SignerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ServeSettings settings = settings();
        Consumer<String> log = CommandRuntime.log(ctx);
        SessionCredentialSource real = new SessionCredentialSource(source.parameters(ctx.env()), source.keyFiles(),
                ctx.env(), ctx.clock(), ctx.sleeper(), CommandRuntime.debug(ctx, source.debug()), CommandRuntime.userAgent());
        RefreshingCredentials credentials = new RefreshingCredentials(real, ctx.clock(), RefreshPolicy.DEFAULT, log);
        CredentialServer server;
        try {
            credentials.start();
            warnAboutCertificate(log);
            server = open(settings, credentials, log);
        } catch (RuntimeException e) {
            credentials.close();
            real.close();
            throw e;
        }
        credentials.startBackground();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            credentials.close();
            real.close();
            stopped.countDown();
        }, "lanyard-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CredentialServer open(ServeSettings s, RefreshingCredentials credentials, Consumer<String> log) {
        SecureRandom random = new SecureRandom();
        if (s.container()) {
            String token = CredentialServer.newToken(random);
            AtomicFiles.write(s.tokenFile(), token, AtomicFiles.PRIVATE);
            CredentialServer server = CredentialServer.container(credentials, token, s.bind(), s.port(), s.hopLimit());
            log.accept("Local server started on port: " + server.port());
            ctx.out().println("export AWS_CONTAINER_CREDENTIALS_FULL_URI=" + server.url());
            ctx.out().println("export AWS_CONTAINER_AUTHORIZATION_TOKEN=\"$(cat " + s.tokenFile().toAbsolutePath() + ")\"");
            ctx.out().flush();
            return server;
        }
        CredentialServer server = CredentialServer.imds(credentials, source.roleName(), s.bind(), s.port(), s.hopLimit(),
                ctx.clock(), random);
        log.accept("Local server started on port: " + server.port());
        ctx.out().println("export AWS_EC2_METADATA_SERVICE_ENDPOINT=" + server.url());
        ctx.out().flush();
        return server;
    }

    /** As the fixed reference helper does: say when the certificate expires, and warn if that is soon. */
    void warnAboutCertificate(Consumer<String> log) {
        KeyMaterial m = source.keyFiles().read(ctx.env());
        X509Certificate leaf = Certificates.parseOne(m.certificate(), m.certificateSource());
        Instant notAfter = leaf.getNotAfter().toInstant();
        Duration left = Duration.between(ctx.clock().instant(), notAfter);
        log.accept((left.compareTo(Duration.ofHours(1)) < 0 ? "warning: " : "") + "certificate " + m.certificateSource()
                + " is valid until " + notAfter + "; renew it before then (it is re-read at each refresh)");
    }

    ServeSettings settings() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new LanyardException(Failure.USAGE, "--bind " + bind + " is not an address of this host; use an IP address");
        }
        return ServeSettings.check(address, port, hopLimit, container, tokenFile);
    }
}
