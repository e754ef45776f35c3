package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/** A CA key at rest: a PKCS#12 file (0600) encrypted with the CA passphrase. */
public final class CaKeyStore {
    private static final String ALIAS = "ca";

    private CaKeyStore() {
    }

    public static void save(Path file, CertificateAuthority ca, char[] passphrase) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, ca.key(), passphrase, new Certificate[] {ca.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, passphrase);
            AtomicFiles.write(file, out.toByteArray(), AtomicFiles.PRIVATE);
        } catch (IOException | GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, file + ": cannot store CA key: " + e.getMessage(), e);
        }
    }

    public static CertificateAuthority load(Path file, char[] passphrase) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), passphrase);
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, passphrase);
            X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
            if (key == null || cert == null) {
                throw new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": no CA entry in the key store");
            }
            return new CertificateAuthority(key, cert);
        } catch (NoSuchFileException e) {
            throw new LanyardException(Failure.FILE, file + ": no such file; run lanyard issuer init", e);
        } catch (UnrecoverableKeyException e) {
            throw wrongPassphrase(file, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassphrase(file, e);
            }
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": cannot read CA key store: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": cannot read CA key store: "
                    + e.getMessage(), e);
        }
    }

    private static LanyardException wrongPassphrase(Path file, Exception e) {
        return new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": wrong CA passphrase; give the one used at "
                + "init with LANYARD_CA_PASSPHRASE or --ca-passphrase-file", e);
    }
}
