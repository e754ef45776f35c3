package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/** How the bot proves who it is when it joins (and, for {@code jwt}, at each renewal). */
enum JoinMethod {
    /** A one-time token from {@code lanyard ctl bots add}, consumed at the first join. */
    TOKEN("token"),
    /** A signed JWT from an external identity provider (CI OIDC, Kubernetes service-account token). */
    JWT("jwt");

    private final String id;

    JoinMethod(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static JoinMethod parse(String text, String where) {
        for (JoinMethod m : values()) {
            if (m.id.equals(text)) {
                return m;
            }
        }
        throw new LanyardException(Failure.INVALID_INPUT, where + ": unknown join method '" + text
                + "'; use token or jwt");
    }
}
