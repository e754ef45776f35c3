package dev.lanyard.signer.serve;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.InetAddress;
import java.nio.file.Path;

/** The listener settings of {@code serve}, checked: a non-loopback address needs hop limit 1 or a token. */
record ServeSettings(InetAddress bind, int port, int hopLimit, boolean container, Path tokenFile) {

    static ServeSettings check(InetAddress bind, int port, int hopLimit, boolean container, Path tokenFile) {
        if (port < 0 || port > 65535) {
            throw new LanyardException(Failure.USAGE, "--port " + port + " is out of range: use 0 to 65535 (0 picks a free port)");
        }
        if (hopLimit < 1 || hopLimit > 255) {
            throw new LanyardException(Failure.USAGE, "--hop-limit " + hopLimit + " is out of range: use 1 to 255");
        }
        if (container && tokenFile == null) {
            throw new LanyardException(Failure.USAGE, "serve --container needs --token-file FILE: the authorization token"
                    + " is written there (0600) and never printed");
        }
        if (!container && tokenFile != null) {
            throw new LanyardException(Failure.USAGE, "--token-file is only used with --container");
        }
        if (!bind.isLoopbackAddress() && hopLimit != 1 && !container) {
            throw new LanyardException(Failure.USAGE, "--bind " + bind.getHostAddress() + " is not a loopback address:"
                    + " add --hop-limit 1 (responses stay on this host) or use --container (token authentication)");
        }
        return new ServeSettings(bind, port, hopLimit, container, tokenFile);
    }
}
