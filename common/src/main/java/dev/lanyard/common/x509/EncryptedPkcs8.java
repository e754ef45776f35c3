package dev.lanyard.common.x509;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.crypto.Pbkdf2;
import dev.lanyard.common.crypto.Scrypt;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts {@code ENCRYPTED PRIVATE KEY} (PKCS#8 EncryptedPrivateKeyInfo) to plain PKCS#8 DER.
 * PBES2 (RFC 8018) with PBKDF2 (HMAC-SHA1/224/256/384/512) or scrypt (RFC 7914), and AES-128/192/256-CBC
 * or DES-EDE3-CBC; older PBES1/PKCS#12 schemes go through the JDK.
 */
final class EncryptedPkcs8 {
    static final String OID_PBES2 = "1.2.840.113549.1.5.13";
    static final String OID_PBKDF2 = "1.2.840.113549.1.5.12";
    static final String OID_SCRYPT = "1.3.6.1.4.1.11591.4.11";
    static final Map<String, String> PRFS = Map.of(
            "1.2.840.113549.2.7", "HmacSHA1",
            "1.2.840.113549.2.8", "HmacSHA224",
            "1.2.840.113549.2.9", "HmacSHA256",
            "1.2.840.113549.2.10", "HmacSHA384",
            "1.2.840.113549.2.11", "HmacSHA512");
    /** Cipher OID → JCA transformation, key algorithm and key length. */
    record Scheme(String transformation, String keyAlgorithm, int keyLength) {
    }

    static final Map<String, Scheme> CIPHERS = Map.of(
            "2.16.840.1.101.3.4.1.2", new Scheme("AES/CBC/PKCS5Padding", "AES", 16),
            "2.16.840.1.101.3.4.1.22", new Scheme("AES/CBC/PKCS5Padding", "AES", 24),
            "2.16.840.1.101.3.4.1.42", new Scheme("AES/CBC/PKCS5Padding", "AES", 32),
            "1.2.840.113549.3.7", new Scheme("DESede/CBC/PKCS5Padding", "DESede", 24));
    private static final String REENCRYPT = "; re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc";

    private EncryptedPkcs8() {
    }

    static byte[] decrypt(byte[] der, char[] password, String source) {
        List<Der.Tlv> top;
        String schemeOid;
        try {
            top = Der.read(der, 0).children();
            schemeOid = Der.oid(top.get(0).children().get(0).value());
        } catch (RuntimeException e) {
            throw PrivateKeys.fail(source + ": ENCRYPTED PRIVATE KEY is not valid encrypted PKCS#8 DER");
        }
        byte[] plain = schemeOid.equals(OID_PBES2)
                ? pbes2(top.get(0).children().get(1), top.get(1).value(), password, source)
                : legacy(der, password, source);
        try {
            Der.read(plain, 0).children();
        } catch (RuntimeException e) {
            throw wrongPassword(source);
        }
        return plain;
    }

    private static byte[] pbes2(Der.Tlv params, byte[] data, char[] password, String source) {
        byte[] pw = utf8(password);
        try {
            List<Der.Tlv> p = params.children();
            List<Der.Tlv> kdf = p.get(0).children();
            List<Der.Tlv> enc = p.get(1).children();
            String cipherOid = Der.oid(enc.get(0).value());
            Scheme scheme = CIPHERS.get(cipherOid);
            if (scheme == null) {
                throw PrivateKeys.fail(source + ": encrypted PKCS#8 uses unsupported cipher " + cipherOid + REENCRYPT);
            }
            byte[] key = deriveKey(Der.oid(kdf.get(0).value()), kdf.get(1).children(), pw, scheme.keyLength(), source);
            Cipher cipher = Cipher.getInstance(scheme.transformation());
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, scheme.keyAlgorithm()),
                    new IvParameterSpec(enc.get(1).value()));
            return cipher.doFinal(data);
        } catch (BadPaddingException e) {
            throw wrongPassword(source);
        } catch (GeneralSecurityException e) {
            throw PrivateKeys.fail(source + ": cannot decrypt the encrypted PKCS#8 key (" + e.getMessage() + ")");
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            throw PrivateKeys.fail(source + ": encrypted PKCS#8 has malformed PBES2 parameters" + REENCRYPT);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow(source + ": decrypting the encrypted PKCS#8 key", e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] deriveKey(String kdfOid, List<Der.Tlv> k, byte[] pw, int keyLength, String source)
            throws GeneralSecurityException {
        byte[] salt = k.get(0).value();
        switch (kdfOid) {
            case OID_PBKDF2 -> {
                String prf = "HmacSHA1";
                for (int i = 2; i < k.size(); i++) {
                    if (k.get(i).tag() == Der.SEQUENCE) {
                        String oid = Der.oid(k.get(i).children().get(0).value());
                        prf = PRFS.get(oid);
                        if (prf == null) {
                            throw PrivateKeys.fail(source + ": encrypted PKCS#8 uses unsupported PBKDF2 PRF " + oid
                                    + REENCRYPT);
                        }
                    }
                }
                return Pbkdf2.derive(prf, pw, salt, integer(k.get(1)), keyLength);
            }
            case OID_SCRYPT -> {
                return Scrypt.derive(pw, salt, integer(k.get(1)), integer(k.get(2)), integer(k.get(3)), keyLength);
            }
            default -> throw PrivateKeys.fail(source + ": encrypted PKCS#8 uses unsupported key derivation " + kdfOid
                    + REENCRYPT);
        }
    }

    /** PBES1 and PKCS#12 password-based schemes, which the JDK implements. */
    private static byte[] legacy(byte[] der, char[] password, String source) {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String alg = info.getAlgName();
            SecretKeyFactory skf = SecretKeyFactory.getInstance(alg);
            Cipher cipher = Cipher.getInstance(alg);
            cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            return cipher.doFinal(info.getEncryptedData());
        } catch (BadPaddingException e) {
            throw wrongPassword(source);
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw PrivateKeys.fail(source + ": encrypted PKCS#8 uses an unsupported encryption scheme ("
                    + e.getClass().getSimpleName() + ")" + REENCRYPT);
        }
    }

    private static int integer(Der.Tlv t) {
        if (t.tag() != Der.INTEGER) {
            throw new IllegalArgumentException("expected INTEGER");
        }
        return new BigInteger(t.value()).intValueExact();
    }

    private static byte[] utf8(char[] password) {
        java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static LanyardException wrongPassword(String source) {
        return new LanyardException(Failure.KEY_OR_CERTIFICATE,
                source + ": cannot decrypt the encrypted PKCS#8 key: wrong --pkcs8-password?");
    }
}
