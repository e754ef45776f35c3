package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output directory that always holds a matching certificate, key and bundle.
 *
 * <pre>
 *   DIR/svid.pem        -> .lanyard/current/svid.pem
 *   DIR/svid_key.pem    -> .lanyard/current/svid_key.pem       (target 0600)
 *   DIR/svid_bundle.pem -> .lanyard/current/svid_bundle.pem
 *   DIR/.lanyard/current -> v000042                             (one symlink, swapped by rename)
 *   DIR/.lanyard/v000042/{svid.pem, svid_key.pem, svid_bundle.pem}
 * </pre>
 * Each renewal writes the three files (fsynced, final modes) into a fresh version directory, then
 * renames a new {@code current} link over the old one. The rename is the one instant the output
 * changes, so at every instant the three names resolve into the same version: there is no moment
 * when the certificate and the key on disk disagree. A reader that opens the two names a long time
 * apart could still straddle a swap (no file system offers a two-file atomic read); it avoids that by
 * resolving {@code DIR/svid.pem} to its real path once and reading its siblings, or by checking the
 * key against the certificate and re-reading. The two previous versions are kept so such a reader
 * never finds its version gone mid-read; older ones are removed.
 */
final class SvidDirectory {
    static final String CERT = "svid.pem";
    static final String KEY = "svid_key.pem";
    static final String BUNDLE = "svid_bundle.pem";
    static final String STATE = ".lanyard";
    static final String CURRENT = "current";
    static final int KEEP_PREVIOUS = 2;
    private static final Pattern VERSION = Pattern.compile("v(\\d{6,18})");

    private final Path dir;

    SvidDirectory(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    /** Writes a new version and makes it current. Nothing half-written is ever visible. */
    void write(String certPem, String keyPem, String bundlePem) {
        Path state = dir.resolve(STATE);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(state);
            long next = versions(state).stream().mapToLong(SvidDirectory::number).max().orElse(0) + 1;
            Path version = state.resolve("v%06d".formatted(next));
            Files.createDirectory(version, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            AtomicFiles.write(version.resolve(KEY), keyPem, AtomicFiles.PRIVATE);
            AtomicFiles.write(version.resolve(CERT), certPem, AtomicFiles.PUBLIC);
            AtomicFiles.write(version.resolve(BUNDLE), bundlePem, AtomicFiles.PUBLIC);
            swapLink(state.resolve(CURRENT), Path.of(version.getFileName().toString()));
            for (String name : List.of(CERT, KEY, BUNDLE)) {
                Path link = dir.resolve(name);
                Path target = Path.of(STATE, CURRENT, name);
                if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(target)) {
                    swapLink(link, target);
                }
            }
            sync(state);
            sync(dir);
            prune(state, next);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, dir + ": cannot write the SVID output (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The current version's directory, or null before the first write. */
    Path current() {
        Path link = dir.resolve(STATE).resolve(CURRENT);
        try {
            return Files.isSymbolicLink(link) ? link.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The three files of the current version, or an empty map before the first write. */
    Map<String, String> read() {
        Path current = current();
        if (current == null) {
            return Map.of();
        }
        try {
            return Map.of(CERT, Files.readString(current.resolve(CERT)), KEY, Files.readString(current.resolve(KEY)),
                    BUNDLE, Files.readString(current.resolve(BUNDLE)));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static void swapLink(Path link, Path target) throws IOException {
        Path tmp = link.resolveSibling("." + link.getFileName() + ".link-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        Files.createSymbolicLink(tmp, target);
        try {
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("the file system cannot replace " + link + " atomically");
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static List<Path> versions(Path state) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(state)) {
            for (Path p : ds) {
                if (VERSION.matcher(p.getFileName().toString()).matches()
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static long number(Path version) {
        Matcher m = VERSION.matcher(version.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void prune(Path state, long current) throws IOException {
        List<Path> old = versions(state).stream().filter(p -> number(p) < current - KEEP_PREVIOUS)
                .sorted(Comparator.comparingLong(SvidDirectory::number)).toList();
        for (Path v : old) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(v)) {
                for (Path f : ds) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(v);
        }
    }

    private static void sync(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot open a directory; the renames are still atomic
        }
    }
}
