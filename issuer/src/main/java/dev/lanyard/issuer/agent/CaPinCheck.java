package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * First contact with an issuer: decides which host CA to trust from the chain the server presented,
 * the pins it claims in {@code /v1/status}, and the pins the bot was configured with. A configured pin
 * may be the SPIFFE CA pin (what {@code lanyard ctl status} prints) or the host CA pin. The presented
 * chain must be a leaf signed by a CA certificate whose pin is the status' host CA pin, and one of the
 * configured pins must be the status' SPIFFE CA pin or host CA pin. The SPIFFE CA pin is checked
 * again against the bundle fetched over the pinned connection ({@link #requireBundlePin}).
 */
final class CaPinCheck {
    private CaPinCheck() {
    }

    /** Returns the host CA certificate to trust from now on. */
    static X509Certificate hostCa(List<X509Certificate> chain, String statusCaPin, String statusHostCaPin,
                                  List<String> pins, String server) {
        if (!pins.contains(statusCaPin) && !pins.contains(statusHostCaPin)) {
            throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer's CA pin is " + statusCaPin
                    + ", not the configured " + String.join(", ", pins) + "; check the pin with lanyard ctl status "
                    + "on the issuer host");
        }
        if (chain.isEmpty()) {
            throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer presented no certificate");
        }
        X509Certificate leaf = chain.get(0);
        for (X509Certificate ca : chain.subList(1, chain.size())) {
            if (Certificates.spkiPin(ca).equals(statusHostCaPin) && ca.getBasicConstraints() >= 0 && signs(ca, leaf)) {
                return ca;
            }
        }
        throw new LanyardException(Failure.UNTRUSTED, server + ": the issuer's TLS certificate does not chain to "
                + "its host CA " + statusHostCaPin + "; refusing to join");
    }

    static void requireBundlePin(List<String> bundlePins, String statusHostCaPin, List<String> pins, String server) {
        if (pins.contains(statusHostCaPin)) {
            return;
        }
        for (String p : bundlePins) {
            if (pins.contains(p)) {
                return;
            }
        }
        throw new LanyardException(Failure.UNTRUSTED, server + ": the SPIFFE CA bundle's pins " + bundlePins
                + " do not include the configured " + String.join(", ", pins));
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
