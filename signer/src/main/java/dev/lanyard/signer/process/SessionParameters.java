package dev.lanyard.signer.process;

import dev.lanyard.common.aws.ProfileArn;
import dev.lanyard.common.aws.Region;
import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.session.CreateSessionRequest;
import dev.lanyard.signer.session.Endpoint;
import dev.lanyard.signer.session.HttpSettings;
import java.time.Duration;
import java.util.Map;

/** Everything about the CreateSession call except the key material, validated. */
public record SessionParameters(CreateSessionRequest request, Region region, Endpoint endpoint, CryptoMode mode,
                                HttpSettings http) {

    /**
     * Validated parameters from plain values (the CLI flags, the SDK provider's builder): the ARNs
     * (matching partitions), the signing region (default: the trust anchor's), the endpoint, the crypto mode.
     */
    public static SessionParameters resolve(String trustAnchorArn, String profileArn, String roleArn, int durationSeconds,
                                            String roleSessionName, String region, String endpoint, boolean noVerifySsl,
                                            boolean useFipsEndpoint, boolean fips, Map<String, String> env) {
        TrustAnchorArn ta = TrustAnchorArn.parse(require(trustAnchorArn, "--trust-anchor-arn ARN"));
        ProfileArn profile = ProfileArn.parse(require(profileArn, "--profile-arn ARN"));
        RoleArn role = RoleArn.parse(require(roleArn, "--role-arn ARN"));
        if (!ta.arn().partition().equals(profile.arn().partition())) {
            throw new LanyardException(Failure.INVALID_INPUT, "trust anchor and profile partitions don't match");
        }
        CreateSessionRequest request = new CreateSessionRequest(ta, profile, role, durationSeconds, roleSessionName);
        Region signing = region == null || region.isBlank() ? ta.region() : Region.parse(region);
        Endpoint ep = Endpoint.resolve(endpoint, env, signing, useFipsEndpoint);
        return new SessionParameters(request, signing, ep, CryptoMode.select(fips, env),
                new HttpSettings(noVerifySsl, env, Duration.ofSeconds(10)));
    }

    /** {@code value}, or a usage failure naming {@code flag} when it is missing. */
    public static String require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new LanyardException(Failure.USAGE, "missing " + flag + " (required)");
        }
        return value;
    }
}
