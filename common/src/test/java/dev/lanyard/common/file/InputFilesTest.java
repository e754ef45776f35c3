package dev.lanyard.common.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    @TempDir
    Path dir;

    @Test
    void path() throws IOException {
        Path f = Files.writeString(dir.resolve("svid.pem"), "pem");
        assertArrayEquals(bytes("pem"), InputFiles.read(f.toString(), Map.of(), NO_STDIN));
    }

    @Test
    void stdin() {
        assertArrayEquals(bytes("from stdin"), InputFiles.read("-", Map.of(), new ByteArrayInputStream(bytes("from stdin"))));
    }

    @Test
    void environmentVariable() {
        assertArrayEquals(bytes("secret"), InputFiles.read("env:SVID_KEY", Map.of("SVID_KEY", "secret"), NO_STDIN));
    }

    @Test
    void missingEnvironmentVariable() {
        assertFails("env:SVID_KEY", Map.of(), NO_STDIN, Failure.FILE, "env:SVID_KEY: environment variable SVID_KEY is not set");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.pem");
        assertFails(f.toString(), Map.of(), NO_STDIN, Failure.FILE, f + ": no such file");
    }

    @Test
    void directory() {
        assertFails(dir.toString(), Map.of(), NO_STDIN, Failure.FILE, dir + ": is a directory, expected a file");
    }

    @Test
    void tooBigFile() throws IOException {
        Path f = dir.resolve("huge.pem");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(InputFiles.MAX_BYTES + 1L);
        }
        assertFails(f.toString(), Map.of(), NO_STDIN, Failure.FILE, f + ": larger than 1 MiB; is this the right file?");
    }

    @Test
    void tooBigStdin() {
        InputStream big = new ByteArrayInputStream(new byte[InputFiles.MAX_BYTES + 1]);
        assertFails("-", Map.of(), big, Failure.FILE, "stdin: larger than 1 MiB; is this the right input?");
    }

    @Test
    void emptyName() {
        assertFails("", Map.of(), NO_STDIN, Failure.USAGE, "an input file name is empty");
    }

    private static void assertFails(String spec, Map<String, String> env, InputStream stdin, Failure failure, String message) {
        LanyardException e = assertThrows(LanyardException.class, () -> InputFiles.read(spec, env, stdin));
        assertEquals(message, e.getMessage());
        assertEquals(failure, e.failure());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
