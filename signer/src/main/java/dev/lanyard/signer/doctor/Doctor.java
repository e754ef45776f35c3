package dev.lanyard.signer.doctor;

import dev.lanyard.signer.session.Endpoint;
import java.time.Clock;

/**
 * {@code lanyard-signer doctor}: everything Roles Anywhere will check, checked locally first, with a
 * fix for each failure; then the clock against the endpoint's when it is reachable.
 */
public final class Doctor {
    private final Clock clock;
    private final ServerClock serverClock;

    public Doctor(Clock clock, ServerClock serverClock) {
        this.clock = clock;
        this.serverClock = serverClock;
    }

    public Checklist run(DoctorInputs in) {
        Checklist list = new Checklist();
        new CertificateChecks(in, list, clock.instant()).run();
        SessionChecks session = new SessionChecks(in, list, clock.instant());
        Endpoint endpoint = session.run();
        session.clockSkew(endpoint, serverClock);
        return list;
    }
}
