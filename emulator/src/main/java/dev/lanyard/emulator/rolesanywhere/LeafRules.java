package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.api.AwsError;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end-entity rules: X.509 v3, not a CA, keyUsage digitalSignature, SHA-256 or stronger, valid now, a subject. */
final class LeafRules {
    private static final String[] KEY_USAGE = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private LeafRules() {
    }

    static void check(X509Certificate leaf, Instant now) {
        String who = "leaf \"" + leaf.getSubjectX500Principal().getName() + "\"";
        if (leaf.getVersion() != 3) {
            throw untrusted(who + " is X.509 v" + leaf.getVersion() + "; v3 is required");
        }
        if (leaf.getBasicConstraints() >= 0) {
            throw untrusted(who + " is a CA certificate (basicConstraints cA=true); an end-entity certificate is required");
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku == null) {
            throw untrusted(who + " has no keyUsage extension; digitalSignature is required");
        }
        if (ku.length == 0 || !ku[0]) {
            throw untrusted(who + " has keyUsage " + usages(ku) + "; digitalSignature is required");
        }
        weakSignature(leaf, "leaf");
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            throw untrusted(who + " is not valid until " + leaf.getNotBefore().toInstant() + " (now " + now + ")");
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            throw untrusted(who + " expired at " + leaf.getNotAfter().toInstant() + " (now " + now + ")");
        }
        if (leaf.getSubjectX500Principal().getEncoded().length <= 2) {
            throw untrusted("leaf (serial " + leaf.getSerialNumber() + ") has an empty subject; Roles Anywhere keys subjects by it");
        }
    }

    /** MD5 and SHA-1 signatures are refused for every certificate in the path. */
    static void weakSignature(X509Certificate cert, String role) {
        String alg = cert.getSigAlgName().toUpperCase(Locale.ROOT);
        if (alg.contains("MD5") || alg.contains("MD2") || alg.startsWith("SHA1") || alg.contains("SHA1WITH")) {
            throw untrusted(role + " \"" + cert.getSubjectX500Principal().getName() + "\" is signed with " + cert.getSigAlgName()
                    + "; SHA-256 or stronger is required");
        }
    }

    private static String usages(boolean[] ku) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ku.length && i < KEY_USAGE.length; i++) {
            if (ku[i]) {
                names.add(KEY_USAGE[i]);
            }
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    static AwsError untrusted(String explanation) {
        return AwsError.accessDenied("Untrusted Signing Certificate", explanation);
    }
}
