package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.issuer.support.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selecting FIPS mode ({@code --fips}, {@code LANYARD_FIPS=1}, {@code fips: true}) for {@code issuer init},
 * and refusing a data dir created in the other mode before anything is written or booted. FIPS mode is
 * process-wide, so every FIPS command runs as its own {@code lanyard} process.
 */
class FipsModeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * {@code lanyard ARGS} as its own process on the test class path, with the log manager that the
     * packaged launcher sets (BC-FIPS and BCJSSE log through java.util.logging).
     */
    static Run.Result lanyard(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), "dev.lanyard.issuer.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null")));
        pb.environment().remove("LANYARD_DATA_DIR");
        pb.environment().remove("LANYARD_CA_PASSPHRASE");
        pb.environment().remove("LANYARD_FIPS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("lanyard", ".out");
        Path err = Files.createTempFile("lanyard", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lanyard " + String.join(" ", args) + " did not finish");
        }
        return new Run.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void initWithFipsCreatesBcfksStoresAndSaysSo() throws Exception {
        Path data = tmp.resolve("data");
        Run.Result r = lanyard(Map.of(), "issuer", "init", "--fips", "--cluster", "fips.test", "--data-dir",
                data.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().endsWith("FIPS mode: yes (BC-FIPS approved-only, BCFKS key stores)\n"), r.out());
        for (String name : new String[] {"spiffe-ca", "host-ca"}) {
            assertEquals(AtomicFiles.PRIVATE, Files.getPosixFilePermissions(data.resolve("ca/" + name + ".bcfks")));
            assertFalse(Files.exists(data.resolve("ca/" + name + ".p12")));
        }
        Run.Result again = lanyard(Map.of("LANYARD_FIPS", "1"), "issuer", "init", "--data-dir",
                data.toString(), "--format", "json");
        assertEquals(0, again.code(), again.toString());
        JsonNode json = JSON.readTree(again.out());
        assertTrue(json.get("fips").asBoolean());
        assertFalse(json.get("created").asBoolean());
        Run.Result wrong = lanyard(Map.of("LANYARD_CA_PASSPHRASE", "a wrong but long passphrase"), "issuer", "init",
                "--fips", "--data-dir", data.toString());
        assertEquals(5, wrong.code(), wrong.toString());
        assertEquals("error: " + data.resolve("ca/spiffe-ca.bcfks") + ": wrong CA passphrase; give the one used at "
                + "init with LANYARD_CA_PASSPHRASE or --ca-passphrase-file\n", wrong.err());
    }

    @Test
    void aFipsDataDirIsRefusedWithoutFipsAndADefaultOneWithFips() throws Exception {
        Path fips = tmp.resolve("fips");
        Path config = Files.writeString(tmp.resolve("issuer.yaml"), "cluster: fips.test\ndata_dir: " + fips
                + "\nfips: true\n");
        assertEquals(0, lanyard(Map.of(), "issuer", "init", "--config", config.toString()).code());
        assertTrue(Files.exists(fips.resolve("ca/spiffe-ca.bcfks")), "fips: true in the config selects FIPS mode");
        byte[] admin = Files.readAllBytes(fips.resolve("admin/identity.pem"));
        for (String command : new String[] {"init", "start"}) {
            Run.Result r = new Run().cli("issuer", command, "--data-dir", fips.toString(), "--listen", "127.0.0.1:0");
            assertEquals(9, r.code(), r.toString());
            assertEquals("error: " + fips + " was created in FIPS mode (BCFKS key stores); start it with --fips (or "
                    + "LANYARD_FIPS=1, or fips: true in the config)\n", r.err());
        }
        assertTrue(java.util.Arrays.equals(admin, Files.readAllBytes(fips.resolve("admin/identity.pem"))),
                "nothing rewritten");

        Path plain = tmp.resolve("plain");
        assertEquals(0, new Run().cli("issuer", "init", "--cluster", "plain.test", "--data-dir", plain.toString())
                .code());
        Run.Result r = lanyard(Map.of(), "issuer", "start", "--fips", "--data-dir", plain.toString(),
                "--listen", "127.0.0.1:0");
        assertEquals(9, r.code(), r.toString());
        assertEquals("error: " + plain + " was created without FIPS mode (PKCS#12 key stores) and cannot run with "
                + "--fips; create a FIPS cluster in a new data dir with lanyard issuer init --fips\n", r.err());
        assertFalse(Files.exists(plain.resolve("server/tls.pem")), "refused before the TLS certificate is written");
    }

    @Test
    void fipsModeNeedsALongerCaPassphraseAndWritesNothingWithAShortOne() throws Exception {
        Path data = tmp.resolve("data");
        Run.Result r = lanyard(Map.of("LANYARD_CA_PASSPHRASE", "too short"), "issuer", "init", "--fips",
                "--cluster", "fips.test", "--data-dir", data.toString());
        assertEquals(3, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("FIPS mode needs a CA passphrase of at least 14 characters"), r.err());
        assertFalse(Files.exists(data.resolve("ca")));
    }

    @Test
    void fipsInTheConfigMustBeABoolean() throws Exception {
        Path config = Files.writeString(tmp.resolve("issuer.yaml"), "cluster: a.test\nfips: maybe\n");
        Run.Result r = new Run().cli("issuer", "init", "--config", config.toString(), "--data-dir",
                tmp.resolve("d").toString());
        assertEquals(3, r.code(), r.toString());
        assertEquals("error: " + config + ": fips must be true or false\n", r.err());
    }
}
