package dev.lanyard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.x509.Certificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --tls: a CA written for --ca-bundle, a server certificate for 127.0.0.1 it signed, a 0600 key, reused on restart. */
class TlsMaterialTest {
    @TempDir
    Path dir;

    @Test
    void generatesOnceAndConfiguresQuarkus() throws Exception {
        StartCommand start = new StartCommand();
        start.port = 0;
        start.dataDir = dir;
        start.maxClockSkew = "5m";
        start.tls = true;
        Map<String, String> props = start.prepare(Clock.systemUTC());
        assertEquals("disabled", props.get("quarkus.http.insecure-requests"));
        assertTrue(Integer.parseInt(props.get("quarkus.http.ssl-port")) > 0);
        Path tls = dir.resolve("tls");
        X509Certificate ca = Certificates.parseOne(Files.readAllBytes(tls.resolve("ca.pem")), "ca.pem");
        List<X509Certificate> server = Certificates.parseAll(Files.readAllBytes(tls.resolve("server.pem")), "server.pem");
        server.get(0).verify(ca.getPublicKey());
        assertTrue(server.get(0).getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("server-key.pem"))));
        assertEquals(tls.resolve("server-key.pem").toString(), props.get("quarkus.tls.key-store.pem.0.key"));
        byte[] before = Files.readAllBytes(tls.resolve("ca.pem"));
        start.prepare(Clock.systemUTC());
        assertEquals(new String(before), Files.readString(tls.resolve("ca.pem")), "the CA is kept across restarts");
        assertTrue(Files.exists(dir.resolve("admin-credentials")));
    }
}
