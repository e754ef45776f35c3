package dev.lanyard.common.x509;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reading, writing and fingerprinting X.509 certificates (PEM or DER, one or a bundle). */
public final class Certificates {
    private Certificates() {
    }

    /**
     * Every certificate in {@code data}: PEM blocks labelled CERTIFICATE (other blocks are skipped) or
     * one DER certificate. {@code source} names the input in errors (a file name, "stdin").
     */
    public static List<X509Certificate> parseAll(byte[] data, String source) {
        if (data.length == 0) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, source + ": file is empty; expected a PEM or DER certificate");
        }
        List<X509Certificate> out = new ArrayList<>();
        if (Pem.looksLikePem(data)) {
            List<Pem.Block> blocks;
            try {
                blocks = Pem.decode(new String(data, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new LanyardException(Failure.KEY_OR_CERTIFICATE, source + ": " + e.getMessage());
            }
            for (Pem.Block b : blocks) {
                if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")) {
                    out.add(parseDer(b.der(), source));
                }
            }
            if (out.isEmpty()) {
                throw new LanyardException(Failure.KEY_OR_CERTIFICATE,
                        source + ": no CERTIFICATE block found in PEM; is this a key file?");
            }
        } else {
            out.add(parseDer(data, source));
        }
        return out;
    }

    /** Exactly the first certificate in {@code data}. */
    public static X509Certificate parseOne(byte[] data, String source) {
        return parseAll(data, source).get(0);
    }

    public static X509Certificate parseDer(byte[] der, String source) {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // A parsing exception carries an RFC 5280 reason worth showing; others are just "not DER".
            String reason = e instanceof java.security.cert.CertificateParsingException && e.getMessage() != null
                    && !e.getMessage().contains("java.") ? ": " + e.getMessage() : "";
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE,
                    source + ": not a valid X.509 certificate (tried PEM and DER)" + reason, e);
        }
    }

    public static String toPem(X509Certificate cert) {
        return Pem.encode("CERTIFICATE", der(cert));
    }

    public static String toPem(List<X509Certificate> certs) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(toPem(c));
        }
        return sb.toString();
    }

    public static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "certificate cannot be encoded", e);
        }
    }

    /** Lowercase hex SHA-256 of the certificate's DER. */
    public static String sha256Hex(X509Certificate cert) {
        return HexFormat.of().formatHex(sha256(der(cert)));
    }

    /** The pin format {@code sha256:<hex of the SubjectPublicKeyInfo DER>}. */
    public static String spkiPin(X509Certificate cert) {
        return "sha256:" + HexFormat.of().formatHex(sha256(cert.getPublicKey().getEncoded()));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new LanyardException(Failure.INTERNAL, "SHA-256 is missing from this JDK", e);
        }
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
