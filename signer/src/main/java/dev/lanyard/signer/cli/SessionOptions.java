package dev.lanyard.signer.cli;

import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.signer.process.CacheKey;
import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.process.SessionParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The CreateSession flags of the reference helper, plus {@code --use-fips-endpoint} and {@code --fips}:
 * the one definition of these flags, for picocli (the annotations) and for
 * {@link CredentialProcessFastPath} ({@link #set} and {@link #setFlag}, through the same name constants).
 */
public final class SessionOptions {
    static final String TRUST_ANCHOR_ARN = "--trust-anchor-arn";
    static final String PROFILE_ARN = "--profile-arn";
    static final String ROLE_ARN = "--role-arn";
    static final String SESSION_DURATION = "--session-duration";
    static final String REGION = "--region";
    static final String ENDPOINT = "--endpoint";
    static final String ROLE_SESSION_NAME = "--role-session-name";
    static final String NO_VERIFY_SSL = "--no-verify-ssl";
    static final String WITH_PROXY = "--with-proxy";
    static final String USE_FIPS_ENDPOINT = "--use-fips-endpoint";
    static final String FIPS = "--fips";
    /** The default of {@code --session-duration}, in seconds. */
    static final int DEFAULT_DURATION = 3600;

    @Option(names = TRUST_ANCHOR_ARN, paramLabel = "ARN", description = "Trust anchor; its region is the default signing region.")
    String trustAnchorArn;

    @Option(names = PROFILE_ARN, paramLabel = "ARN", description = "Roles Anywhere profile.")
    String profileArn;

    @Option(names = ROLE_ARN, paramLabel = "ARN", description = "Role to assume.")
    String roleArn;

    @Option(names = SESSION_DURATION, paramLabel = "SECONDS", defaultValue = "" + DEFAULT_DURATION,
            description = "Session duration, 900 to 43200 (default: ${DEFAULT-VALUE}).")
    int sessionDuration = DEFAULT_DURATION;

    @Option(names = REGION, paramLabel = "REGION", description = "Signing and endpoint region (default: the trust anchor's).")
    String region;

    @Option(names = ENDPOINT, paramLabel = "URL",
            description = "Endpoint base URL; AWS_ENDPOINT_URL_ROLESANYWHERE overrides it, as in the reference helper.")
    String endpoint;

    @Option(names = NO_VERIFY_SSL, description = "Do not verify the endpoint's TLS certificate.")
    boolean noVerifySsl;

    @Option(names = WITH_PROXY, description = "Accepted for compatibility: HTTPS_PROXY/NO_PROXY are always honoured.")
    boolean withProxy;

    @Option(names = ROLE_SESSION_NAME, paramLabel = "NAME", description = "Role session name (the profile must accept it).")
    String roleSessionName;

    @Option(names = USE_FIPS_ENDPOINT, description = "Use rolesanywhere-fips.REGION.amazonaws.com.")
    boolean useFipsEndpoint;

    @Option(names = FIPS, description = "BouncyCastle FIPS in approved-only mode for signing and TLS (also LANYARD_FIPS=1).")
    boolean fips;

    /**
     * Sets the flag {@code name} to {@code value}; false when {@code name} is not one of these flags
     * taking a value, or the value is one picocli must reject with its own message (a duration that is
     * not a small integer).
     */
    boolean set(String name, String value) {
        switch (name) {
            case TRUST_ANCHOR_ARN -> trustAnchorArn = value;
            case PROFILE_ARN -> profileArn = value;
            case ROLE_ARN -> roleArn = value;
            case REGION -> region = value;
            case ENDPOINT -> endpoint = value;
            case ROLE_SESSION_NAME -> roleSessionName = value;
            case SESSION_DURATION -> {
                if (!CredentialProcessFastPath.isSmallInteger(value)) {
                    return false;
                }
                sessionDuration = Integer.parseInt(value);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is one of these value-less flags. */
    static boolean isFlag(String name) {
        return switch (name) {
            case NO_VERIFY_SSL, WITH_PROXY, USE_FIPS_ENDPOINT, FIPS -> true;
            default -> false;
        };
    }

    /** Sets the value-less flag {@code name}; false when it is not one of these. */
    boolean setFlag(String name) {
        switch (name) {
            case NO_VERIFY_SSL -> noVerifySsl = true;
            case WITH_PROXY -> withProxy = true;
            case USE_FIPS_ENDPOINT -> useFipsEndpoint = true;
            case FIPS -> fips = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The required flags that are missing, for one combined message. */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        if (trustAnchorArn == null || trustAnchorArn.isBlank()) {
            m.add(TRUST_ANCHOR_ARN + " ARN");
        }
        if (profileArn == null || profileArn.isBlank()) {
            m.add(PROFILE_ARN + " ARN");
        }
        if (roleArn == null || roleArn.isBlank()) {
            m.add(ROLE_ARN + " ARN");
        }
        return m;
    }

    public RoleArn role() {
        return RoleArn.parse(SessionParameters.require(roleArn, ROLE_ARN + " ARN"));
    }

    CryptoMode cryptoMode(Map<String, String> env) {
        return CryptoMode.select(fips, env);
    }

    /**
     * The cache entry name for these flags as given (not validated: an entry only exists for flags
     * that were valid when it was stored) and the key material, so a cache hit parses nothing:
     * {@code FLAGS-MATERIAL}, where FLAGS digests the flags and the key sources (paths, env:NAME) and
     * MATERIAL the bytes read from them. A renewed certificate keeps FLAGS and changes MATERIAL, so it
     * never reuses the old certificate's credentials, and storing its entry removes the old one.
     */
    String cacheEntry(Map<String, String> env, KeyMaterial material) {
        String flags = new CacheKey().add(material.certificateSource()).add(material.keySource())
                .add(material.intermediatesSource())
                .add(trustAnchorArn).add(profileArn).add(roleArn).add(Integer.toString(sessionDuration))
                .add(roleSessionName).add(region).add(endpoint).add(env.get("AWS_ENDPOINT_URL_ROLESANYWHERE"))
                .add(env.get("AWS_USE_FIPS_ENDPOINT")).add(useFipsEndpoint ? "fips-endpoint" : "").name().substring(0, 32);
        return flags + "-" + material.addTo(new CacheKey()).add(flags).name();
    }

    public SessionParameters parameters(Map<String, String> env) {
        return SessionParameters.resolve(trustAnchorArn, profileArn, roleArn, sessionDuration, roleSessionName, region,
                endpoint, noVerifySsl, useFipsEndpoint, fips, env);
    }
}
