package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.wire.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of {@code bot start}. A flag overrides the same setting in {@code bot.yaml};
 * {@code --output-dir} with {@code --svid-path} adds one {@code spiffe-svid} output to those of the file.
 */
final class ConfigFlags {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "bot.yaml (tbot-style keys).")
    Path config;

    @Option(names = {"--proxy-server", "--auth-server"}, paramLabel = "HOST:PORT", description = "The issuer.")
    String proxyServer;

    @Option(names = "--join-method", paramLabel = "token|jwt", description = "How to join (default token).")
    String joinMethod;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "One-time join token (token), or the join rule's name (jwt).")
    String token;

    @Option(names = "--ca-pin", paramLabel = "sha256:HEX", description = "CA pin from lanyard ctl status (repeatable).")
    List<String> caPins = new ArrayList<>();

    @Option(names = "--jwt-file", paramLabel = "FILE", description = "File holding the JWT to present (jwt method).")
    Path jwtFile;

    @Option(names = "--storage", paramLabel = "DIR", description = "Directory for the bot's own identity.")
    Path storage;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Directory for svid.pem, svid_key.pem, "
            + "svid_bundle.pem.")
    Path outputDir;

    @Option(names = "--svid-path", paramLabel = "PATH", description = "SPIFFE path of the output, e.g. /svc/app.")
    String svidPath;

    @Option(names = "--dns-san", paramLabel = "NAME", description = "DNS SAN for the output (repeatable).")
    List<String> dnsSans = new ArrayList<>();

    @Option(names = "--ip-san", paramLabel = "IP", description = "IP SAN for the output (repeatable).")
    List<String> ipSans = new ArrayList<>();

    @Option(names = "--credential-ttl", paramLabel = "DURATION", description = "SVID TTL (default 1h, max 24h).")
    String credentialTtl;

    @Option(names = "--renewal-interval", paramLabel = "DURATION", description = "Renewal interval (default 20m).")
    String renewalInterval;

    @Option(names = "--oneshot", description = "Join, write every output once, exit.")
    boolean oneshot;

    @Option(names = "--diag-addr", paramLabel = "HOST:PORT", description = "Serve /livez, /readyz, /metrics.")
    String diagAddr;

    /** The configuration: the file (if any, read now) with the flags on top, defaults filled, checked. */
    BotConfig resolve() {
        BotConfig f = config != null ? ConfigFile.read(config)
                : new BotConfig(null, null, null, List.of(), null, null, null, null, false, null, List.of());
        String source = config != null ? config.toString() : "bot start";
        List<String> pins = new ArrayList<>(f.caPins());
        for (String p : caPins) {
            pins.add(Values.pin(p, "--ca-pin"));
        }
        List<OutputConfig> outputs = new ArrayList<>(f.outputs());
        if ((outputDir == null) != (svidPath == null)) {
            throw new LanyardException(Failure.USAGE,
                    "give --output-dir and --svid-path together");
        }
        if (outputDir == null && (!dnsSans.isEmpty() || !ipSans.isEmpty())) {
            throw new LanyardException(Failure.USAGE, "--dns-san and --ip-san apply to the output given by "
                    + "--output-dir and --svid-path; give those too, or put the SANs under svid.sans in the config");
        }
        if (outputDir != null) {
            outputs.add(new OutputConfig(outputDir, Values.svidPath(svidPath, "--svid-path"),
                    Values.dnsNames(dnsSans, "--dns-san"), Values.ips(ipSans, "--ip-san"), List.of(), null, null));
        }
        JoinMethod method = joinMethod != null ? JoinMethod.parse(joinMethod, "--join-method")
                : f.joinMethod() != null ? f.joinMethod() : BotConfig.DEFAULT_JOIN_METHOD;
        Duration ttl = credentialTtl != null ? Durations.parse(credentialTtl, "--credential-ttl")
                : f.credentialTtl() != null ? f.credentialTtl() : BotConfig.DEFAULT_TTL;
        Duration interval = renewalInterval != null ? Durations.parse(renewalInterval, "--renewal-interval")
                : f.renewalInterval() != null ? f.renewalInterval() : BotConfig.DEFAULT_RENEWAL;
        DiagAddress diag = diagAddr != null ? DiagAddress.parse(diagAddr, "--diag-addr", Failure.USAGE) : f.diagAddr();
        return new BotConfig(proxyServer != null ? proxyServer : f.proxyServer(), method,
                token != null ? token : f.token(), pins.stream().distinct().toList(),
                jwtFile != null ? jwtFile : f.jwtFile(), storage != null ? storage : f.storage(), ttl, interval,
                oneshot || f.oneshot(), diag, outputs)
                .validate(source, config != null ? Failure.INVALID_INPUT : Failure.USAGE);
    }
}
