package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.crypto.FipsPolicy;
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
import java.util.Locale;

/**
 * A CA key at rest, encrypted with the CA passphrase in a 0600 file: PKCS#12 ({@code .p12}) in default
 * mode, BCFKS ({@code .bcfks}, BouncyCastle FIPS key store: PBKDF2-HMAC-SHA512 and AES-CCM) in FIPS
 * mode. The file name says which; the key store comes from the JCA provider list, so in FIPS mode
 * it is BC-FIPS's.
 */
public final class CaKeyStore {
    private static final String ALIAS = "ca";

    private CaKeyStore() {
    }

    /** BC-FIPS refuses PBKDF2 passwords under 112 bits, so BCFKS stores need at least 14 characters. */
    public static final int MIN_FIPS_PASSPHRASE = FipsPolicy.MIN_PASSWORD_CHARS;

    public static void save(Path file, CertificateAuthority ca, char[] passphrase) {
        requireFipsLength(file, passphrase);
        try {
            KeyStore ks = KeyStore.getInstance(type(file));
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, ca.key(), passphrase, new Certificate[] {ca.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, passphrase);
            AtomicFiles.write(file, out.toByteArray(), AtomicFiles.PRIVATE);
        } catch (IOException | GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, file + ": cannot store CA key: " + e.getMessage(), e);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow(file + ": storing the CA key", e);
        }
    }

    public static CertificateAuthority load(Path file, char[] passphrase) {
        if (tooShortForBcfks(file, passphrase)) {
            throw wrongPassphrase(file, null); // no BCFKS store is ever written with a shorter one
        }
        try {
            KeyStore ks = KeyStore.getInstance(type(file));
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
            if (e.getCause() instanceof UnrecoverableKeyException || isBcfksMacFailure(file, e)) {
                throw wrongPassphrase(file, e);
            }
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": cannot read CA key store: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": cannot read CA key store: "
                    + e.getMessage(), e);
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow(file + ": reading the CA key store", e);
        }
    }

    private static void requireFipsLength(Path file, char[] passphrase) {
        if (tooShortForBcfks(file, passphrase)) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": FIPS mode needs a CA passphrase of at least "
                    + MIN_FIPS_PASSPHRASE + " characters (112 bits); give a longer one with LANYARD_CA_PASSPHRASE or "
                    + "--ca-passphrase-file");
        }
    }

    private static boolean tooShortForBcfks(Path file, char[] passphrase) {
        return type(file).equals("BCFKS") && passphrase.length < MIN_FIPS_PASSPHRASE;
    }

    /** {@code BCFKS} for a {@code .bcfks} file, else {@code PKCS12}. */
    public static String type(Path file) {
        return file.getFileName().toString().endsWith(".bcfks") ? "BCFKS" : "PKCS12";
    }

    /** BC-FIPS reports a wrong BCFKS password as a failed integrity check. */
    private static boolean isBcfksMacFailure(Path file, IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return type(file).equals("BCFKS") && (m.contains("mac") || m.contains("password"));
    }

    private static LanyardException wrongPassphrase(Path file, Exception e) {
        return new LanyardException(Failure.KEY_OR_CERTIFICATE, file + ": wrong CA passphrase; give the one used at "
                + "init with LANYARD_CA_PASSPHRASE or --ca-passphrase-file", e);
    }
}
