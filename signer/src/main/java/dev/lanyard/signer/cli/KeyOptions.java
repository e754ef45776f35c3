package dev.lanyard.signer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import picocli.CommandLine.Option;

/** The key-source flags shared by every command, as in the reference helper (file sources only). */
final class KeyOptions {
    @Option(names = "--certificate", paramLabel = "FILE",
            description = "Leaf certificate (PEM or DER): a path, - for stdin, or env:NAME.")
    String certificate;

    @Option(names = "--private-key", paramLabel = "FILE",
            description = "Private key (PKCS#8, SEC1, PKCS#1; encrypted PKCS#8 with --pkcs8-password): a path, - or env:NAME.")
    String privateKey;

    @Option(names = "--intermediates", paramLabel = "FILE",
            description = "PEM bundle of intermediate CAs, leaf issuer first; sent as X-Amz-X509-Chain.")
    String intermediates;

    @Option(names = "--pkcs8-password", paramLabel = "PASSWORD", description = "Password of an encrypted PKCS#8 key.")
    String pkcs8Password;

    @Option(names = {"--cert-selector", "--system-store-name", "--pkcs11-lib", "--tpm-key-password"}, hidden = true,
            paramLabel = "VALUE")
    String unsupportedValue;

    @Option(names = {"--use-latest-expiring-certificate", "--reuse-pin", "--no-tpm-key-password"}, hidden = true)
    boolean unsupportedFlag;

    String requireCertificate() {
        rejectUnsupported();
        return require(certificate, "--certificate FILE");
    }

    String requirePrivateKey() {
        rejectUnsupported();
        if (privateKey != null && (privateKey.startsWith("pkcs11:") || privateKey.startsWith("handle:"))) {
            throw new LanyardException(Failure.USAGE, "--private-key " + privateKey.substring(0, privateKey.indexOf(':') + 1)
                    + "… (PKCS#11 and TPM keys) is not supported by lanyard-signer yet; use a key file, - or env:NAME");
        }
        return require(privateKey, "--private-key FILE");
    }

    /** The required key flags that are missing, for one combined message. */
    java.util.List<String> missing() {
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
    static void requireAll(java.util.List<String> missing) {
        if (!missing.isEmpty()) {
            throw new LanyardException(Failure.USAGE, "missing required flag" + (missing.size() > 1 ? "s: " : ": ")
                    + String.join(", ", missing));
        }
    }

    char[] password() {
        return pkcs8Password == null ? null : pkcs8Password.toCharArray();
    }

    private void rejectUnsupported() {
        if (unsupportedValue != null || unsupportedFlag) {
            throw new LanyardException(Failure.USAGE, "OS certificate stores, PKCS#11 and TPM keys are not supported"
                    + " by lanyard-signer yet; use --certificate and --private-key files");
        }
    }

    static String require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new LanyardException(Failure.USAGE, "missing " + flag + " (required)");
        }
        return value;
    }
}
