package dev.lanyard.signer.doctor;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.CertificateChain;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.PrivateKeys;
import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.sigv4.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The local checks on the certificate, key and chain: what Roles Anywhere will check, before it does. */
final class CertificateChecks {
    private final DoctorInputs in;
    private final Checklist out;
    private final Instant now;
    private final CryptoProviders providers;

    CertificateChecks(DoctorInputs in, Checklist out, Instant now, CryptoProviders providers) {
        this.in = in;
        this.out = out;
        this.now = now;
        this.providers = providers;
    }

    /** Returns the leaf when it could be read, for the checks that need it. */
    X509Certificate run() {
        X509Certificate leaf = certificate();
        PrivateKey key = privateKey();
        if (leaf == null) {
            return null;
        }
        if (providers.mode() == CryptoMode.FIPS) {
            fipsApproved(leaf);
        }
        if (key != null) {
            keyMatches(leaf, key);
        }
        validity(leaf);
        leafRules(leaf);
        chain(leaf);
        PrincipalTags tags = PrincipalTags.of(leaf);
        tags.tags().forEach((k, v) -> out.add(Check.info("principal tag", "aws:PrincipalTag/" + k + " = " + v)));
        tags.dropped().forEach((k, v) -> out.add(Check.warn("principal tag dropped", "aws:PrincipalTag/" + k + " = " + v
                + " does not match the STS tag pattern, so AWS drops it", "avoid characters outside letters, digits,"
                + " spaces and _.:/=+-@ (and more than 256 characters) if a trust policy needs this tag")));
        out.add(Check.info("source identity", SourceIdentity.of(leaf)));
        return leaf;
    }

    private X509Certificate certificate() {
        if (in.certificate() == null) {
            out.add(Check.fail("certificate", "no --certificate given", "pass --certificate FILE (or - or env:NAME)", Failure.USAGE));
            return null;
        }
        try {
            X509Certificate c = Certificates.parseOne(InputFiles.read(in.certificate(), in.env(), in.stdin()), in.certificate());
            out.add(Check.pass("certificate", describe(c)));
            return c;
        } catch (LanyardException e) {
            out.add(Check.fail("certificate", e.getMessage(), "point --certificate at the PEM SVID (svid.pem)", e.failure()));
            return null;
        }
    }

    private PrivateKey privateKey() {
        if (in.privateKey() == null) {
            out.add(Check.fail("private key", "no --private-key given", "pass --private-key FILE (or - or env:NAME)", Failure.USAGE));
            return null;
        }
        try {
            PrivateKey k = PrivateKeys.parse(InputFiles.read(in.privateKey(), in.env(), in.stdin()), in.privateKey(), in.password());
            out.add(Check.pass("private key", in.privateKey() + ": " + k.getAlgorithm()));
            return k;
        } catch (LanyardException e) {
            out.add(Check.fail("private key", e.getMessage(), "point --private-key at the key issued with the"
                    + " certificate (svid_key.pem); give --pkcs8-password for an encrypted key", e.failure()));
            return null;
        }
    }

    private void fipsApproved(X509Certificate leaf) {
        String name = "FIPS approved key";
        try {
            providers.requireApproved(leaf, in.certificate());
            out.add(Check.pass(name, leaf.getPublicKey().getAlgorithm() + " key approved in FIPS mode"));
        } catch (LanyardException e) {
            out.add(Check.fail(name, e.getMessage(), "issue the SVID with an RSA key of at least 2048 bits or an EC key"
                    + " on P-256, P-384 or P-521, or run without --fips", e.failure()));
        }
    }

    private void keyMatches(X509Certificate leaf, PrivateKey key) {
        String name = "key matches certificate";
        String fix = "use the private key that was issued together with this certificate";
        if (!key.getAlgorithm().equals(leaf.getPublicKey().getAlgorithm())
                && !(key.getAlgorithm().startsWith("ML-DSA") && leaf.getPublicKey().getAlgorithm().startsWith("ML-DSA"))) {
            out.add(Check.fail(name, "the key is " + key.getAlgorithm() + ", the certificate holds "
                    + leaf.getPublicKey().getAlgorithm(), fix, Failure.KEY_OR_CERTIFICATE));
            return;
        }
        try {
            SigningAlgorithm alg = SigningAlgorithm.forKeyAlgorithm(leaf.getPublicKey().getAlgorithm());
            byte[] probe = "lanyard-signer doctor".getBytes(StandardCharsets.US_ASCII);
            byte[] sig = providers.sign(alg, providers.importKey(key), probe);
            if (providers.verify(alg, leaf.getPublicKey(), probe, sig)) {
                out.add(Check.pass(name, "a test signature verifies with the certificate (" + alg.headerName() + ")"));
            } else {
                out.add(Check.fail(name, "a signature made with the key does not verify with the certificate", fix,
                        Failure.KEY_OR_CERTIFICATE));
            }
        } catch (LanyardException e) {
            out.add(Check.fail(name, e.getMessage(), fix, e.failure()));
        }
    }

