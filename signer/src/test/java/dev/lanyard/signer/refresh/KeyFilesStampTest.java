package dev.lanyard.signer.refresh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap change check of the long-running modes: file stamps, racy stamps, env sources, missing files. */
class KeyFilesStampTest {
    private static final Instant WRITTEN = Instant.parse("2026-11-25T06:00:00Z");
    private static final Instant LATER = WRITTEN.plus(Duration.ofMinutes(1));

    @TempDir
    Path dir;

    @Test
    void unchangedFilesHaveTheSameStamp() throws Exception {
        KeyFiles files = files("cert", "key");
        assertTrue(files.stamp(LATER).sameAs(files.stamp(LATER)));
    }

    @Test
    void aStampTakenRightAfterAWriteProvesNothing() throws Exception {
        KeyFiles files = files("cert", "key");
        KeyFiles.Stamp racy = files.stamp(WRITTEN.plusSeconds(1));
        assertTrue(racy.racy());
        assertFalse(files.stamp(LATER).sameAs(racy), "the contents must be compared");
    }

    @Test
    void aRewrittenFileChangesTheStamp() throws Exception {
        KeyFiles files = files("cert", "key");
        KeyFiles.Stamp before = files.stamp(LATER);
        Path cert = Path.of(files.certificate());
        Files.writeString(cert, "renewed cert");
        Files.setLastModifiedTime(cert, FileTime.from(WRITTEN));
        assertFalse(files.stamp(LATER).sameAs(before), "same time, other size");
        Path renamed = dir.resolve("next");
        Files.writeString(renamed, "renewed cert");
        Files.setLastModifiedTime(renamed, FileTime.from(WRITTEN));
        KeyFiles.Stamp sameSize = files.stamp(LATER);
        Files.move(renamed, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertFalse(files.stamp(LATER).sameAs(sameSize), "same time and size, another file (an atomic replace)");
    }

    @Test
    void environmentSourcesNeverChangeAndAMissingFileHasNoStamp() throws Exception {
        KeyFiles env = new KeyFiles("env:CERT", "env:KEY", null, null);
        assertTrue(env.stamp(LATER).sameAs(env.stamp(LATER)));
        assertNull(new KeyFiles(dir.resolve("none").toString(), "env:KEY", null, null).stamp(LATER));
    }

    private KeyFiles files(String cert, String key) throws Exception {
        Path c = dir.resolve("svid.pem");
        Path k = dir.resolve("svid_key.pem");
        Files.writeString(c, cert);
        Files.writeString(k, key);
        Files.setLastModifiedTime(c, FileTime.from(WRITTEN));
        Files.setLastModifiedTime(k, FileTime.from(WRITTEN));
        return new KeyFiles(c.toString(), k.toString(), null, null);
    }
}
