package dev.lanyard.common.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void privateFilesAre0600() throws IOException {
        Path key = dir.resolve("svid_key.pem");
        AtomicFiles.write(key, "key", AtomicFiles.PRIVATE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("key", Files.readString(key));
    }

    @Test
    void publicFilesAre0644() throws IOException {
        Path cert = dir.resolve("svid.pem");
        AtomicFiles.write(cert, "cert".getBytes(StandardCharsets.US_ASCII), AtomicFiles.PUBLIC);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)));
    }

    @Test
    void replacesByRenameSoAnOpenReaderKeepsTheOldFile() throws IOException {
        Path key = dir.resolve("svid_key.pem");
        AtomicFiles.write(key, "old", AtomicFiles.PUBLIC);
        Object oldInode = Files.getAttribute(key, "unix:ino");
        try (InputStream reader = Files.newInputStream(key)) {
            AtomicFiles.write(key, "new contents", AtomicFiles.PRIVATE);
            assertEquals("old", new String(reader.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertEquals("new contents", Files.readString(key));
        assertTrue(!oldInode.equals(Files.getAttribute(key, "unix:ino")), "a new file was renamed into place");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(List.of(key), list(dir));
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path out = dir.resolve("a/b/svid.pem");
        AtomicFiles.write(out, "x", AtomicFiles.PUBLIC);
        assertEquals("x", Files.readString(out));
    }

    @Test
    void failureLeavesNoTemporaryFileAndTheTargetUntouched() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");
        LanyardException e = assertThrows(LanyardException.class,
                () -> AtomicFiles.write(target, "data", AtomicFiles.PRIVATE));
        assertEquals(Failure.FILE, e.failure());
        assertTrue(e.getMessage().startsWith(target + ": cannot write ("), e.getMessage());
        assertEquals(List.of(target), list(dir));
        assertEquals("keep", Files.readString(target.resolve("inside")));
    }

    @Test
    void privateDirectoryIs0700() throws IOException {
        Path d = AtomicFiles.privateDirectory(dir.resolve("cache/lanyard"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
