package dev.lanyard.issuer.client;

import dev.lanyard.common.crypto.FipsPolicy;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.wire.CaProofResponse;
import dev.lanyard.issuer.wire.CaProofStatement;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, on first contact, which host CA to trust for an issuer, given the TLS chain the client saw,
 * the issuer's {@link CaProofResponse} for the client's nonce, and the configured pins. A pin may be:
 * <ul>
 *   <li>the host CA pin: the CA that signed the TLS certificate the client saw must have it;</li>
 *   <li>a SPIFFE CA pin (what {@code lanyard ctl status} shows first; either CA during a rotation):
 *       the proof for that CA must carry a certificate whose key has the pin, and a signature by that
 *       key over the statement the client computes itself from its nonce, the host CA it saw and the
 *       TLS certificate it saw. A server that has only the public CA certificate, or that relays
 *       another issuer's proof, fails here.</li>
 * </ul>
 * Pure: no I/O, so the decision is tested with hand-made chains and proofs.
 */
public final class CaPinVerifier {
    private static final Pattern PIN = Pattern.compile("sha256:[0-9a-f]{64}");

    /** What a pin check established. {@code spiffe}: the pin was a SPIFFE CA pin proven by signature. */
    public record Trust(X509Certificate hostCa, String pin, boolean spiffe) {
    }

    private static final Set<String> ALGORITHMS = Set.of("SHA256withECDSA", "SHA384withECDSA", "SHA256withRSA");

    private CaPinVerifier() {
    }

    /** Whether {@code text} is a CA pin as {@code Certificates.spkiPin} writes it: sha256: and 64 lower-case hex. */
    public static boolean isPin(String text) {
        return PIN.matcher(text).matches();
    }

    /** Refuses anything that is not {@code sha256:} and 64 hex digits; returns the pin in lower case. */
    public static String parsePin(String pin, String source) {
        String p = pin == null ? "" : pin.strip().toLowerCase(Locale.ROOT);
        if (!isPin(p)) {
            throw new LanyardException(Failure.USAGE, source + ": a CA pin is sha256: and 64 hex digits (as lanyard "
                    + "ctl status prints it), got '" + pin + "'");
        }
        return p;
    }

    /**
     * @param hint what to tell the user on a mismatch, e.g. "use the CA pin that lanyard ctl status prints"
     */
    public static Trust verify(List<X509Certificate> chain, List<String> pins, String nonce, CaProofResponse proof,
                               String server, String hint) {
        List<String> wanted = pins.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        X509Certificate hostCa = hostCa(chain, server);
        String hostPin = Certificates.spkiPin(hostCa);
        if (wanted.contains(hostPin)) {
            return new Trust(hostCa, hostPin, false);
        }
        String tls = CaProofStatement.certificateHash(chain.get(0));
        List<String> offered = new ArrayList<>();
        String unproven = null;
        for (CaProofResponse.Proof p : proof == null ? List.<CaProofResponse.Proof>of() : proof.proofs()) {
            X509Certificate ca = certificate(p, server);
            String pin = Certificates.spkiPin(ca);
            offered.add(pin);
            if (!wanted.contains(pin)) {
                continue;
            }
            if (signed(p, ca, new CaProofStatement(nonce, hostPin, tls, pin).bytes())) {
                return new Trust(hostCa, pin, true);
            }
            unproven = pin;
        }
        if (unproven != null) {
            throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer shows SPIFFE CA " + unproven
                    + " but cannot prove it holds that CA's key for this connection; refusing (it is not the issuer "
                    + "you pinned, or something relays the connection)");
        }
        throw new LanyardException(Failure.UNTRUSTED, "CA pin mismatch: the issuer at " + server + " has SPIFFE CA pin "
                + (offered.isEmpty() ? "(none)" : String.join(" or ", offered)) + " and host CA pin " + hostPin
                + ", not " + String.join(", ", wanted) + "; " + hint);
    }

    /** The CA in the chain that signed the leaf; a chain without one is refused. */
    static X509Certificate hostCa(List<X509Certificate> chain, String server) {
        if (chain.isEmpty()) {
            throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer presented no TLS certificate");
        }
        X509Certificate leaf = chain.get(0);
        for (X509Certificate ca : chain.subList(1, chain.size())) {
            if (ca.getBasicConstraints() >= 0 && signs(ca, leaf)) {
                return ca;
            }
        }
        throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer's TLS certificate is not signed by a CA "
                + "certificate in its chain; refusing");
    }

    private static X509Certificate certificate(CaProofResponse.Proof p, String server) {
        try {
            return Certificates.parseOne(String.valueOf(p.certificate()).getBytes(StandardCharsets.US_ASCII),
                    server + " CA proof");
        } catch (LanyardException e) {
            throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer's CA proof holds no readable CA "
                    + "certificate; refusing");
        }
    }

    private static boolean signed(CaProofResponse.Proof p, X509Certificate ca, byte[] statement) {
        if (!ALGORITHMS.contains(p.signatureAlgorithm()) || p.signature() == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(p.signatureAlgorithm());
            s.initVerify(ca.getPublicKey());
            s.update(statement);
            return s.verify(Base64.getDecoder().decode(p.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        } catch (AssertionError e) {
            throw FipsPolicy.rethrow("verifying the issuer's CA proof", e);
        }
    }

    private static boolean signs(X509Certificate ca, X509Certificate leaf) {
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
