package dev.lanyard.common.x509;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.security.auth.x500.X500Principal;

/**
 * Signs a {@link CertificateTemplate} into an X.509 v3 certificate with the JCA (whatever provider is
 * installed: the JDK's by default, BouncyCastle FIPS in FIPS mode). Extensions: basicConstraints
 * (critical), keyUsage, extKeyUsage, subjectAltName (URI, DNS, IP; critical when the subject is
 * empty), subjectKeyIdentifier and authorityKeyIdentifier (RFC 7093 method 1, SHA-256).
 */
public final class CertificateSigner {
    private static final String OID_SKI = "2.5.29.14";
    private static final String OID_KU = "2.5.29.15";
    private static final String OID_SAN = "2.5.29.17";
    private static final String OID_BC = "2.5.29.19";
    private static final String OID_AKI = "2.5.29.35";
    private static final String OID_EKU = "2.5.29.37";

    private CertificateSigner() {
    }

    /** A self-signed certificate: {@code key} is the private half of the template's public key. */
    public static X509Certificate selfSign(CertificateTemplate t, PrivateKey key) {
        return sign(t, t.subject(), t.publicKey(), keyId(t.publicKey()), key);
    }

    /** A certificate issued by {@code issuer}, signed with the issuer's private key. */
    public static X509Certificate sign(CertificateTemplate t, X509Certificate issuer, PrivateKey issuerKey) {
        byte[] aki = issuer.getExtensionValue(OID_SKI);
        byte[] keyId = aki == null ? keyId(issuer.getPublicKey())
                : Der.read(Der.read(aki, 0).value(), 0).value();
        return sign(t, issuer.getSubjectX500Principal(), issuer.getPublicKey(), keyId, issuerKey);
    }

    private static X509Certificate sign(CertificateTemplate t, X500Principal issuer, PublicKey issuerPublic,
                                        byte[] issuerKeyId, PrivateKey issuerKey) {
        String algorithm = t.signatureAlgorithm() != null ? t.signatureAlgorithm()
                : SignatureAlgorithms.defaultFor(issuerPublic);
        byte[] algId = SignatureAlgorithms.identifier(algorithm);
        byte[] tbs = Der.encode(Der.SEQUENCE,
                Der.encode(0xa0, Der.integer(java.math.BigInteger.TWO)),
                Der.integer(t.serial()),
                algId,
                issuer.getEncoded(),
                Der.encode(Der.SEQUENCE, Der.time(t.notBefore()), Der.time(t.notAfter())),
                t.subject().getEncoded(),
                t.publicKey().getEncoded(),
                Der.encode(0xa3, extensions(t, issuerKeyId)));
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(issuerKey);
            s.update(tbs);
            byte[] cert = Der.encode(Der.SEQUENCE, tbs, algId, Der.bitString(s.sign(), 0));
            return Certificates.parseDer(cert, "new certificate " + t.subject().getName());
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "cannot sign certificate "
                    + t.subject().getName() + " with " + algorithm + " (" + e.getMessage() + ")", e);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow("signing certificate " + t.subject().getName() + " with " + algorithm, e);
        }
    }

    private static byte[] extensions(CertificateTemplate t, byte[] issuerKeyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bc = t.ca()
                ? Der.encode(Der.SEQUENCE, Der.bool(true),
                        t.pathLen() >= 0 ? Der.integer(java.math.BigInteger.valueOf(t.pathLen())) : new byte[0])
                : Der.encode(Der.SEQUENCE);
        out.writeBytes(extension(OID_BC, true, bc));
        if (t.keyUsage() != null) {
            out.writeBytes(extension(OID_KU, t.keyUsageCritical(), keyUsage(t)));
        }
        if (!t.extendedKeyUsage().isEmpty()) {
            ByteArrayOutputStream eku = new ByteArrayOutputStream();
            t.extendedKeyUsage().forEach(oid -> eku.writeBytes(Der.oidElement(oid)));
            out.writeBytes(extension(OID_EKU, false, Der.encode(Der.SEQUENCE, eku.toByteArray())));
        }
        if (!t.uris().isEmpty() || !t.dnsNames().isEmpty() || !t.ipAddresses().isEmpty()) {
            ByteArrayOutputStream names = new ByteArrayOutputStream();
            t.uris().forEach(u -> names.writeBytes(Der.encode(0x86, u.getBytes(StandardCharsets.US_ASCII))));
            t.dnsNames().forEach(d -> names.writeBytes(Der.encode(0x82, d.getBytes(StandardCharsets.US_ASCII))));
            t.ipAddresses().forEach(ip -> names.writeBytes(Der.encode(0x87, ip.getAddress())));
            boolean emptySubject = t.subject().getEncoded().length <= 2;
            out.writeBytes(extension(OID_SAN, emptySubject, Der.encode(Der.SEQUENCE, names.toByteArray())));
        }
        out.writeBytes(extension(OID_SKI, false, Der.encode(Der.OCTET_STRING, keyId(t.publicKey()))));
        out.writeBytes(extension(OID_AKI, false, Der.encode(Der.SEQUENCE, Der.encode(0x80, issuerKeyId))));
        return Der.encode(Der.SEQUENCE, out.toByteArray());
    }

    private static byte[] keyUsage(CertificateTemplate t) {
        int highest = -1;
        byte[] bits = new byte[2];
        for (KeyUsage k : t.keyUsage()) {
            bits[k.ordinal() / 8] |= (byte) (0x80 >> (k.ordinal() % 8));
            highest = Math.max(highest, k.ordinal());
        }
        if (highest < 0) {
            return Der.bitString(new byte[0], 0);
        }
        int lastBit = highest;
        int unused = 7 - lastBit % 8;
        return Der.bitString(Arrays.copyOf(bits, lastBit / 8 + 1), unused);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return Der.encode(Der.SEQUENCE, Der.oidElement(oid), critical ? Der.bool(true) : new byte[0],
                Der.encode(Der.OCTET_STRING, value));
    }

    /** RFC 7093 method 1: the leftmost 160 bits of SHA-256 over the subjectPublicKey bits. */
    static byte[] keyId(PublicKey key) {
        byte[] bits = Der.read(key.getEncoded(), 0).children().get(1).value();
        return Arrays.copyOf(Certificates.sha256(Arrays.copyOfRange(bits, 1, bits.length)), 20);
    }
}
