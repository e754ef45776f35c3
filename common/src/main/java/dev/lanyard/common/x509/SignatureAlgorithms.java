package dev.lanyard.common.x509;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.util.Map;

/** JCA signature algorithm names and their X.509 AlgorithmIdentifier encodings. */
final class SignatureAlgorithms {
    /** JCA name → OID; RSA ones carry NULL parameters. */
    private static final Map<String, String> OIDS = Map.ofEntries(
            Map.entry("MD5withRSA", "1.2.840.113549.1.1.4"),
            Map.entry("SHA1withRSA", "1.2.840.113549.1.1.5"),
            Map.entry("SHA256withRSA", "1.2.840.113549.1.1.11"),
            Map.entry("SHA384withRSA", "1.2.840.113549.1.1.12"),
            Map.entry("SHA512withRSA", "1.2.840.113549.1.1.13"),
            Map.entry("SHA1withECDSA", "1.2.840.10045.4.1"),
            Map.entry("SHA256withECDSA", "1.2.840.10045.4.3.2"),
            Map.entry("SHA384withECDSA", "1.2.840.10045.4.3.3"),
            Map.entry("SHA512withECDSA", "1.2.840.10045.4.3.4"),
            Map.entry("ML-DSA-44", PrivateKeys.OID_ML_DSA_44),
            Map.entry("ML-DSA-65", PrivateKeys.OID_ML_DSA_65),
            Map.entry("ML-DSA-87", PrivateKeys.OID_ML_DSA_87),
            Map.entry("Ed25519", PrivateKeys.OID_ED25519),
            Map.entry("Ed448", PrivateKeys.OID_ED448));

    private SignatureAlgorithms() {
    }

    /** The algorithm Lanyard signs with for a key: SHA-256 for RSA and P-256, SHA-384/512 for P-384/P-521. */
    static String defaultFor(PublicKey key) {
        String spkiOid = spkiParameterOid(key);
        return switch (key.getAlgorithm()) {
            case "RSA" -> ((RSAKey) key).getModulus().bitLength() > 3072 ? "SHA384withRSA" : "SHA256withRSA";
            case "EC" -> switch (String.valueOf(spkiOid)) {
                case "1.3.132.0.34" -> "SHA384withECDSA";
                case "1.3.132.0.35" -> "SHA512withECDSA";
                default -> "SHA256withECDSA";
            };
            case "EdDSA", "Ed25519", "Ed448" -> PrivateKeys.OID_ED448.equals(spkiOid) ? "Ed448" : "Ed25519";
            default -> {
                for (Map.Entry<String, String> e : OIDS.entrySet()) {
                    if (e.getValue().equals(spkiOid)) {
                        yield e.getKey();
                    }
                }
                throw new LanyardException(Failure.KEY_OR_CERTIFICATE,
                        "cannot sign certificates with a " + key.getAlgorithm() + " key (RSA, EC, ML-DSA or EdDSA)");
            }
        };
    }

    /** The DER AlgorithmIdentifier for a JCA signature algorithm name. */
    static byte[] identifier(String jcaName) {
        String oid = OIDS.get(jcaName);
        if (oid == null) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, "unsupported certificate signature algorithm "
                    + jcaName + " (use " + String.join(", ", OIDS.keySet().stream().sorted().toList()) + ")");
        }
        return jcaName.endsWith("withRSA")
                ? Der.encode(Der.SEQUENCE, Der.oidElement(oid), new byte[] {Der.NULL, 0})
                : Der.encode(Der.SEQUENCE, Der.oidElement(oid));
    }

    /** For EC the curve OID; for other keys the algorithm OID itself (ML-DSA and EdDSA name the parameter set). */
    static String spkiParameterOid(PublicKey key) {
        try {
            java.util.List<Der.Tlv> alg = Der.read(key.getEncoded(), 0).children().get(0).children();
            Der.Tlv last = alg.size() > 1 && alg.get(1).tag() == Der.OID ? alg.get(1) : alg.get(0);
            return Der.oid(last.value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
