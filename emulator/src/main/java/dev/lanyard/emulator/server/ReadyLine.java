package dev.lanyard.emulator.server;

import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.io.PrintStream;

/** Prints the ready lines once the listener is up: {@code endpoint: http://127.0.0.1:PORT} and the admin key id. */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class ReadyLine {
    private final EmulatorContext context;

    ReadyLine(EmulatorContext context) {
        this.context = context;
    }

    void http(@ObservesAsync HttpServerStart start) {
        print("http", start.options().getPort());
    }

    void https(@ObservesAsync HttpsServerStart start) {
        print("https", start.options().getPort());
    }

    private void print(String scheme, int port) {
        if (port <= 0) {
            return;
        }
        PrintStream out = System.out;
        out.println("endpoint: " + scheme + "://127.0.0.1:" + port);
        out.println("admin access key id: " + context.admin.accessKeyId());
        out.println("admin credentials: " + context.dataDir.resolve("admin-credentials"));
        out.println("data dir: " + context.dataDir);
        out.flush();
    }
}
