package dev.lanyard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.LanyardException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line before Quarkus boots: help, usage errors as one line with exit 2, start-up errors with their exit code. */
class EmulatorMainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EmulatorMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void help() {
        Run root = run("--help");
        assertEquals(0, root.code());
        assertTrue(root.out().contains("start"), root.out());
        Run start = run("start", "--help");
        assertEquals(0, start.code());
        for (String flag : new String[] {"--port", "--data-dir", "--seed", "--account", "--region", "--max-clock-skew", "--tls",
            "--aws-exact-errors"}) {
            assertTrue(start.out().contains(flag), flag + " missing from " + start.out());
        }
    }

    static Stream<Arguments> usage() {
        return Stream.of(
                Arguments.of(new String[] {}, "missing command"),
                Arguments.of(new String[] {"stop"}, "Unmatched argument"),
                Arguments.of(new String[] {"start", "--bogus"}, "Unknown option: '--bogus'"),
                Arguments.of(new String[] {"start", "--port", "x"}, "'x' is not an int"),
                Arguments.of(new String[] {"start", "--port", "70000"}, "--port 70000 is not between 0 and 65535"),
                Arguments.of(new String[] {"start", "--max-clock-skew", "5 minutes"}, "is not a duration"),
                Arguments.of(new String[] {"start", "--region", "Moon"}, "is not a region"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usage")
    void usageErrorsAreOneLineWithExitCode2(String[] args, String message) {
        Run r = run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("lanyard-emulator: "), r.err());
    }

    @Test
    void badSeedFileIsOneLine() throws Exception {
        Run missing = run("start", "--data-dir", dir.toString(), "--seed", dir.resolve("nope.yaml").toString());
        assertEquals(4, missing.code(), missing.err());
        assertTrue(missing.err().contains("cannot read the seed file"), missing.err());
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, "trustAnchors:\n  - id: 11111111-2222-3333-4444-555555555555\n    certificateBundle: missing.pem\n");
        Run badRef = run("start", "--data-dir", dir.resolve("d").toString(), "--seed", seed.toString());
        assertEquals(4, badRef.code(), badRef.err());
        assertTrue(badRef.err().contains("certificateBundle names"), badRef.err());
        Files.writeString(seed, "roles:\n  - name: r\n    trustPolicy: '{not json'\n");
        Run badPolicy = run("start", "--data-dir", dir.resolve("d").toString(), "--seed", seed.toString());
        assertEquals(3, badPolicy.code(), badPolicy.err());
        assertTrue(badPolicy.err().contains("This policy contains invalid Json"), badPolicy.err());
        assertEquals(1, badPolicy.err().lines().count());
        Files.writeString(seed, "roles: [unclosed\n");
        Run badYaml = run("start", "--data-dir", dir.resolve("d").toString(), "--seed", seed.toString());
        assertEquals(3, badYaml.code(), badYaml.err());
        assertTrue(badYaml.err().contains("not valid YAML"), badYaml.err());
        assertEquals(1, badYaml.err().lines().count(), badYaml.err());
    }

    @Test
    void portInUseIsExit10() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run r = run("start", "--data-dir", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(10, r.code(), r.err());
            assertTrue(r.err().contains("is in use; choose another with --port"), r.err());
        }
    }

    static Stream<Arguments> durations() {
        return Stream.of(Arguments.of("30s", Duration.ofSeconds(30)), Arguments.of("5m", Duration.ofMinutes(5)),
                Arguments.of("12h", Duration.ofHours(12)), Arguments.of("36500d", Duration.ofDays(36500)),
                Arguments.of("90", Duration.ofSeconds(90)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void durations(String text, Duration expected) {
        assertEquals(expected, Durations.parse(text, "--max-clock-skew"));
    }

    @Test
    void badDuration() {
        assertThrows(LanyardException.class, () -> Durations.parse("1w", "--max-clock-skew"));
    }
}
