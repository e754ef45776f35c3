package dev.lanyard.common.x509;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Set;

/** The X.509 keyUsage bits (RFC 5280 §4.2.1.3), in bit order. */
public enum KeyUsage {
    DIGITAL_SIGNATURE("digitalSignature"),
    NON_REPUDIATION("nonRepudiation"),
    KEY_ENCIPHERMENT("keyEncipherment"),
    DATA_ENCIPHERMENT("dataEncipherment"),
    KEY_AGREEMENT("keyAgreement"),
    KEY_CERT_SIGN("keyCertSign"),
    CRL_SIGN("cRLSign"),
    ENCIPHER_ONLY("encipherOnly"),
    DECIPHER_ONLY("decipherOnly");

    private final String rfcName;

    KeyUsage(String rfcName) {
        this.rfcName = rfcName;
    }

    /** The name RFC 5280 uses, e.g. {@code keyCertSign}. */
    public String rfcName() {
        return rfcName;
    }

    /** The bits a certificate asserts; null when it has no keyUsage extension. */
    public static Set<KeyUsage> of(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        if (bits == null) {
            return null;
        }
        Set<KeyUsage> out = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage k : values()) {
            if (k.ordinal() < bits.length && bits[k.ordinal()]) {
                out.add(k);
            }
        }
        return out;
    }
}
