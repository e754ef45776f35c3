package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.server.store.JdbcStore;
import dev.lanyard.issuer.support.Run;
import dev.lanyard.issuer.support.Subprocess;
import java.util.Map;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code issuer init} and the checks {@code issuer start} makes before it writes anything or boots. */
class IssuerCommandTest {
    @TempDir
    Path tmp;

    private Run.Result run(String... args) {
        return new Run().env("HOME", tmp.toString()).cli(args);
    }

    @Test
    void initCreatesTheClusterOnceAndSaysWhereThePassphraseIs() throws Exception {
        Path data = tmp.resolve("data");
        Run.Result first = run("issuer", "init", "--cluster", "example.teleport.sh", "--data-dir", data.toString());
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().matches("(?s)Initialized cluster example.teleport.sh in .*\nCA pin: sha256:[0-9a-f]{64}\n"
                + "Host CA pin: sha256:[0-9a-f]{64}\nAdmin identity: .*/admin/identity.pem\n"), first.out());
        assertTrue(first.err().startsWith("note: generated a CA passphrase into " + data.resolve("passphrase")));
        assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(data.resolve("passphrase")));
        assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(data.resolve("ca/spiffe-ca.p12")));

        Run.Result again = run("issuer", "init", "--data-dir", data.toString(), "--format", "json");
        assertEquals(0, again.code(), again.toString());
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertEquals("example.teleport.sh", json.get("cluster").asText());
        assertFalse(json.get("created").asBoolean());
        assertTrue(first.out().contains("CA pin: " + json.get("ca_pin").asText() + "\n"));
        assertEquals("", again.err());

        Run.Result other = run("issuer", "init", "--cluster", "other.test", "--data-dir", data.toString());
        assertEquals(9, other.code(), other.toString());
        Run.Result wrong = new Run().env("LANYARD_CA_PASSPHRASE", "not the one").cli("issuer", "init",
                "--data-dir", data.toString());
        assertEquals(5, wrong.code(), wrong.toString());
    }

    @Test
    void initRefusesBadInputWithOneLine() {
        Path data = tmp.resolve("data");
        record Case(int code, String[] args) { }
        for (Case c : new Case[] {
            new Case(2, new String[] {"issuer", "init", "--data-dir", data.toString()}),
            new Case(3, new String[] {"issuer", "init", "--cluster", "Bad Name!", "--data-dir", data.toString()}),
            new Case(3, new String[] {"issuer", "init", "--cluster", "a.test", "--ca-key-type", "dsa",
                "--data-dir", data.toString()}),
            new Case(2, new String[] {"issuer", "init", "--cluster", "a.test"}),
            new Case(2, new String[] {"issuer", "init", "--bogus"})}) {
            Run.Result r = run(c.args());
            assertEquals(c.code(), r.code(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
        }
        assertFalse(Files.exists(data.resolve("ca/spiffe-ca.p12")));
    }

    @Test
    void startRefusesABusyPortOrARunningIssuerBeforeWritingAnything() throws Exception {
        Path data = tmp.resolve("data");
        assertEquals(0, run("issuer", "init", "--cluster", "a.test", "--data-dir", data.toString()).code());
        byte[] admin = Files.readAllBytes(data.resolve("admin/identity.pem"));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run.Result r = run("issuer", "start", "--data-dir", data.toString(), "--listen",
                    "127.0.0.1:" + busy.getLocalPort());
            assertEquals(9, r.code(), r.toString());
            assertTrue(r.err().startsWith("error: cannot listen on 127.0.0.1:" + busy.getLocalPort()), r.err());
        }
        try (JdbcStore running = JdbcStore.openH2(data.resolve("issuer"))) {
            Run.Result r = Subprocess.run(Map.of("HOME", tmp.toString()), "issuer", "start", "--data-dir",
                    data.toString(), "--listen", "127.0.0.1:" + freePort());
            assertEquals(9, r.code(), r.toString());
            assertTrue(r.err().contains("the database is in use by another process"), r.err());
        }
        assertTrue(java.util.Arrays.equals(admin, Files.readAllBytes(data.resolve("admin/identity.pem"))));
        assertFalse(Files.exists(data.resolve("server/tls.pem")));
        assertEquals(2, run("issuer", "start", "--data-dir", data.toString()).code());
        assertEquals(2, run("issuer", "start", "--data-dir", data.toString(), "--listen", "nohost").code());
        Path config = Files.writeString(tmp.resolve("issuer.yaml"), "cluster: a.test\nlisten_addr: 1\n");
        Run.Result bad = run("issuer", "start", "--config", config.toString());
        assertEquals(3, bad.code(), bad.toString());
        assertTrue(bad.err().contains("unknown setting 'listen_addr'"), bad.err());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
