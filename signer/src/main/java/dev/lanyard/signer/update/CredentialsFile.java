package dev.lanyard.signer.update;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.signer.session.Credentials;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE} or {@code ~/.aws/credentials}),
 * updated under an exclusive lock on a sibling {@code .lock} file (the file itself is replaced by a
 * rename, so it cannot carry the lock) and written atomically with mode 0600: a reader sees the old
 * file or the new one, never a truncated one.
 */
final class CredentialsFile {
    private final Path path;

    CredentialsFile(Path path) {
        this.path = path;
    }

    static CredentialsFile resolve(Map<String, String> env) {
        String override = env.get("AWS_SHARED_CREDENTIALS_FILE");
        if (override != null && !override.isBlank()) {
            return new CredentialsFile(Path.of(expandHome(override.trim(), env)));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new CredentialsFile(Path.of(home, ".aws", "credentials"));
    }

    Path path() {
        return path;
    }

    /** Rewrites the profile's three keys, keeping everything else. A symbolic link is followed, not replaced. */
    void update(String profile, Credentials credentials) {
        Path target = path;
        try {
            if (Files.isSymbolicLink(path)) {
                target = path.toRealPath();
            }
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, path + ": the link cannot be followed (" + e.getMessage() + ")", e);
        }
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            AtomicFiles.privateDirectory(dir);
        }
        Path lockFile = dir.resolve(target.getFileName() + ".lock");
        try (FileChannel ch = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE));
             FileLock ignored = lock(ch)) {
            String existing = read(target);
            AtomicFiles.write(target, CredentialsFileText.rewrite(existing, profile, credentials), AtomicFiles.PRIVATE);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, lockFile + ": cannot lock the credentials file (" + e.getMessage() + ")", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": cannot read (" + e.getMessage() + "); fix its permissions", e);
        }
    }

    /** Blocks for other processes; inside one JVM (where FileChannel refuses overlapping locks) it waits its turn. */
    private static FileLock lock(FileChannel ch) throws IOException {
        while (true) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException sameJvm) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the lock", e);
                }
            }
        }
    }

    private static String expandHome(String p, Map<String, String> env) {
        if (p.equals("~") || p.startsWith("~/")) {
            return env.getOrDefault("HOME", System.getProperty("user.home")) + p.substring(1);
        }
        return p;
    }
}
