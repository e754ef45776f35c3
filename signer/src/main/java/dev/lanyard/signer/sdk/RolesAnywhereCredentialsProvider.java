package dev.lanyard.signer.sdk;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.refresh.CredentialSource;
import dev.lanyard.signer.refresh.KeyFiles;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import dev.lanyard.signer.refresh.SessionCredentialSource;
import dev.lanyard.signer.session.Credentials;
import dev.lanyard.signer.session.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * IAM Roles Anywhere credentials for the AWS SDK for Java v2, in process: no helper, no
 * {@code credential_process}. The certificate and key files are re-read at each refresh (so a renewed
 * SVID is used); credentials are refreshed ahead of expiry on a background daemon thread, and the last
 * good ones are kept while valid if a refresh fails. The first {@link #resolveCredentials()} fetches
 * synchronously. Close the provider (or the client it was given to does not close it) to stop the thread.
 *
 * <pre>{@code
 * try (RolesAnywhereCredentialsProvider credentials = RolesAnywhereCredentialsProvider.builder()
 *         .certificate(Path.of("/opt/svid/svid.pem"))
 *         .privateKey(Path.of("/opt/svid/svid_key.pem"))
 *         .trustAnchorArn("arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_ID")
 *         .profileArn("arn:aws:rolesanywhere:us-east-1:123456789012:profile/PROFILE_ID")
 *         .roleArn("arn:aws:iam::123456789012:role/example-service")
 *         .build();
 *      StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
 *     System.out.println(sts.getCallerIdentity().arn());
 * }
 * }</pre>
 */
public final class RolesAnywhereCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
    private final RefreshingCredentials credentials;
    private final AutoCloseable owned;
    private final boolean asyncRefresh;
    private boolean started;

    RolesAnywhereCredentialsProvider(CredentialSource source, AutoCloseable owned, Clock clock, RefreshPolicy policy,
                                     boolean asyncRefresh, Consumer<String> log) {
        this.credentials = new RefreshingCredentials(source, clock, policy, log);
        this.owned = owned;
        this.asyncRefresh = asyncRefresh;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            ensureStarted();
            Optional<Credentials> c = credentials.current();
            if (c.isEmpty()) {
                throw SdkClientException.create("IAM Roles Anywhere: no valid credentials (the last refresh failed and"
                        + " the previous credentials have expired)");
            }
            return AwsSessionCredentials.builder()
                    .accessKeyId(c.get().accessKeyId())
                    .secretAccessKey(c.get().secretAccessKey())
                    .sessionToken(c.get().sessionToken())
                    .expirationTime(c.get().expiresAt())
                    .providerName("RolesAnywhereCredentialsProvider")
                    .build();
        } catch (LanyardException e) {
            throw SdkClientException.create("IAM Roles Anywhere: " + e.getMessage(), e);
        }
    }

    private synchronized void ensureStarted() {
        if (!started) {
            credentials.start();
            started = true;
            if (asyncRefresh) {
                credentials.startBackground();
            }
        }
    }

    @Override
    public void close() {
        credentials.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // closing the HTTP client cannot fail in a way the caller could act on
            }
        }
    }

    @Override
    public String toString() {
        return "RolesAnywhereCredentialsProvider()";
    }

    /** Builder: certificate, key and the three ARNs are required; the rest have the CLI's defaults. */
    public static final class Builder {
        private Path certificate;
        private Path privateKey;
        private Path intermediates;
        private char[] pkcs8Password;
        private String trustAnchorArn;
        private String profileArn;
        private String roleArn;
        private String region;
        private String endpoint;
        private Duration sessionDuration = Duration.ofHours(1);
        private String roleSessionName;
        private boolean fips;
        private boolean asyncRefresh = true;
        private Map<String, String> env = System.getenv();
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = s -> { };
        private CredentialSource source;

        private Builder() {
        }

        public Builder certificate(Path v) { certificate = v; return this; }

        public Builder privateKey(Path v) { privateKey = v; return this; }

        public Builder intermediates(Path v) { intermediates = v; return this; }

        public Builder pkcs8Password(char[] v) { pkcs8Password = v == null ? null : v.clone(); return this; }

        public Builder trustAnchorArn(String v) { trustAnchorArn = v; return this; }

        public Builder profileArn(String v) { profileArn = v; return this; }

        public Builder roleArn(String v) { roleArn = v; return this; }

        /** Signing and endpoint region; default: the trust anchor's. */
        public Builder region(String v) { region = v; return this; }

        /** Endpoint base URL (e.g. a local emulator); {@code AWS_ENDPOINT_URL_ROLESANYWHERE} overrides it. */
        public Builder endpoint(String v) { endpoint = v; return this; }

        /** 15 minutes to 12 hours; default 1 hour. */
        public Builder sessionDuration(Duration v) { sessionDuration = v; return this; }

        public Builder roleSessionName(String v) { roleSessionName = v; return this; }

        /** BouncyCastle FIPS in approved-only mode (also {@code LANYARD_FIPS=1}). */
        public Builder fips(boolean v) { fips = v; return this; }

        /** Refresh on a background thread ahead of expiry (default); false refreshes when resolving. */
        public Builder asyncRefresh(boolean v) { asyncRefresh = v; return this; }

        /** Receives refresh events (never secrets); default: none. */
        public Builder log(Consumer<String> v) { log = v; return this; }

        Builder env(Map<String, String> v) { env = v; return this; }

        Builder clock(Clock v) { clock = v; return this; }

        Builder source(CredentialSource v) { source = v; return this; }

        /** Validates the inputs; throws {@link IllegalArgumentException} with one clear line when one is wrong. */
        public RolesAnywhereCredentialsProvider build() {
            if (source != null) {
                return new RolesAnywhereCredentialsProvider(source, null, clock, RefreshPolicy.DEFAULT, asyncRefresh, log);
            }
            require(certificate, "certificate");
            require(privateKey, "privateKey");
            require(trustAnchorArn, "trustAnchorArn");
            require(profileArn, "profileArn");
            require(roleArn, "roleArn");
            try {
                var parameters = SessionParameters.resolve(trustAnchorArn, profileArn, roleArn,
                        Math.toIntExact(sessionDuration.toSeconds()), roleSessionName, region, endpoint, false, false, fips, env);
                KeyFiles keys = new KeyFiles(certificate.toString(), privateKey.toString(),
                        intermediates == null ? null : intermediates.toString(), pkcs8Password);
                SessionCredentialSource real = new SessionCredentialSource(parameters, keys, env, clock, Sleeper.REAL,
                        s -> { }, "lanyard-signer-sdk/" + version(), null);
                return new RolesAnywhereCredentialsProvider(real, real, clock, RefreshPolicy.DEFAULT, asyncRefresh, log);
            } catch (LanyardException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private static void require(Object value, String name) {
            if (value == null || value.toString().isBlank()) {
                throw new IllegalArgumentException("RolesAnywhereCredentialsProvider: " + name + " is required");
            }
        }

        private static String version() {
            String v = RolesAnywhereCredentialsProvider.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }
    }
}
