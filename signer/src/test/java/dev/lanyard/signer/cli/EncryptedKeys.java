package dev.lanyard.signer.cli;

import dev.lanyard.common.x509.Der;
import dev.lanyard.common.x509.Pem;
import java.security.AlgorithmParameters;
import java.security.PrivateKey;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) made with the JDK, as openssl makes it. */
final class EncryptedKeys {
    private EncryptedKeys() {
    }

    static String pem(PrivateKey key, char[] password) throws Exception {
        String alg = "PBEWithHmacSHA256AndAES_256";
        PBEParameterSpec spec = new PBEParameterSpec(new byte[16], 2048, new IvParameterSpec(new byte[16]));
        Cipher c = Cipher.getInstance(alg);
        c.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(alg).generateSecret(new PBEKeySpec(password)), spec);
        AlgorithmParameters params = c.getParameters();
        byte[] algorithm = Der.encode(Der.SEQUENCE, Der.oidElement("1.2.840.113549.1.5.13"), params.getEncoded());
        byte[] info = Der.encode(Der.SEQUENCE, algorithm, Der.encode(Der.OCTET_STRING, c.doFinal(key.getEncoded())));
        new EncryptedPrivateKeyInfo(info);
        return Pem.encode("ENCRYPTED PRIVATE KEY", info);
    }
}
