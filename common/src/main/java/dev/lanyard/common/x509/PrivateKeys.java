package dev.lanyard.common.x509;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Reads private keys, as PEM or DER: PKCS#8 {@code PRIVATE KEY}, encrypted PKCS#8
 * {@code ENCRYPTED PRIVATE KEY} (see {@link EncryptedPkcs8}), SEC1 {@code EC PRIVATE KEY}, PKCS#1
 * {@code RSA PRIVATE KEY}, the key of a PKCS#12 file, and the key block of a combined key+certificate
 * PEM file. RSA, EC, ML-DSA and EdDSA keys. {@code source} names the input in errors.
 */
public final class PrivateKeys {
    static final String OID_RSA = "1.2.840.113549.1.1.1";
    static final String OID_EC = "1.2.840.10045.2.1";
    static final String OID_ML_DSA_44 = "2.16.840.1.101.3.4.3.17";
    static final String OID_ML_DSA_65 = "2.16.840.1.101.3.4.3.18";
    static final String OID_ML_DSA_87 = "2.16.840.1.101.3.4.3.19";
    static final String OID_ED25519 = "1.3.101.112";
    static final String OID_ED448 = "1.3.101.113";
    private static final String DER_FORMATS = "DER PKCS#8, encrypted PKCS#8, PKCS#1, SEC1, PKCS#12";

    private PrivateKeys() {
    }

    /** Reads an unencrypted key. */
    public static PrivateKey parse(byte[] data, String source) {
        return parse(data, source, null);
    }

    /** Reads a key; {@code password} is used for encrypted PKCS#8 and PKCS#12 and may be null. */
    public static PrivateKey parse(byte[] data, String source, char[] password) {
        if (data.length == 0) {
            throw fail(source + ": file is empty; expected a PEM or DER private key");
        }
        if (!Pem.looksLikePem(data)) {
            return fromDer(data, source, password);
        }
        List<Pem.Block> blocks;
        try {
            blocks = Pem.decode(new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw fail(source + ": " + e.getMessage());
        }
        boolean certificates = false;
        for (Pem.Block b : blocks) {
            switch (b.label()) {
                case "PRIVATE KEY":
                    return fromPkcs8(b.der(), source);
                case "EC PRIVATE KEY":
                    return fromPkcs8(sec1ToPkcs8(b.der(), source), source);
                case "RSA PRIVATE KEY":
                    return fromPkcs8(pkcs1ToPkcs8(b.der()), source);
                case "ENCRYPTED PRIVATE KEY":
                    return fromPkcs8(decrypt(b.der(), source, password), source);
                case "OPENSSH PRIVATE KEY":
                    throw fail(source + ": OpenSSH private key format is not supported; convert it with:"
                            + " ssh-keygen -p -m PKCS8 -f " + source);
                case "CERTIFICATE":
                    certificates = true;
                    break;
                default:
                    break;
            }
        }
        throw fail(source + (certificates ? ": holds certificates but no private key" : ": no private key block found")
                + " (looked for PRIVATE KEY, EC PRIVATE KEY, RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY); give the key file");
    }

    /** Builds a key from unencrypted PKCS#8 DER, choosing the algorithm from its OID. */
    public static PrivateKey fromPkcs8(byte[] der, String source) {
        String algorithm = algorithmOf(der, source);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw fail(source + ": the " + algorithm + " private key in PKCS#8 cannot be decoded (" + e.getMessage()
                    + ")");
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow(source + ": the " + algorithm + " private key", e);
        }
    }

