package dev.lanyard.signer.cli;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Der;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.sigv4.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sign-string}: signs the reference helper's fixed test string
 * {@code "AWS Roles Anywhere Credential Helper Signing Test" ‖ "1" ‖ SHA256("IAM RA" ‖ public key)}
 * (EC: the uncompressed point; RSA: the PKCS#1 RSAPublicKey DER) and prints it as json, text or bin.
 */
@Command(name = "sign-string", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Signs the fixed test string with the key (checks a key works).")
final class SignStringCommand implements Runnable {
    enum Format { json, text, bin }

    enum Digest { SHA256, SHA384, SHA512 }

    @ParentCommand
    SignerCommand root;

    @Mixin
    KeyOptions keys;

    @Mixin
    DebugOption debugOption;

    @Option(names = "--format", defaultValue = "json", description = "json, text or bin (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--digest", defaultValue = "SHA256", description = "SHA256, SHA384 or SHA512 (default: ${DEFAULT-VALUE}).")
    Digest digest;

    @Option(names = "--fips", description = "Sign with BouncyCastle FIPS in approved-only mode.")
    boolean fips;

    @Override
    public void run() {
        SignerContext ctx = root.context();
        String certSpec = keys.requireCertificate();
        String keySpec = keys.requirePrivateKey();
        X509Certificate cert = Certificates.parseOne(InputFiles.read(certSpec, ctx.env(), ctx.stdin()), certSpec);
        PrivateKey parsed = PrivateKeys.parse(InputFiles.read(keySpec, ctx.env(), ctx.stdin()), keySpec, keys.password());
        CryptoProviders providers = new CryptoProviders(CryptoMode.select(fips, ctx.env()), ctx.debug(debugOption.on()));
        providers.requireApproved(cert, certSpec);
        PrivateKey key = providers.importKey(parsed);
        // CryptoProviders.sign: one line for any failure, NOT_APPROVED for a BC-FIPS refusal
        byte[] signature = providers.sign(jcaName(key.getAlgorithm()), key, testString(cert));
        String hex = HexFormat.of().formatHex(signature);
        switch (format) {
            case json -> ctx.out().print(Json.quote(hex));
            case text -> ctx.out().print(hex);
            case bin -> {
                try {
                    ctx.stdout().write(signature);
                    ctx.stdout().flush();
                } catch (IOException e) {
                    throw new LanyardException(Failure.FILE, "stdout: cannot write (" + e.getMessage() + ")", e);
                }
            }
        }
        ctx.out().flush();
    }

    String jcaName(String keyAlgorithm) {
        String d = digest.name();
        return switch (keyAlgorithm) {
            case "RSA" -> d + "withRSA";
            case "EC" -> d + "withECDSA";
            default -> keyAlgorithm.startsWith("ML-DSA") ? "ML-DSA" : keyAlgorithm;
        };
    }

    static byte[] testString(X509Certificate cert) {
        byte[] spki = cert.getPublicKey().getEncoded();
        byte[] publicKey = Der.read(spki, 0).children().get(1).value();
        byte[] bits = java.util.Arrays.copyOfRange(publicKey, 1, publicKey.length);
        ByteArrayOutputStream ra = new ByteArrayOutputStream();
        ra.writeBytes("IAM RA".getBytes(StandardCharsets.US_ASCII));
        ra.writeBytes(bits);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("AWS Roles Anywhere Credential Helper Signing Test".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Hashing.sha256(ra.toByteArray()));
        return out.toByteArray();
    }
}
