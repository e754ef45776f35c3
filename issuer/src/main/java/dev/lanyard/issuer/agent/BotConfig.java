package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.wire.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The bot's whole configuration, from {@code bot.yaml} ({@link ConfigFile}) and/or flags
 * ({@link ConfigFlags}). {@code token} is the join token for {@code token}, and the name of the
 * join rule (the token resource) for {@code jwt}; {@code jwtFile} is where the JWT is read from at each
 * join and renewal (a CI OIDC token file or a Kubernetes projected service-account token).
 */
record BotConfig(String proxyServer, JoinMethod joinMethod, String token, List<String> caPins, Path jwtFile,
                 Path storage, Duration credentialTtl, Duration renewalInterval, boolean oneshot, DiagAddress diagAddr,
                 List<OutputConfig> outputs) {
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    static final Duration MAX_TTL = Duration.ofHours(24);
    static final Duration DEFAULT_RENEWAL = Duration.ofMinutes(20);
    /** The join method when neither bot.yaml nor {@code --join-method} names one (documented as the default). */
    static final JoinMethod DEFAULT_JOIN_METHOD = JoinMethod.TOKEN;

    BotConfig {
        caPins = List.copyOf(caPins);
        outputs = List.copyOf(outputs);
    }

    /** The TTL an output asks for: its own override, else the bot's. */
    Duration ttl(OutputConfig o) {
        return o.credentialTtl() != null ? o.credentialTtl() : credentialTtl;
    }

    Duration renewalInterval(OutputConfig o) {
        return o.renewalInterval() != null ? o.renewalInterval() : renewalInterval;
    }

    /**
     * Checks what only makes sense on the whole: something to join with, somewhere to write. A missing
     * setting is {@code missing} (a usage error without a file, invalid input with one).
     */
    BotConfig validate(String source, Failure missing) {
        present(proxyServer != null, missing, source, "proxy_server (or --proxy-server HOST:PORT) is required");
        require(proxyServer.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}"), source,
                "proxy_server '" + proxyServer + "' is not HOST:PORT");
        present(token != null, missing, source, joinMethod == JoinMethod.JWT
                ? "onboarding.token (or --token) must name the join rule (the token resource) for the jwt method"
                : "onboarding.token (or --token) is required");
        present(joinMethod != JoinMethod.JWT || jwtFile != null, missing, source,
                "onboarding.jwt_file (or --jwt-file FILE) is required for the jwt join method");
        present(!caPins.isEmpty(), missing, source, "onboarding.ca_pins (or --ca-pin sha256:...) is required");
        present(storage != null, missing, source, "storage (or --storage DIR) is required");
        present(!outputs.isEmpty(), missing, source, "at least one output is required (outputs, or --output-dir and "
                + "--svid-path)");
        checkTimes(source, "", credentialTtl, renewalInterval);
        for (int i = 0; i < outputs.size(); i++) {
            checkTimes(source, "outputs[" + i + "].", ttl(outputs.get(i)), renewalInterval(outputs.get(i)));
        }
        return this;
    }

    private static void checkTimes(String source, String prefix, Duration ttl, Duration interval) {
        require(ttl.compareTo(MAX_TTL) <= 0, source, prefix + "credential_ttl " + Durations.format(ttl)
                + " is above the maximum of 24h");
        require(interval.compareTo(ttl) < 0, source, prefix + "renewal_interval must be below credential_ttl");
    }

    private static void present(boolean ok, Failure missing, String source, String message) {
        if (!ok) {
            throw new LanyardException(missing, source + ": " + message);
        }
    }

    private static void require(boolean ok, String source, String message) {
        if (!ok) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": " + message);
        }
    }
}
