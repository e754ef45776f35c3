package dev.lanyard.signer.doctor;

import dev.lanyard.signer.crypto.CryptoProviders;
import dev.lanyard.signer.session.Endpoint;
import java.time.Clock;

/**
 * {@code lanyard-signer doctor}: everything Roles Anywhere will check, checked locally first, with a
 * fix for each failure; then the clock against the endpoint's when it is reachable.
 */
public final class Doctor {
    private final Clock clock;
    private final ServerClock serverClock;
    private final CryptoProviders providers;

    public Doctor(Clock clock, ServerClock serverClock) {
        this(clock, serverClock, null);
    }

    /** {@code providers}: the ones {@code serverClock} uses too (one BC-FIPS instance); null: made for the inputs' mode. */
    public Doctor(Clock clock, ServerClock serverClock, CryptoProviders providers) {
        this.clock = clock;
        this.serverClock = serverClock;
        this.providers = providers;
    }

    public Checklist run(DoctorInputs in) {
        Checklist list = new Checklist();
        new CertificateChecks(in, list, clock.instant(), providers != null ? providers : new CryptoProviders(in.mode()))
                .run();
        SessionChecks session = new SessionChecks(in, list, clock.instant());
        Endpoint endpoint = session.run();
        session.clockSkew(endpoint, serverClock);
        return list;
    }
}
