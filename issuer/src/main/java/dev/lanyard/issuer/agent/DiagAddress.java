package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/**
 * Where {@link DiagServer} listens: {@code HOST:PORT} ({@code [::1]:PORT} for IPv6, port {@code 0} for a
 * free one), checked when the configuration is read: {@code diag_addr} in bot.yaml like every other key
 * (exit 3 with the file and line), {@code --diag-addr} as a usage error naming the flag (exit 2).
 */
record DiagAddress(String host, int port) {

    /** Parses {@code text}; a bad value is {@code failure} with a message starting {@code what: }. */
    static DiagAddress parse(String text, String what, Failure failure) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = colon > 0 ? text.substring(colon + 1) : "";
        if (host.isEmpty() || host.contains("[") || host.contains("]") || !port.matches("\\d{1,5}")
                || Integer.parseInt(port) > 65535) {
            throw new LanyardException(failure, what + ": '" + text + "' is not HOST:PORT, e.g. 127.0.0.1:9464"
                    + " (port 0 picks a free port)");
        }
        return new DiagAddress(host, Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
