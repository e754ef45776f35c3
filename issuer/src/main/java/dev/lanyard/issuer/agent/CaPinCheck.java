package dev.lanyard.issuer.agent;

import dev.lanyard.issuer.client.CaPinVerifier;
import dev.lanyard.issuer.client.FirstContact;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The bot's first contact with an issuer: which host CA to trust, from the configured
 * {@code onboarding.ca_pins} / {@code --ca-pin}. A pin may be the SPIFFE CA pin that
 * {@code lanyard ctl status} prints first (the issuer proves it holds that CA's key by signing the
 * bot's nonce bound to the host CA and the TLS certificate; either CA during a rotation) or the host CA
 * pin. See {@link CaPinVerifier} for the rules.
 */
final class CaPinCheck {
    static final String HINT = "set onboarding.ca_pins (or --ca-pin) to the CA pin that lanyard ctl status prints "
            + "on the issuer host";

    private CaPinCheck() {
    }

    /** Returns the host CA certificate to trust from now on; a wrong pin fails with UNTRUSTED. */
    static X509Certificate hostCa(String server, List<String> pins, SecureRandom random) {
        List<String> parsed = pins.stream().map(p -> CaPinVerifier.parsePin(p, "onboarding.ca_pins")).toList();
        return FirstContact.verify(server, parsed, random, HINT).hostCa();
    }
}
