package dev.lanyard.signer.process;

import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.signer.session.Credentials;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Credentials obtained earlier, reused while more than {@link #MIN_REMAINING} of validity remain (the
 * AWS CLI refreshes inside 15 minutes and would otherwise run the process twice). One file per
 * entry name ({@code FLAGS-MATERIAL}, see {@code SessionOptions.cacheEntry}) in a private directory
 * (0700), files 0600, written atomically. A missing,
 * unreadable or corrupt entry is a miss, never an error; it is replaced by the next store.
 */
public final class CredentialCache {
    public static final Duration MIN_REMAINING = Duration.ofMinutes(15);

    private final Path dir;
    private final Clock clock;
    private final Consumer<String> debug;

    public CredentialCache(Path dir, Clock clock, Consumer<String> debug) {
        this.dir = dir;
        this.clock = clock;
        this.debug = debug;
    }

    /** {@code --cache-dir}, else {@code $XDG_CACHE_HOME/lanyard/credentials}, else {@code ~/.cache/lanyard/credentials}. */
    public static Path defaultDirectory(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "lanyard", "credentials");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "lanyard", "credentials");
    }

    public Path directory() {
        return dir;
    }

    public Optional<Credentials> lookup(String name) {
        Path file = dir.resolve(name + ".json");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            debug.accept("cache: miss (no entry " + file.getFileName() + ")");
            return Optional.empty();
        }
        Credentials c;
        try {
            c = CredentialProcessJson.parse(text);
        } catch (RuntimeException e) {
            debug.accept("cache: entry " + file.getFileName() + " is corrupt (" + e.getMessage() + "); ignoring it");
            return Optional.empty();
        }
        Duration remaining = Duration.between(clock.instant(), c.expiresAt());
        if (remaining.compareTo(MIN_REMAINING) <= 0) {
            debug.accept("cache: entry expires in " + remaining.toSeconds() + " s (15 min needed); refreshing");
            return Optional.empty();
        }
        debug.accept("cache: hit, " + remaining.toMinutes() + " min of validity left");
        return Optional.of(c);
    }

    /**
     * Stores {@code c}, then removes the entries it supersedes (same flags, other key material: the
     * credentials of a certificate that was renewed) and those that have expired, so neither piles up
     * nor lingers on disk. A cache that cannot be written is reported in debug output only.
     */
    public void store(String name, Credentials c) {
        try {
            AtomicFiles.privateDirectory(dir);
            AtomicFiles.write(dir.resolve(name + ".json"), CredentialProcessJson.render(c), AtomicFiles.PRIVATE);
        } catch (RuntimeException e) {
            debug.accept("cache: cannot store credentials (" + e.getMessage() + "); continuing without the cache");
            return;
        }
        int dash = name.indexOf('-');
        String siblings = dash > 0 ? name.substring(0, dash + 1) : null;
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                if (file.equals(name + ".json")) {
                    continue;
                }
                boolean superseded = siblings != null && file.startsWith(siblings);
                if ((superseded || expired(p)) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            debug.accept("cache: cannot tidy " + dir + " (" + e.getMessage() + ")");
        }
        if (removed > 0) {
            debug.accept("cache: removed " + removed + " superseded or expired entr" + (removed == 1 ? "y" : "ies"));
        }
    }

    /** True for an entry whose credentials have expired; an unreadable or corrupt one is left alone. */
    private boolean expired(Path entry) {
        try {
            return !clock.instant().isBefore(CredentialProcessJson.parse(Files.readString(entry, StandardCharsets.UTF_8))
                    .expiresAt());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
