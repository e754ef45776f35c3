package dev.lanyard.emulator.rolesanywhere;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * The source identity Roles Anywhere sets: "CN=" + CN when the CN has at most 61 characters, the bare
 * CN at 62-64, otherwise "ID=" + the serial in hex padded to an even length.
 */
public final class SourceIdentity {
    private SourceIdentity() {
    }

    public static String of(X509Certificate cert) {
        Map<String, String> subject = new java.util.LinkedHashMap<>();
        PrincipalTags.rdns("", cert.getSubjectX500Principal(), subject);
        String cn = subject.get("CN");
        if (cn != null && !cn.isEmpty() && cn.length() <= 61) {
            return "CN=" + cn;
        }
        if (cn != null && cn.length() >= 62 && cn.length() <= 64) {
            return cn;
        }
        return "ID=" + evenHex(cert.getSerialNumber());
    }

    static String evenHex(BigInteger serial) {
        String hex = serial.toString(16);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /** The session name used when the request gives none: the serial in lower-case hex. */
    public static String defaultSessionName(X509Certificate cert) {
        return cert.getSerialNumber().toString(16);
    }
}
