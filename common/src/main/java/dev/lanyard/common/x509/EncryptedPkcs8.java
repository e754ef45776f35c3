package dev.lanyard.common.x509;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Decrypts {@code ENCRYPTED PRIVATE KEY} (PKCS#8 with PBES2) to plain PKCS#8 DER. */
final class EncryptedPkcs8 {
    private EncryptedPkcs8() {
    }

    static byte[] decrypt(byte[] der, char[] password, String source) {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String alg = info.getAlgName();
            SecretKeyFactory skf = SecretKeyFactory.getInstance(alg);
            Cipher cipher = Cipher.getInstance(alg);
            cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE,
                    source + ": cannot decrypt the encrypted PKCS#8 key: wrong --pkcs8-password or unsupported"
                            + " encryption (" + e.getClass().getSimpleName() + ")");
        }
    }
}
