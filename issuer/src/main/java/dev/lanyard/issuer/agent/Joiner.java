package dev.lanyard.issuer.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Pem;
import dev.lanyard.issuer.client.ClientTls;
import dev.lanyard.issuer.client.IssuerClient;
import dev.lanyard.issuer.crypto.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the bot identity current: joins when there is none (or it lapsed, or the issuer no longer
 * accepts it and a token is configured), renews it over mTLS otherwise, and for {@code jwt} joins
 * again every time with a freshly read JWT. A new key is generated for every identity; only its
 * public half is sent.
 */
final class Joiner implements IdentitySource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityStore store;
    private final Clock clock;
    private final SecureRandom random;

    Joiner(IdentityStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** A current identity for {@code config}, obtained from the issuer now. */
    @Override
    public BotIdentity refresh(BotConfig config) {
        Optional<BotIdentity> stored = store.load().filter(id -> id.proxyServer().equals(config.proxyServer()))
                .filter(id -> id.joinMethod() == config.joinMethod());
        Instant now = clock.instant();
        if (config.joinMethod() == JoinMethod.TOKEN && stored.isPresent() && stored.get().validAt(now)) {
            try {
                return save(renew(config, stored.get()));
            } catch (LanyardException e) {
                if (e.failure() != Failure.DENIED && e.failure() != Failure.UNTRUSTED) {
                    throw e;
                }
                try {
                    return save(join(config, stored.get().hostCa()));
                } catch (LanyardException joinFailure) {
                    throw new LanyardException(e.failure(), e.getMessage() + "; joining again with the configured "
                            + "token failed too: " + joinFailure.getMessage());
                }
            }
        }
        X509Certificate hostCa = stored.map(BotIdentity::hostCa).orElse(null);
        try {
            return save(join(config, hostCa));
        } catch (LanyardException e) {
            if (stored.isPresent() && config.joinMethod() == JoinMethod.TOKEN) {
                BotIdentity old = stored.get();
                throw new LanyardException(e.failure(), "the bot identity in " + store.file() + " expired at "
                        + old.notAfter() + " and joining with the configured token failed (" + e.getMessage()
                        + "); give a new token from lanyard ctl tokens add --type=bot --bot " + old.bot());
            }
            throw e;
        }
    }

    private BotIdentity save(BotIdentity id) {
        store.save(id);
        return id;
    }

    private BotIdentity join(BotConfig config, X509Certificate knownHostCa) {
        X509Certificate hostCa = knownHostCa != null ? knownHostCa : firstContact(config);
        IssuerClient client = new IssuerClient(config.proxyServer(), ClientTls.context(hostCa, null, null, random));
        KeyPair kp = KeyType.EC_P256.generate(random);
        ObjectNode req = JSON.createObjectNode();
        req.put("method", config.joinMethod().id());
        req.put("token", config.token());
        if (config.joinMethod() == JoinMethod.JWT) {
            req.put("jwt", readJwt(config));
        }
        req.put("public_key", Pem.encode("PUBLIC KEY", kp.getPublic().getEncoded()));
        req.put("ttl_seconds", config.credentialTtl().toSeconds());
        return identity(config, client.post("/v1/bot/join", req, JsonNode.class), kp, hostCa);
    }

    private BotIdentity renew(BotConfig config, BotIdentity current) {
        IssuerClient client = new IssuerClient(config.proxyServer(),
                ClientTls.context(current.hostCa(), current.key(), current.certificate(), random));
        KeyPair kp = KeyType.EC_P256.generate(random);
        ObjectNode req = JSON.createObjectNode();
        req.put("public_key", Pem.encode("PUBLIC KEY", kp.getPublic().getEncoded()));
        req.put("ttl_seconds", config.credentialTtl().toSeconds());
        return identity(config, client.post("/v1/bot/renew", req, JsonNode.class), kp, current.hostCa());
    }

    private X509Certificate firstContact(BotConfig config) {
        return CaPinCheck.hostCa(config.proxyServer(), config.caPins(), random);
    }

    private BotIdentity identity(BotConfig config, JsonNode body, KeyPair kp, X509Certificate hostCa) {
        X509Certificate cert = Certificates.parseOne(body.path("certificate").asText().getBytes(StandardCharsets.US_ASCII),
                "issuer answer");
        if (!cert.getPublicKey().equals(kp.getPublic())) {
            throw new LanyardException(Failure.REMOTE_REFUSED, "the issuer returned an identity for another key");
        }
        return new BotIdentity(body.path("bot").asText(), body.path("cluster").asText(), config.proxyServer(),
                config.joinMethod(), cert, kp.getPrivate(), hostCa, body.path("generation").asLong());
    }

    private static String readJwt(BotConfig config) {
        try {
            String jwt = Files.readString(config.jwtFile(), StandardCharsets.UTF_8).strip();
            if (jwt.isEmpty()) {
                throw new LanyardException(Failure.INVALID_INPUT, config.jwtFile() + ": the JWT file is empty");
            }
            return jwt;
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, config.jwtFile() + ": cannot read the JWT (" + e.getMessage()
                    + ")");
        }
    }
}
