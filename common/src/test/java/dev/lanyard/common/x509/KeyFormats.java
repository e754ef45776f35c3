package dev.lanyard.common.x509;

import dev.lanyard.common.testing.Openssl;
import dev.lanyard.common.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Writes a test key in a given file format, with openssl (an independent implementation) or the JDK. */
final class KeyFormats {
    static final String PASSWORD = "secret password";

    private KeyFormats() {
    }

    static byte[] write(KeyPair key, String format) {
        byte[] pkcs8Pem = Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        return switch (format) {
            case "PKCS#8 PEM" -> pkcs8Pem;
            case "PKCS#8 DER" -> key.getPrivate().getEncoded();
            case "PKCS#1 PEM" -> Openssl.run(pkcs8Pem, "rsa", "-traditional");
            case "PKCS#1 DER" -> Openssl.run(pkcs8Pem, "rsa", "-traditional", "-outform", "DER");
            case "SEC1 PEM" -> Openssl.run(pkcs8Pem, "ec");
            case "SEC1 DER" -> Openssl.run(pkcs8Pem, "ec", "-outform", "DER");
            case "encrypted PKCS#8 PEM" -> Openssl.run(pkcs8Pem, "pkcs8", "-topk8", "-v2", "aes-256-cbc",
                    "-passout", "pass:" + PASSWORD);
            case "encrypted PKCS#8 DER" -> Openssl.run(pkcs8Pem, "pkcs8", "-topk8", "-v2", "aes-256-cbc",
                    "-passout", "pass:" + PASSWORD, "-outform", "DER");
            case "encrypted PKCS#8 PEM (JDK)" -> Pem.encode("ENCRYPTED PRIVATE KEY",
                    jdkEncrypt(key.getPrivate().getEncoded(), "PBEWithHmacSHA256AndAES_256"))
                    .getBytes(StandardCharsets.US_ASCII);
            case "PKCS#12 (openssl)" -> opensslPkcs12(key, PASSWORD);
            case "PKCS#12 empty password (openssl)" -> opensslPkcs12(key, "");
            case "PKCS#12 (JDK)" -> jdkPkcs12(key, PASSWORD.toCharArray());
            case "PKCS#12 empty password (JDK)" -> jdkPkcs12(key, new char[0]);
            case "key and certificate PEM" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(Certificates.toPem(certificate(key)).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(pkcs8Pem);
                yield out.toByteArray();
            }
            default -> throw new IllegalArgumentException(format);
        };
    }

    /** PKCS#12 through openssl (from a PEM holding key and certificate) with the given password. */
    static byte[] opensslPkcs12(KeyPair key, String password) {
        try {
            java.nio.file.Path pem = java.nio.file.Files.createTempFile("key-and-cert", ".pem");
            try {
                java.nio.file.Files.write(pem, write(key, "key and certificate PEM"));
                return Openssl.run(new byte[0], "pkcs12", "-export", "-in", pem.toString(), "-inkey", pem.toString(),
                        "-passout", "pass:" + password);
            } finally {
                java.nio.file.Files.deleteIfExists(pem);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** PKCS#12 through the JDK's key store with the given password. */
    static byte[] jdkPkcs12(KeyPair key, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", key.getPrivate(), password, new Certificate[] {certificate(key)});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(KeyPair key) {
        return TestPki.selfSigned(TestPki.leafTemplate("spiffe://example.org/svc/key", key), key);
    }

    /** EncryptedPrivateKeyInfo made by the JDK's PBES2 implementation, e.g. PBEWithHmacSHA512AndAES_128. */
    static byte[] jdkEncrypt(byte[] pkcs8, String algorithm) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm);
            Cipher c = Cipher.getInstance(algorithm);
            c.init(Cipher.ENCRYPT_MODE, f.generateSecret(new PBEKeySpec(PASSWORD.toCharArray())),
                    new PBEParameterSpec("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 2048,
                            new IvParameterSpec(new byte[16])));
            byte[] encrypted = c.doFinal(pkcs8);
            // The JDK cannot name PBES2 parameters in EncryptedPrivateKeyInfo; wrap its encoding by hand.
            AlgorithmParameters params = c.getParameters();
            byte[] algorithmId = Der.encode(Der.SEQUENCE, Der.oidElement(EncryptedPkcs8.OID_PBES2), params.getEncoded());
            return Der.encode(Der.SEQUENCE, algorithmId, Der.encode(Der.OCTET_STRING, encrypted));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
