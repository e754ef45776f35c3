package dev.lanyard.signer.refresh;

import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.process.SessionParameters;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The reference helper's credential flags for the long-running commands ({@code serve}, {@code update},
 * {@code exec}): the same names and defaults as {@code credential-process}. Key sources are file paths
 * or {@code env:NAME} (re-read at each refresh); stdin cannot be re-read.
 */
public final class SourceOptions {
    @Option(names = "--certificate", paramLabel = "FILE", description = "Leaf certificate (PEM or DER): a path or env:NAME.")
    String certificate;

    @Option(names = "--private-key", paramLabel = "FILE", description = "Private key: a path or env:NAME.")
    String privateKey;

    @Option(names = "--intermediates", paramLabel = "FILE", description = "PEM bundle of intermediate CAs, leaf issuer first.")
    String intermediates;

    @Option(names = "--pkcs8-password", paramLabel = "PASSWORD", description = "Password of an encrypted PKCS#8 key.")
    String pkcs8Password;

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

    @Option(names = "--endpoint", paramLabel = "URL", description = "Endpoint base URL; AWS_ENDPOINT_URL_ROLESANYWHERE overrides it.")
    String endpoint;

    @Option(names = "--no-verify-ssl", description = "Do not verify the endpoint's TLS certificate.")
    boolean noVerifySsl;

    @Option(names = "--with-proxy", description = "Accepted for compatibility: HTTPS_PROXY/NO_PROXY are always honoured.")
    boolean withProxy;

    @Option(names = "--role-session-name", paramLabel = "NAME", description = "Role session name (the profile must accept it).")
    String roleSessionName;

    @Option(names = "--use-fips-endpoint", description = "Use rolesanywhere-fips.REGION.amazonaws.com.")
    boolean useFipsEndpoint;

    @Option(names = "--fips", description = "BouncyCastle FIPS in approved-only mode (also LANYARD_FIPS=1).")
    boolean fips;

    @Option(names = "--debug", description = "Print signing steps and refresh decisions (never secrets) to stderr.")
    public boolean debug;

    public KeyFiles keyFiles() {
        String cert = require(certificate, "--certificate FILE");
        String key = require(privateKey, "--private-key FILE");
        for (String spec : new String[] {cert, key, intermediates}) {
            if ("-".equals(spec)) {
                throw new LanyardException(Failure.USAGE, "this command re-reads the certificate and key at each refresh,"
                        + " so stdin (-) cannot be used; pass a file path or env:NAME");
            }
        }
        return new KeyFiles(cert, key, intermediates, pkcs8Password == null ? null : pkcs8Password.toCharArray());
    }

    public SessionParameters parameters(Map<String, String> env) {
        return SessionSetup.parameters(trustAnchorArn, profileArn, roleArn, sessionDuration, roleSessionName, region,
                endpoint, noVerifySsl, useFipsEndpoint, fips, env);
    }

    /** The role name IMDS reports: the last segment of the role ARN's resource. */
    public String roleName() {
        return RoleArn.parse(require(roleArn, "--role-arn ARN")).name();
    }

    private static String require(String value, String flag) {
        return SessionSetup.require(value, flag);
    }
}
