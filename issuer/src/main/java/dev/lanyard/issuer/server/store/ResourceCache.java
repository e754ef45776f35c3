package dev.lanyard.issuer.server.store;

import dev.lanyard.issuer.resource.Kind;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The resource documents last read from the database (also "absent"), so that the users, bots and
 * roles every request looks up are not read again until a write changes them. Every resource
 * write of this process invalidates the whole cache after its commit and before it returns; a
 * read that raced with a write never leaves its (possibly older) value behind (generation check).
 * This process is the database's only writer (the file is locked while the issuer runs).
 */
final class ResourceCache {
    /** Entries at most; past that the cache starts over (lookups of unknown names stay bounded). */
    static final int MAX_ENTRIES = 4096;

    private record Key(String kind, String name) {
    }

    private final ConcurrentHashMap<Key, Optional<String>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    Optional<String> get(Kind kind, String name, Supplier<Optional<String>> load) {
        Key key = new Key(kind.id(), name);
        Optional<String> hit = entries.get(key);
        if (hit != null) {
            return hit;
        }
        long before = generation.get();
        Optional<String> loaded = load.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, loaded);
        if (generation.get() != before) {
            entries.remove(key, loaded);
        }
        return loaded;
    }

    /** After a committed resource write: forget everything read before it. */
    void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }
}
