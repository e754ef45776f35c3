package dev.lanyard.issuer.server.ca;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Der;
import dev.lanyard.issuer.crypto.KeyType;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs a {@link CertTemplate} with an issuer key, adding the key identifiers; or a ready TBSCertificate. */
final class CertificateSigner {
    private CertificateSigner() {
    }

    /**
     * Signs encoded TBSCertificates with one key: {@code Certificate ::= SEQUENCE { tbs, algorithm,
     * BIT STRING signature }}. Each thread keeps its own initialised {@link Signature} (found through
     * the default provider list, so BC-FIPS serves it in FIPS mode), which {@code sign()} leaves ready
     * for the next signature with the same key.
     */
    static final class TbsSigner {
        private final byte[] algorithmId;
        private final ThreadLocal<Signature> signatures;

        TbsSigner(String algorithm, byte[] algorithmId, PrivateKey key) throws GeneralSecurityException {
            this.algorithmId = algorithmId.clone();
            Signature.getInstance(algorithm).initSign(key);
            this.signatures = ThreadLocal.withInitial(() -> {
                try {
                    Signature s = Signature.getInstance(algorithm);
                    s.initSign(key);
                    return s;
                } catch (GeneralSecurityException e) {
                    throw new LanyardException(Failure.INTERNAL, "cannot sign with " + algorithm + ": "
                            + e.getMessage(), e);
                }
            });
        }

        /** The DER of the certificate made of {@code tbs} and its signature. */
        byte[] sign(byte[] tbs) {
            Signature s = signatures.get();
            byte[] signature;
            try {
                s.update(tbs);
                signature = s.sign();
            } catch (GeneralSecurityException | RuntimeException e) {
                signatures.remove();
                throw new LanyardException(Failure.INTERNAL, "cannot sign certificate: " + e.getMessage(), e);
            }
            return Der.encode(Der.SEQUENCE, tbs, algorithmId, Der.encode(Der.BIT_STRING, NO_UNUSED_BITS, signature));
        }
    }

    private static final byte[] NO_UNUSED_BITS = {0};

    /** Self-signed when {@code issuer} is null. */
    static X509Certificate sign(CertTemplate t, PrivateKey issuerKey, X509Certificate issuer) {
        try {
            X500Name issuerName = issuer == null ? t.subject()
                    : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            PublicKey issuerPublic = issuer == null ? t.publicKey() : issuer.getPublicKey();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuerName, t.serial(),
                    Date.from(t.notBefore()), Date.from(t.notAfter()), t.subject(),
                    SubjectPublicKeyInfo.getInstance(t.publicKey().getEncoded()));
            for (CertTemplate.Ext e : t.extensions()) {
                b.addExtension(e.oid(), e.critical(), e.value());
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId(t.publicKey())));
            b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId(issuerPublic)));
            var signer = new JcaContentSignerBuilder(KeyType.signatureAlgorithm(issuerKey)).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot sign certificate: " + e.getMessage(), e);
        }
    }

    /** RFC 7093 method 1: the leftmost 160 bits of the SHA-256 of the subjectPublicKey bits. */
    static byte[] keyId(PublicKey key) throws GeneralSecurityException {
        byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bits), 20);
    }
}
