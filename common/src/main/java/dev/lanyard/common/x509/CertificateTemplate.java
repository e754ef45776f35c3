package dev.lanyard.common.x509;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * What goes into an X.509 v3 certificate, kept apart from signing it ({@link CertificateSigner}).
 * {@code pathLen} is -1 for no pathLenConstraint; {@code keyUsage} null omits the extension;
 * {@code signatureAlgorithm} null picks one from the issuer key (SHA-256/384/512 by key size, ML-DSA).
 */
public record CertificateTemplate(X500Principal subject, PublicKey publicKey, BigInteger serial,
                                  Instant notBefore, Instant notAfter, boolean ca, int pathLen,
                                  Set<KeyUsage> keyUsage, boolean keyUsageCritical, List<String> extendedKeyUsage,
                                  List<String> uris, List<String> dnsNames, List<InetAddress> ipAddresses,
                                  String signatureAlgorithm) {
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    public CertificateTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
        keyUsage = keyUsage == null ? null : Set.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        uris = List.copyOf(uris);
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** A random positive 127-bit serial number. */
    public static BigInteger randomSerial(SecureRandom random) {
        return new BigInteger(127, random).setBit(0);
    }

    /** A template for a leaf: cA=false, keyUsage digitalSignature (critical), EKU serverAuth+clientAuth. */
    public static Builder leaf(String subjectDn, PublicKey key, BigInteger serial, Instant notBefore, Instant notAfter) {
        return new Builder(subjectDn, key, serial, notBefore, notAfter)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE))
                .extendedKeyUsage(List.of(SERVER_AUTH, CLIENT_AUTH));
    }

    /** A template for a CA: cA=true, keyUsage keyCertSign+cRLSign (critical), no pathLen. */
    public static Builder ca(String subjectDn, PublicKey key, BigInteger serial, Instant notBefore, Instant notAfter) {
        return new Builder(subjectDn, key, serial, notBefore, notAfter).ca(true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN));
    }

    /** Fills in the optional parts of a template; every setter returns this. */
    public static final class Builder {
        private final X500Principal subject;
        private final PublicKey publicKey;
        private final BigInteger serial;
        private final Instant notBefore;
        private final Instant notAfter;
        private boolean ca;
        private int pathLen = -1;
        private Set<KeyUsage> keyUsage;
        private boolean keyUsageCritical = true;
        private List<String> extendedKeyUsage = List.of();
        private final List<String> uris = new ArrayList<>();
        private final List<String> dnsNames = new ArrayList<>();
        private final List<InetAddress> ipAddresses = new ArrayList<>();
        private String signatureAlgorithm;

        public Builder(String subjectDn, PublicKey key, BigInteger serial, Instant notBefore, Instant notAfter) {
            this.subject = new X500Principal(subjectDn);
            this.publicKey = key;
            this.serial = serial;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
        }

        public Builder ca(boolean isCa) {
            this.ca = isCa;
            return this;
        }

        public Builder pathLen(int length) {
            this.pathLen = length;
            return this;
        }

        /** null omits the keyUsage extension. */
        public Builder keyUsage(Set<KeyUsage> usage) {
            this.keyUsage = usage;
            return this;
        }

        public Builder keyUsageCritical(boolean critical) {
            this.keyUsageCritical = critical;
            return this;
        }

        public Builder extendedKeyUsage(List<String> oids) {
            this.extendedKeyUsage = oids;
            return this;
        }

        public Builder uri(String uri) {
            uris.add(uri);
            return this;
        }

        public Builder dns(String name) {
            dnsNames.add(name);
            return this;
        }

        public Builder ip(InetAddress address) {
            ipAddresses.add(address);
            return this;
        }

        public Builder signatureAlgorithm(String jcaName) {
            this.signatureAlgorithm = jcaName;
            return this;
        }

        public CertificateTemplate build() {
            return new CertificateTemplate(subject, publicKey, serial, notBefore, notAfter, ca, pathLen, keyUsage,
                    keyUsageCritical, extendedKeyUsage, uris, dnsNames, ipAddresses, signatureAlgorithm);
        }
    }
}
