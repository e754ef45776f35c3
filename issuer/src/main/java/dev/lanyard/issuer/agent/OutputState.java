package dev.lanyard.issuer.agent;

import java.time.Instant;

/**
 * What the bot knows about one output, replaced as a whole after each attempt (so the diagnostics
 * server reads a consistent snapshot): when to try next, the SVID on disk, and the counters.
 */
record OutputState(OutputConfig output, Instant next, int failuresInARow, String spiffeId, String serial,
                   Instant notAfter, long renewals, long failures) {

    static OutputState initial(OutputConfig output, Instant now, Instant existingNotAfter) {
        return new OutputState(output, now, 0, null, null, existingNotAfter, 0, 0);
    }

    OutputState renewed(Instant next, String spiffeId, String serial, Instant notAfter) {
        return new OutputState(output, next, 0, spiffeId, serial, notAfter, renewals + 1, failures);
    }

    OutputState failed(Instant next) {
        return new OutputState(output, next, failuresInARow + 1, spiffeId, serial, notAfter, renewals, failures + 1);
    }

    OutputState dueAt(Instant when) {
        return new OutputState(output, when, failuresInARow, spiffeId, serial, notAfter, renewals, failures);
    }

    OutputState withOutput(OutputConfig o) {
        return new OutputState(o, next, failuresInARow, spiffeId, serial, notAfter, renewals, failures);
    }

    /** Ready: the SVID on disk is valid now. */
    boolean validAt(Instant now) {
        return notAfter != null && now.isBefore(notAfter);
    }
}
