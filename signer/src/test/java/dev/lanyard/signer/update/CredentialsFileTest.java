package dev.lanyard.signer.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.refresh.FakeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {
    @TempDir
    Path dir;

    @Test
    void envOverridesTheDefaultPath() {
        assertEquals(Path.of("/x/creds"), CredentialsFile.resolve(Map.of("AWS_SHARED_CREDENTIALS_FILE", "/x/creds",
                "HOME", "/home/u")).path());
        assertEquals(Path.of("/home/u/.aws/credentials"), CredentialsFile.resolve(Map.of("HOME", "/home/u")).path());
        assertEquals(Path.of("/home/u/c"), CredentialsFile.resolve(Map.of("AWS_SHARED_CREDENTIALS_FILE", "~/c",
                "HOME", "/home/u")).path());
    }

    @Test
    void createsAPrivateDirectoryAndA0600File() throws Exception {
        Path file = dir.resolve("new/.aws/credentials");
        new CredentialsFile(file).update("default", FakeSource.credentials(1, "2026-01-01T01:00:00Z"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(Files.readString(file).startsWith("[default]\naws_access_key_id = ASIAFAKE000000000001\n"));
    }

    @Test
    void aSymlinkedFileIsUpdatedThroughTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("dotfiles-credentials"), "[keep]\nk = v\n");
        Path link = Files.createSymbolicLink(dir.resolve("credentials"), real);
        new CredentialsFile(link).update("work", FakeSource.credentials(1, "2026-01-01T01:00:00Z"));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("[keep]\nk = v\n\n[work]\n"), Files.readString(real));
    }

    @Test
    void anUnreadableFileIsAFileFailureAndNothingIsReplaced() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("credentials"));
        Files.writeString(notAFile.resolve("inside"), "x");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.lanyard.common.error.LanyardException.class,
                () -> new CredentialsFile(notAFile).update("work", FakeSource.credentials(1, "2026-01-01T01:00:00Z")));
        assertEquals(dev.lanyard.common.error.Failure.FILE, e.failure());
        assertTrue(e.getMessage().startsWith(notAFile + ": cannot read"), e.getMessage());
        assertTrue(Files.isDirectory(notAFile));
    }

    @Test
    void concurrentWritersNeverLoseEachOthersProfiles() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "# keep me\n[static]\naws_access_key_id = AKIASTATIC\n");
        int writers = 8;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String profile = "p" + w;
                int n = w;
                done.add(pool.submit((Callable<Object>) () -> {
                    CredentialsFile f = new CredentialsFile(file);
                    for (int r = 0; r < rounds; r++) {
                        f.update(profile, FakeSource.credentials(n * 100 + r, "2026-01-01T01:00:00Z"));
                    }
                    return null;
                }));
            }
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String text = Files.readString(file);
        assertTrue(text.startsWith("# keep me\n[static]\naws_access_key_id = AKIASTATIC\n"), text);
        for (int w = 0; w < writers; w++) {
            assertTrue(text.contains("[p" + w + "]\naws_access_key_id = " + String.format("ASIAFAKE%012d", w * 100 + rounds - 1)),
                    "profile p" + w + " has its last write:\n" + text);
        }
        assertEquals(writers + 1, text.lines().filter(l -> l.startsWith("[")).count());
    }
}
