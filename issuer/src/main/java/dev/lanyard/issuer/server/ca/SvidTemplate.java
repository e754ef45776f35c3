package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.x509.Der;
import dev.lanyard.issuer.crypto.KeyType;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * The X509-SVID profile: exactly one URI SAN (the SPIFFE ID) plus requested DNS/IP SANs; keyUsage
 * critical digitalSignature, keyEncipherment, keyAgreement; EKU serverAuth and clientAuth;
 * basicConstraints CA=false; subject {@code O=<trust domain>, CN=<last path segment>} (Roles
 * Anywhere refuses empty subjects; values over 64 characters are cut); subject and authority key
 * identifiers as RFC 7093 method 1 (as {@link CertificateSigner} makes them).
 *
 * <p>One instance per signing CA. The parts that never change for a CA (version, signature
 * algorithm, issuer name, the fixed extensions, the authority key identifier) are encoded once; an
 * issuance encodes only serial, validity, subject, SAN, key and subject key identifier around them,
 * and signs the TBSCertificate directly ({@link CertificateSigner.TbsSigner}). The result is the
 * certificate's DER, never re-parsed: the same bytes the BouncyCastle builder produces for the same
 * inputs (asserted by the tests).
 */
public final class SvidTemplate {
    private static final byte[] VERSION_3 = {(byte) 0xa0, 3, 2, 1, 2};
    private static final byte[] OID_O = Der.oidElement("2.5.4.10");
    private static final byte[] OID_CN = Der.oidElement("2.5.4.3");
    private static final byte[] CRITICAL = Der.bool(true);
    /** basicConstraints (critical): CA=false, i.e. an empty SEQUENCE. */
    private static final byte[] BASIC_CONSTRAINTS = extension("2.5.29.19", true, Der.encode(Der.SEQUENCE));
    /** keyUsage (critical): digitalSignature, keyEncipherment, keyAgreement (bits 0, 2, 4). */
    private static final byte[] KEY_USAGE = extension("2.5.29.15", true, Der.bitString(new byte[] {(byte) 0xa8}, 3));
    /** extendedKeyUsage: serverAuth, clientAuth. */
    private static final byte[] EXTENDED_KEY_USAGE = extension("2.5.29.37", false, Der.encode(Der.SEQUENCE,
            Der.oidElement("1.3.6.1.5.5.7.3.1"), Der.oidElement("1.3.6.1.5.5.7.3.2")));
    private static final byte[] OID_SAN = Der.oidElement("2.5.29.17");
    private static final byte[] OID_SKI = Der.oidElement("2.5.29.14");
    private static final int SAN_URI = 0x86;
    private static final int SAN_DNS = 0x82;
    private static final int SAN_IP = 0x87;

    private final CertificateAuthority ca;
    /** signature AlgorithmIdentifier and issuer Name: the TBSCertificate's fields after the serial. */
    private final byte[] algorithmAndIssuer;
    private final byte[] authorityKeyId;
    private final CertificateSigner.TbsSigner signer;

    private SvidTemplate(CertificateAuthority ca) {
        this.ca = ca;
        try {
            String algorithm = KeyType.signatureAlgorithm(ca.key());
            byte[] algorithmId = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm).getEncoded();
            byte[] issuer = ca.certificate().getSubjectX500Principal().getEncoded();
            this.algorithmAndIssuer = join(algorithmId, issuer);
            this.authorityKeyId = extension("2.5.29.35", false, Der.encode(Der.SEQUENCE,
                    Der.encode(0x80, CertificateSigner.keyId(ca.certificate().getPublicKey()))));
            this.signer = new CertificateSigner.TbsSigner(algorithm, algorithmId, ca.key());
        } catch (IOException | GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot prepare the SVID template for "
                    + ca + ": " + e.getMessage(), e);
        }
    }

    /** The template of SVIDs signed by {@code ca}. */
    public static SvidTemplate of(CertificateAuthority ca) {
        return new SvidTemplate(ca);
    }

    /** The CA this template signs with. */
    public CertificateAuthority ca() {
        return ca;
    }

    /** Signs an X509-SVID for {@code id} and {@code key}; returns the certificate's DER. */
    public byte[] issue(SpiffeId id, PublicKey key, List<String> dnsSans, List<InetAddress> ipSans,
                        BigInteger serial, Instant notBefore, Instant notAfter) {
        byte[] spki = key.getEncoded();
        byte[] subject = Der.encode(Der.SEQUENCE,
                rdn(OID_O, id.trustDomain().name()),
                rdn(OID_CN, id.lastSegment()));
        byte[][] names = new byte[1 + dnsSans.size() + ipSans.size()][];
        int n = 0;
        names[n++] = Der.encode(SAN_URI, id.toString().getBytes(StandardCharsets.US_ASCII));
        for (String d : dnsSans) {
            names[n++] = Der.encode(SAN_DNS, d.getBytes(StandardCharsets.US_ASCII));
        }
        for (InetAddress ip : ipSans) {
            names[n++] = Der.encode(SAN_IP, ip.getAddress());
        }
        byte[] extensions = Der.encode(0xa3, Der.encode(Der.SEQUENCE,
                BASIC_CONSTRAINTS, KEY_USAGE, EXTENDED_KEY_USAGE,
                extension(OID_SAN, false, Der.encode(Der.SEQUENCE, names)),
                extension(OID_SKI, false, Der.encode(Der.OCTET_STRING, subjectKeyId(spki))),
                authorityKeyId));
        byte[] tbs = Der.encode(Der.SEQUENCE, VERSION_3, Der.encode(Der.INTEGER, serial.toByteArray()), algorithmAndIssuer,
                Der.encode(Der.SEQUENCE, time(notBefore), time(notAfter)), subject, spki, extensions);
        return signer.sign(tbs);
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] rdn(byte[] type, String value) {
        return Der.encode(Der.SET, Der.encode(Der.SEQUENCE, type,
                Der.encode(Der.UTF8_STRING, Names.cut(value).getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return extension(Der.oidElement(oid), critical, value);
    }

    private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
        byte[] octets = Der.encode(Der.OCTET_STRING, value);
        return critical ? Der.encode(Der.SEQUENCE, oid, CRITICAL, octets)
                : Der.encode(Der.SEQUENCE, oid, octets);
    }

    /** RFC 7093 method 1 over the subjectPublicKey bits of a SubjectPublicKeyInfo. */
    private static byte[] subjectKeyId(byte[] spki) {
        List<Der.Tlv> parts = Der.read(spki, 0).children();
        byte[] bitString = parts.get(1).value();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bitString, 1, bitString.length - 1);
            return Arrays.copyOf(sha256.digest(), 20);
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "SHA-256 is not available: " + e.getMessage(), e);
        }
    }

    /** UTCTime for 1950-2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5), to the second. */
    static byte[] time(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        int year = t.getYear();
        boolean utc = year >= 1950 && year < 2050;
        StringBuilder s = new StringBuilder(15);
        two(s, utc ? year % 100 : year / 100);
        if (!utc) {
            two(s, year % 100);
        }
        two(s, t.getMonthValue());
        two(s, t.getDayOfMonth());
        two(s, t.getHour());
        two(s, t.getMinute());
        two(s, t.getSecond());
        s.append('Z');
        return Der.encode(utc ? Der.UTC_TIME : Der.GENERALIZED_TIME, s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void two(StringBuilder s, int v) {
        s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
