package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.lanyard.signer.process.SessionParameters;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running source keeps one HTTP client: successive CreateSession calls reuse its connection. */
class KeepAliveTest {
    @TempDir
    Path dir;

    @Test
    void successiveFetchesUseOneConnection() throws Exception {
        Clock clock = Clock.systemUTC();
        TestPki pki = new TestPki(clock.instant());
        TestPki.Issued leaf = pki.leaf(pki.root("CN=Root"), TestPki.LeafSpec.svid(clock.instant()));
        Path cert = leaf.writeCertificate(dir.resolve("svid.pem"));
        Path key = leaf.writeKey(dir.resolve("svid_key.pem"));
        String body = ScriptedEndpoint.created("ASIAKEEPALIVE000",
                clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()).body();
        List<Integer> clientPorts = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        try {
            var parameters = SessionParameters.resolve(SourceFixture.TA, SourceFixture.PROFILE, SourceFixture.ROLE, 3600,
                    null, null, "http://127.0.0.1:" + server.getAddress().getPort(), false, false, false, Map.of());
            try (SessionCredentialSource source = new SessionCredentialSource(parameters,
                    new KeyFiles(cert.toString(), key.toString(), null, null), Map.of(), clock, d -> { }, s -> { }, "test")) {
                for (int i = 0; i < 3; i++) {
                    source.fetch();
                }
            }
        } finally {
            server.stop(0);
        }
        assertEquals(3, clientPorts.size());
        assertEquals(1, clientPorts.stream().distinct().count(), "one kept-alive connection: " + clientPorts);
    }
}
