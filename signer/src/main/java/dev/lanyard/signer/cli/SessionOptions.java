package dev.lanyard.signer.cli;

import dev.lanyard.common.aws.ProfileArn;
import dev.lanyard.common.aws.Region;
import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.session.CreateSessionRequest;
import dev.lanyard.signer.session.Endpoint;
import dev.lanyard.signer.session.HttpSettings;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** The CreateSession flags of the reference helper, plus {@code --use-fips-endpoint} and {@code --fips}. */
final class SessionOptions {
    @Option(names = "--trust-anchor-arn", paramLabel = "ARN", description = "Trust anchor; its region is the default signing region.")
    String trustAnchorArn;

    @Option(names = "--profile-arn", paramLabel = "ARN", description = "Roles Anywhere profile.")
    String profileArn;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Role to assume.")
    String roleArn;

    @Option(names = "--session-duration", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Session duration, 900 to 43200 (default: ${DEFAULT-VALUE}).")
    int sessionDuration;

    @Option(names = "--region", paramLabel = "REGION", description = "Signing and endpoint region (default: the trust anchor's).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Endpoint base URL; AWS_ENDPOINT_URL_ROLESANYWHERE overrides it, as in the reference helper.")
    String endpoint;

    @Option(names = "--no-verify-ssl", description = "Do not verify the endpoint's TLS certificate.")
    boolean noVerifySsl;

    @Option(names = "--with-proxy", description = "Accepted for compatibility: HTTPS_PROXY/NO_PROXY are always honoured.")
    boolean withProxy;

    @Option(names = "--role-session-name", paramLabel = "NAME", description = "Role session name (the profile must accept it).")
    String roleSessionName;

    @Option(names = "--use-fips-endpoint", description = "Use rolesanywhere-fips.REGION.amazonaws.com.")
    boolean useFipsEndpoint;

    @Option(names = "--fips", description = "BouncyCastle FIPS in approved-only mode for signing and TLS (also LANYARD_FIPS=1).")
    boolean fips;

    TrustAnchorArn trustAnchor() {
        return TrustAnchorArn.parse(KeyOptions.require(trustAnchorArn, "--trust-anchor-arn ARN"));
    }

    ProfileArn profile() {
        return ProfileArn.parse(KeyOptions.require(profileArn, "--profile-arn ARN"));
    }

    RoleArn role() {
        return RoleArn.parse(KeyOptions.require(roleArn, "--role-arn ARN"));
    }

    java.util.List<String> missing() {
        java.util.List<String> m = new java.util.ArrayList<>();
        if (trustAnchorArn == null || trustAnchorArn.isBlank()) {
            m.add("--trust-anchor-arn ARN");
        }
        if (profileArn == null || profileArn.isBlank()) {
            m.add("--profile-arn ARN");
        }
        if (roleArn == null || roleArn.isBlank()) {
            m.add("--role-arn ARN");
        }
        return m;
    }

    Region signingRegion(TrustAnchorArn ta) {
        return region == null || region.isBlank() ? ta.region() : Region.parse(region);
    }

    CryptoMode cryptoMode(Map<String, String> env) {
        return CryptoMode.select(fips, env);
    }

    /**
     * The cache entry name for these flags as given (not validated: an entry only exists for flags
     * that were valid when it was stored) and the key material, so a cache hit parses nothing.
     */
    String cacheEntry(Map<String, String> env, dev.lanyard.signer.process.KeyMaterial material) {
        dev.lanyard.signer.process.CacheKey key = material.addTo(new dev.lanyard.signer.process.CacheKey())
                .add(trustAnchorArn).add(profileArn).add(roleArn).add(Integer.toString(sessionDuration))
                .add(roleSessionName).add(region).add(endpoint).add(env.get("AWS_ENDPOINT_URL_ROLESANYWHERE"))
                .add(env.get("AWS_USE_FIPS_ENDPOINT")).add(useFipsEndpoint ? "fips-endpoint" : "");
        return key.name();
    }

    SessionParameters parameters(Map<String, String> env) {
        TrustAnchorArn ta = trustAnchor();
        ProfileArn profile = profile();
        RoleArn role = role();
        if (!ta.arn().partition().equals(profile.arn().partition())) {
            throw new LanyardException(Failure.INVALID_INPUT, "trust anchor and profile partitions don't match");
        }
        CreateSessionRequest request = new CreateSessionRequest(ta, profile, role, sessionDuration, roleSessionName);
        Region signing = signingRegion(ta);
        Endpoint ep = Endpoint.resolve(endpoint, env, signing, useFipsEndpoint);
        return new SessionParameters(request, signing, ep, cryptoMode(env),
                new HttpSettings(noVerifySsl, env, Duration.ofSeconds(10)));
    }
}
