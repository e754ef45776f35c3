package dev.lanyard.signer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.process.SessionParameters;
import picocli.CommandLine.Option;

/**
 * The key-source flags shared by every command, as in the reference helper (file sources only): the
 * one definition of these flags, for picocli (the annotations) and for {@link CredentialProcessFastPath}
 * ({@link #set}, through the same name constants).
 */
public final class KeyOptions {
    static final String CERTIFICATE = "--certificate";
    static final String PRIVATE_KEY = "--private-key";
    static final String INTERMEDIATES = "--intermediates";
    static final String PKCS8_PASSWORD = "--pkcs8-password";

    @Option(names = CERTIFICATE, paramLabel = "FILE",
            description = "Leaf certificate (PEM or DER): a path, env:NAME, or - for stdin (one-shot commands).")
    String certificate;

    @Option(names = PRIVATE_KEY, paramLabel = "FILE",
            description = "Private key (PKCS#8, SEC1, PKCS#1; encrypted PKCS#8 with --pkcs8-password): a path, env:NAME or -.")
    String privateKey;

    @Option(names = INTERMEDIATES, paramLabel = "FILE",
            description = "PEM bundle of intermediate CAs, leaf issuer first; sent as X-Amz-X509-Chain.")
    String intermediates;

    @Option(names = PKCS8_PASSWORD, paramLabel = "PASSWORD", description = "Password of an encrypted PKCS#8 key.")
    String pkcs8Password;

    @Option(names = {"--cert-selector", "--system-store-name", "--pkcs11-lib", "--tpm-key-password"}, hidden = true,
            paramLabel = "VALUE")
    String unsupportedValue;

    @Option(names = {"--use-latest-expiring-certificate", "--reuse-pin", "--no-tpm-key-password"}, hidden = true)
    boolean unsupportedFlag;

    /** Sets the flag {@code name} to {@code value}; false when {@code name} is not one of these flags. */
    boolean set(String name, String value) {
        switch (name) {
            case CERTIFICATE -> certificate = value;
            case PRIVATE_KEY -> privateKey = value;
            case INTERMEDIATES -> intermediates = value;
            case PKCS8_PASSWORD -> pkcs8Password = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    public String requireCertificate() {
        rejectUnsupported();
        return require(certificate, "--certificate FILE");
    }

    public String requirePrivateKey() {
        rejectUnsupported();
        if (privateKey != null && (privateKey.startsWith("pkcs11:") || privateKey.startsWith("handle:"))) {
            throw new LanyardException(Failure.USAGE, "--private-key " + privateKey.substring(0, privateKey.indexOf(':') + 1)
                    + "… (PKCS#11 and TPM keys) is not supported by lanyard-signer yet; use a key file, - or env:NAME");
        }
        return require(privateKey, "--private-key FILE");
    }

    /** The required key flags that are missing, for one combined message (an unsupported key source fails first). */
    public java.util.List<String> missing() {
        rejectUnsupported();
        java.util.List<String> m = new java.util.ArrayList<>();
        if (certificate == null || certificate.isBlank()) {
            m.add("--certificate FILE");
        }
        if (privateKey == null || privateKey.isBlank()) {
            m.add("--private-key FILE");
        }
        return m;
    }

    /** Fails with every missing required flag named at once. */
    public static void requireAll(java.util.List<String> missing) {
        if (!missing.isEmpty()) {
            throw new LanyardException(Failure.USAGE, "missing required flag" + (missing.size() > 1 ? "s: " : ": ")
                    + String.join(", ", missing));
        }
    }

    /** {@code --intermediates} as given, or null. */
    public String intermediates() {
        return intermediates;
    }

    public char[] password() {
        return pkcs8Password == null ? null : pkcs8Password.toCharArray();
    }

    private void rejectUnsupported() {
        if (unsupportedValue != null || unsupportedFlag) {
            throw new LanyardException(Failure.USAGE, "OS certificate stores, PKCS#11 and TPM keys are not supported"
                    + " by lanyard-signer yet; use --certificate and --private-key files");
        }
    }

    private static String require(String value, String flag) {
        return SessionParameters.require(value, flag);
    }
}
