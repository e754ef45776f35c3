package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.layout.DataDir;
import dev.lanyard.issuer.server.store.JdbcStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;

/** Checks made before anything is written, so a start that cannot succeed changes nothing. */
final class Preflight {
    private Preflight() {
    }

    static void portFree(Listen listen) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(listen.host(), listen.port()));
        } catch (IOException e) {
            throw new LanyardException(Failure.CONFLICT, "cannot listen on " + listen.host() + ":" + listen.port()
                    + ": " + e.getMessage() + " (is another issuer running? pick another --listen port)", e);
        }
    }

    /** Removes the address of an earlier run, so no client reaches a stale port before this one is ready. */
    static void forgetAddress(DataDir dir) {
        try {
            Files.deleteIfExists(dir.address());
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, dir.address() + ": cannot remove the old address: "
                    + e.getMessage(), e);
        }
    }

    static void notRunning(DataDir dir) {
        JdbcStore.openH2(dir.database()).close();
    }
}
