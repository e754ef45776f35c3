package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/** A listen address {@code HOST:PORT} or {@code [v6]:PORT}; port 0 binds a free port chosen at start. */
record Listen(String host, int port) {
    static Listen parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0) {
            throw new LanyardException(Failure.USAGE, "--listen: expected HOST:PORT such as 127.0.0.1:3025, got '"
                    + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new LanyardException(Failure.USAGE, "--listen: port must be 0-65535 (0: any free port) in '" + text
                    + "'");
        }
        return new Listen(host, port);
    }

    /** The address clients on this host use: a wildcard host becomes 127.0.0.1. */
    String local() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }
}
