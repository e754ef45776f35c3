package dev.lanyard.common.crypto;

import dev.lanyard.common.x509.Der;
import java.security.PublicKey;
import java.util.List;

/** Reads the named-curve OID of an EC public key from its SubjectPublicKeyInfo, provider-independently. */
final class KeyCurves {
    private KeyCurves() {
    }

    /** The curve OID in dotted form, or null when the key has explicit parameters or is not EC. */
    static String namedCurveOid(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki == null) {
            return null;
        }
        try {
            List<Der.Tlv> algorithm = Der.read(spki, 0)
                    .children().get(0).children();
            if (algorithm.size() < 2 || algorithm.get(1).tag() != Der.OID) {
                return null;
            }
            return Der.oid(algorithm.get(1).value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
