package dev.lanyard.signer.doctor;

import java.security.cert.X509Certificate;

/**
 * The source identity Roles Anywhere sets: {@code CN=<cn>} for a CN of at most 61 characters, the bare
 * CN for 62 to 64, else {@code ID=<hex serial>} left-padded to an even number of digits.
 */
final class SourceIdentity {
    private SourceIdentity() {
    }

    static String of(X509Certificate cert) {
        String cn = null;
        for (DistinguishedName.Attribute a : DistinguishedName.attributes(cert.getSubjectX500Principal())) {
            if (a.name().equals("CN")) {
                cn = a.value();
                break;
            }
        }
        if (cn != null && !cn.isEmpty() && cn.length() <= 61) {
            return "CN=" + cn;
        }
        if (cn != null && cn.length() >= 62 && cn.length() <= 64) {
            return cn;
        }
        String hex = cert.getSerialNumber().toString(16);
        return "ID=" + (hex.length() % 2 == 1 ? "0" + hex : hex);
    }
}
