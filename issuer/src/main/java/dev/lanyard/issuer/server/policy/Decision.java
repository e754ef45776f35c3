package dev.lanyard.issuer.server.policy;

/** An authorization outcome with the reason, as audited and shown to the caller. */
public record Decision(boolean allowed, String reason) {
    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