    private void validity(X509Certificate leaf) {
        Instant from = leaf.getNotBefore().toInstant();
        Instant to = leaf.getNotAfter().toInstant();
        if (now.isBefore(from)) {
            out.add(Check.fail("valid now", "not valid until " + from, "check this machine's clock, or wait",
                    Failure.UNTRUSTED));
        } else if (now.isAfter(to)) {
            out.add(Check.fail("valid now", "expired at " + to, "renew it: lanyard svid issue, or check the bot's output",
                    Failure.UNTRUSTED));
        } else {
            out.add(Check.pass("valid now", from + " to " + to));
            Instant end = now.plus(Duration.ofSeconds(in.sessionDuration()));
            if (end.isAfter(to)) {
                out.add(Check.warn("valid for the session", "expires at " + to + ", before a " + in.sessionDuration()
                        + " s session would end", "renew the certificate sooner or use a shorter --session-duration"));
            } else {
                out.add(Check.pass("valid for the session", "still valid when a " + in.sessionDuration() + " s session ends"));
            }
        }
    }

    private void leafRules(X509Certificate leaf) {
        add(leaf.getVersion() == 3, "X.509 v3", "version " + leaf.getVersion(),
                "issue the certificate as X.509 v3 (with extensions)");
        add(leaf.getBasicConstraints() < 0, "not a CA", leaf.getBasicConstraints() < 0 ? "basicConstraints CA:false"
                : "basicConstraints CA:true", "use an end-entity certificate, not a CA certificate");
        boolean[] ku = leaf.getKeyUsage();
        add(ku != null && ku[0], "keyUsage digitalSignature", ku == null ? "no keyUsage extension"
                : ku[0] ? "digitalSignature present" : "keyUsage lacks digitalSignature",
                "issue the certificate with keyUsage digitalSignature");
        boolean subject = !leaf.getSubjectX500Principal().getName().isEmpty();
        add(subject, "non-empty subject", subject ? leaf.getSubjectX500Principal().getName() : "the subject is empty",
                "Roles Anywhere rejects empty subjects: give the SVID a subject (e.g. O=SPIRE,C=US or a CN)");
        String sigAlg = leaf.getSigAlgName().toUpperCase(Locale.ROOT);
        boolean strong = !(sigAlg.contains("MD5") || sigAlg.contains("SHA1") || sigAlg.startsWith("SHA-1"));
        add(strong, "signature SHA-256 or stronger", leaf.getSigAlgName(), "re-issue the certificate signed with SHA-256 or stronger");
    }

    private void chain(X509Certificate leaf) {
        List<X509Certificate> intermediates = List.of();
        if (in.intermediates() != null) {
            try {
                intermediates = Certificates.parseAll(InputFiles.read(in.intermediates(), in.env(), in.stdin()), in.intermediates());
                add(intermediates.size() <= 5, "intermediates", intermediates.size() + " certificate(s) in " + in.intermediates(),
                        "Roles Anywhere accepts at most 5 chain certificates");
            } catch (LanyardException e) {
                out.add(Check.fail("intermediates", e.getMessage(), "point --intermediates at a PEM bundle", e.failure()));
                return;
            }
        }
        if (in.trustAnchorBundle() == null) {
            out.add(Check.skip("chain to trust anchor", "pass --trust-anchor-bundle FILE (the trust anchor's PEM) to check"));
            return;
        }
        try {
            List<X509Certificate> anchors = Certificates.parseAll(
                    InputFiles.read(in.trustAnchorBundle(), in.env(), in.stdin()), in.trustAnchorBundle());
            // the leaf's own validity is its own check: judge the chain at a time the leaf is valid
            Instant at = now.isAfter(leaf.getNotAfter().toInstant()) ? leaf.getNotAfter().toInstant()
                    : now.isBefore(leaf.getNotBefore().toInstant()) ? leaf.getNotBefore().toInstant() : now;
            CertificateChain.Path path = CertificateChain.build(leaf, intermediates, anchors, at);
            out.add(Check.pass("chain to trust anchor", path.certificates().size() + " certificates, anchored at "
                    + path.anchor().getSubjectX500Principal().getName()));
        } catch (LanyardException e) {
            out.add(Check.fail("chain to trust anchor", e.getMessage(), "pass the issuing CAs with --intermediates, and"
                    + " make sure the trust anchor holds the root (lanyard ctl auth export --type tls-spiffe)", e.failure()));
        }
    }

    private void add(boolean ok, String name, String detail, String fix) {
        out.add(ok ? Check.pass(name, detail) : Check.fail(name, detail, fix, Failure.KEY_OR_CERTIFICATE));
    }

    private static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName() + ", serial " + c.getSerialNumber() + ", "
                + c.getPublicKey().getAlgorithm() + " key, issued by " + c.getIssuerX500Principal().getName();
    }
}