    /** A DER file: the structure tells PKCS#8, encrypted PKCS#8, PKCS#1, SEC1 and PKCS#12 apart. */
    private static PrivateKey fromDer(byte[] der, String source, char[] password) {
        List<Der.Tlv> top;
        try {
            Der.Tlv seq = Der.read(der, 0);
            if (seq.tag() != Der.SEQUENCE || seq.encodedLength() != der.length) {
                throw new IllegalArgumentException("not one DER SEQUENCE");
            }
            top = seq.children();
        } catch (RuntimeException e) {
            throw fail(source + ": not a private key (tried PEM and " + DER_FORMATS + "); give a PEM file with a"
                    + " PRIVATE KEY block");
        }
        Der.Tlv first = top.isEmpty() ? null : top.get(0);
        Der.Tlv second = top.size() < 2 ? null : top.get(1);
        if (first != null && second != null) {
            if (first.tag() == Der.SEQUENCE && second.tag() == Der.OCTET_STRING) {
                return fromPkcs8(decrypt(der, source, password), source);
            }
            if (first.tag() == Der.INTEGER) {
                BigInteger version = new BigInteger(first.value());
                if (version.intValue() == 3 && second.tag() == Der.SEQUENCE && top.size() <= 3) {
                    return Pkcs12.read(der, source, password == null ? new char[0] : password).key();
                }
                if (second.tag() == Der.SEQUENCE) {
                    return fromPkcs8(der, source);
                }
                if (version.intValue() == 1 && second.tag() == Der.OCTET_STRING) {
                    return fromPkcs8(sec1ToPkcs8(der, source), source);
                }
                if (version.signum() == 0 && top.size() >= 9) {
                    return fromPkcs8(pkcs1ToPkcs8(der), source);
                }
            }
        }
        throw fail(source + ": not a private key (tried PEM and " + DER_FORMATS + "); is this a certificate?");
    }

    private static byte[] decrypt(byte[] der, String source, char[] password) {
        if (password == null) {
            throw fail(source + ": encrypted PKCS#8 needs --pkcs8-password");
        }
        return EncryptedPkcs8.decrypt(der, password, source);
    }

    static String algorithmOf(byte[] pkcs8, String source) {
        String oid;
        try {
            List<Der.Tlv> top = Der.read(pkcs8, 0).children();
            oid = Der.oid(top.get(1).children().get(0).value());
        } catch (RuntimeException e) {
            throw fail(source + ": not a valid PKCS#8 private key (truncated or corrupted DER); export the key again");
        }
        return switch (oid) {
            case OID_RSA -> "RSA";
            case OID_EC -> "EC";
            case OID_ML_DSA_44, OID_ML_DSA_65, OID_ML_DSA_87 -> "ML-DSA";
            case OID_ED25519 -> "Ed25519";
            case OID_ED448 -> "Ed448";
            default -> throw fail(source + ": unsupported private key algorithm " + oid
                    + " (RSA, EC, ML-DSA or EdDSA expected)");
        };
    }

    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] alg = Der.encode(Der.SEQUENCE, Der.oidElement(OID_RSA), new byte[] {Der.NULL, 0});
        return Der.encode(Der.SEQUENCE, new byte[] {Der.INTEGER, 1, 0}, alg, Der.encode(Der.OCTET_STRING, pkcs1));
    }

    static byte[] sec1ToPkcs8(byte[] sec1, String source) {
        byte[] curveOid = null;
        try {
            for (Der.Tlv t : Der.read(sec1, 0).children()) {
                if (t.tag() == 0xa0) {
                    Der.Tlv oid = Der.read(t.value(), 0);
                    curveOid = Der.encode(Der.OID, oid.value());
                }
            }
        } catch (RuntimeException e) {
            throw fail(source + ": EC PRIVATE KEY block is not valid SEC1 DER");
        }
        if (curveOid == null) {
            throw fail(source + ": EC PRIVATE KEY has no curve parameters; re-export it with: openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] alg = Der.encode(Der.SEQUENCE, Der.oidElement(OID_EC), curveOid);
        return Der.encode(Der.SEQUENCE, new byte[] {Der.INTEGER, 1, 0}, alg, Der.encode(Der.OCTET_STRING, sec1));
    }

    static LanyardException fail(String message) {
        return new LanyardException(Failure.KEY_OR_CERTIFICATE, message);
    }
}
