package dev.lanyard.signer.cli;

import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.Der;
import java.security.cert.X509Certificate;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code read-certificate-data}: {@code {"keyType":…,"certificateData":…,"serialNumber":…,
 * "supportedAlgorithms":[…]}} for the leaf in {@code --certificate}, as the reference helper prints it.
 */
@Command(name = "read-certificate-data", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Prints the certificate's key type, DER (base64) and decimal serial.")
final class ReadCertificateDataCommand implements Runnable {
    @ParentCommand
    SignerCommand root;

    @Mixin
    KeyOptions keys;

    @Mixin
    DebugOption debugOption;

    @Override
    public void run() {
        SignerContext ctx = root.context();
        String spec = keys.requireCertificate();
        X509Certificate cert = Certificates.parseOne(InputFiles.read(spec, ctx.env(), ctx.stdin()), spec);
        String keyType = keyType(cert);
        String algorithms = switch (keyType) {
            case "RSA" -> "[\"RSASHA256\",\"RSASHA384\",\"RSASHA512\"]";
            case "EC" -> "[\"ECDSASHA256\",\"ECDSASHA384\",\"ECDSASHA512\"]";
            default -> "[\"" + keyType + "\"]";
        };
        ctx.out().print("{\"keyType\":\"" + keyType + "\",\"certificateData\":\""
                + Base64.getEncoder().encodeToString(Certificates.der(cert)) + "\",\"serialNumber\":\""
                + cert.getSerialNumber() + "\",\"supportedAlgorithms\":" + algorithms + "}");
        ctx.out().flush();
    }

    static String keyType(X509Certificate cert) {
        String alg = cert.getPublicKey().getAlgorithm();
        if (alg.equals("RSA") || alg.equals("EC")) {
            return alg;
        }
        String oid = Der.oid(Der.read(cert.getPublicKey().getEncoded(), 0).children().get(0).children().get(0).value());
        return switch (oid) {
            case "2.16.840.1.101.3.4.3.17" -> "ML-DSA-44";
            case "2.16.840.1.101.3.4.3.18" -> "ML-DSA-65";
            case "2.16.840.1.101.3.4.3.19" -> "ML-DSA-87";
            default -> alg;
        };
    }
}
