package dev.lanyard.emulator.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The live state: reads see a consistent snapshot, every change is saved before it becomes visible. */
public final class Registry {
    private final StateStore store;
    private State current;

    public Registry(StateStore store) {
        this.store = store;
        this.current = store.load();
    }

    public synchronized State snapshot() {
        return current;
    }

    /** Applies {@code change}, persists the result and returns it. */
    public synchronized State update(UnaryOperator<State> change) {
        State next = change.apply(current);
        store.save(next);
        current = next;
        return next;
    }

    public Optional<TrustAnchor> trustAnchor(String id) {
        return snapshot().trustAnchors().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Profile> profile(String id) {
        return snapshot().profiles().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Crl> crl(String id) {
        return snapshot().crls().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Role> role(String name) {
        return snapshot().roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<Session> session(String accessKeyId) {
        return snapshot().sessions().stream().filter(s -> s.accessKeyId().equals(accessKeyId)).findFirst();
    }

    /** Adds a session and drops the ones that expired before {@code now}. */
    public void addSession(Session session, Instant now) {
        update(s -> s.withSessions(plus(filter(s.sessions(), x -> x.expiration().isAfter(now)), session, x -> false)));
    }

    /** {@code list} without the items matching {@code same}, then {@code item} appended. */
    public static <T> List<T> plus(List<T> list, T item, Predicate<T> same) {
        List<T> out = filter(list, same.negate());
        out.add(item);
        return out;
    }

    /** {@code list} with the items matching {@code same} replaced by {@code item} in place, or appended. */
    public static <T> List<T> replace(List<T> list, T item, Predicate<T> same) {
        List<T> out = new ArrayList<>(list.size() + 1);
        boolean found = false;
        for (T t : list) {
            if (same.test(t)) {
                if (!found) {
                    out.add(item);
                }
                found = true;
            } else {
                out.add(t);
            }
        }
        if (!found) {
            out.add(item);
        }
        return out;
    }

    public static <T> List<T> filter(List<T> list, Predicate<T> keep) {
        List<T> out = new ArrayList<>(list.size() + 1);
        for (T t : list) {
            if (keep.test(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
