package dev.lanyard.issuer.server.store;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.wire.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link Store} over an embedded H2 database in the data dir: every write on one connection with
 * group commit ({@link GroupCommit}: a call still returns only after its own work is committed),
 * reads on a small pool of other connections ({@link ReadPool}), and resource documents cached until
 * the next resource write ({@link ResourceCache}).
 */
public final class JdbcStore implements Store {
    /** Read connections; reads are short and mostly served by the cache. */
    static final int READERS = 3;
    static final int PAGE_SIZE = 4096;
    static final int CACHE_KIB = 1024;
    /** See {@link GroupCommit}: the wait for more works before a commit under concurrent writes. */
    static final Duration GATHER = Duration.ofMillis(2);

    private final GroupCommit writes;
    private final ReadPool reads;
    private final ResourceCache cache = new ResourceCache();
    private final AtomicBoolean open = new AtomicBoolean(true);

    private JdbcStore(GroupCommit writes, ReadPool reads) {
        this.writes = writes;
        this.reads = reads;
    }

    /** Opens (creating if needed) the database at {@code base} ({@code base}.mv.db) and migrates it. */
    public static JdbcStore openH2(Path base) {
        // PAGE_SIZE (the B-tree page split size): every commit rewrites each page it touched, so
        // smaller pages make a commit cheaper. CACHE_SIZE: the page cache mostly held pages each
        // commit replaces, which survived young collections (7-13 MB per collection, 11-23 ms pauses
        // at 64 clients; 2 MB and 4-8 ms with 1 MiB); resources are cached above it (ResourceCache).
        String url = "jdbc:h2:file:" + base.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;PAGE_SIZE=" + PAGE_SIZE
                + ";CACHE_SIZE=" + CACHE_KIB;
        List<Connection> opened = new ArrayList<>();
        try {
            org.h2.Driver driver = new org.h2.Driver();
            Connection c = driver.connect(url, new Properties());
            opened.add(c);
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            c.setAutoCommit(false);
            Migrations.apply(c);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection r = driver.connect(url, new Properties());
                opened.add(r);
                readers.add(r);
            }
            return new JdbcStore(new GroupCommit(c, "lanyard-store-writer", GATHER), new ReadPool(readers));
        } catch (SQLException e) {
            for (Connection c : opened.reversed()) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the open failed already
                }
            }
            if (String.valueOf(e.getMessage()).contains("already in use") || e.getErrorCode() == 90020) {
                throw new LanyardException(Failure.CONFLICT, base.getParent() + ": the database is in use by "
                        + "another process (is the issuer running? stop it first)", e);
            }
            throw new LanyardException(Failure.FILE, base + ": cannot open the database: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private <T> T tx(GroupCommit.Work<T> work) {
        return writes.run(work);
    }

    private <T> T read(GroupCommit.Work<T> work) {
        return reads.read(work);
    }

    @Override
    public Optional<String> meta(String key) {
        return read(c -> one(c, "SELECT v FROM meta WHERE k = ?", key));
    }

    @Override
    public void putMeta(String key, String value) {
        tx(c -> {
            update(c, "DELETE FROM meta WHERE k = ?", key);
            return update(c, "INSERT INTO meta (k, v) VALUES (?, ?)", key, value);
        });
    }

    @Override
    public Optional<String> resource(Kind kind, String name) {
        return cache.get(kind, name,
                () -> read(c -> one(c, "SELECT body FROM resources WHERE kind = ? AND name = ?", kind.id(), name)));
    }

    @Override
    public List<String> resources(Kind kind) {
        return read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT body FROM resources WHERE kind = ? ORDER BY name")) {
                p.setString(1, kind.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean putResource(Kind kind, String name, String json, boolean replace) {
        try {
            return tx(c -> {
            boolean exists = one(c, "SELECT name FROM resources WHERE kind = ? AND name = ?", kind.id(), name)
                    .isPresent();
            if (exists && !replace) {
                return false;
            }
            if (exists) {
                update(c, "UPDATE resources SET body = ? WHERE kind = ? AND name = ?", json, kind.id(), name);
            } else {
                update(c, "INSERT INTO resources (kind, name, body) VALUES (?, ?, ?)", kind.id(), name, json);
            }
            return true;
            });
        } finally {
            cache.invalidate();
        }
    }

    @Override
    public boolean deleteResource(Kind kind, String name) {
        try {
            return tx(c -> update(c, "DELETE FROM resources WHERE kind = ? AND name = ?", kind.id(), name) > 0);
        } finally {
            cache.invalidate();
        }
    }

    @Override
    public Optional<String> passwordHash(String user) {
        return read(c -> one(c, "SELECT password_hash FROM credentials WHERE user_name = ?", user));
    }

    @Override
    public void setPasswordHash(String user, String hash) {
        tx(c -> {
            if (update(c, "UPDATE credentials SET password_hash = ? WHERE user_name = ?", hash, user) == 0) {
                update(c, "INSERT INTO credentials (user_name, password_hash) VALUES (?, ?)", user, hash);
            }
            return null;
        });
    }

    @Override
    public Optional<String> totpSecret(String user) {
        return read(c -> one(c, "SELECT totp_secret FROM credentials WHERE user_name = ?", user));
    }

    @Override
    public void setTotpSecret(String user, String secret) {
        tx(c -> {
            if (update(c, "UPDATE credentials SET totp_secret = ? WHERE user_name = ?", secret, user) == 0) {
                throw new LanyardException(Failure.CONFLICT, "user " + user + " has no password yet; set one before "
                        + "enrolling TOTP");
            }
            return null;
        });
    }

    @Override
    public void deletePasswordHash(String user) {
        tx(c -> update(c, "DELETE FROM credentials WHERE user_name = ?", user));
    }

    @Override
    public void append(AuditEvent event) {
        String body = AuditJson.write(event.fields());
        tx(c -> insertEvent(c, event, body));
    }

    @Override
    public List<AuditEvent> audit(Instant since, String spiffeId, int limit) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT seq, event_time, event_type, caller, spiffe_id, body"
                    + " FROM audit_events WHERE event_time >= ?");
            if (spiffeId != null) {
                sql.append(" AND spiffe_id = ?");
            }
            sql.append(" ORDER BY seq LIMIT ").append(Math.max(1, Math.min(limit, 10_000)));
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                p.setLong(1, since == null ? 0 : since.toEpochMilli());
                if (spiffeId != null) {
                    p.setString(2, spiffeId);
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> fields = Json.read(rs.getString(6), LinkedHashMap.class, "audit event");
                        out.add(new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), fields));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        reads.close();
        writes.exclusive(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // closing anyway
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // closed anyway
            }
            return null;
        });
        writes.close();
    }

    private static int insertEvent(Connection c, AuditEvent e, String body) throws SQLException {
        return update(c, "INSERT INTO audit_events (event_time, event_type, caller, spiffe_id, body)"
                        + " VALUES (?, ?, ?, ?, ?)", e.time().toEpochMilli(), e.type(), e.caller(), e.spiffeId(), body);
    }

    private static Optional<String> one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, args); ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, args)) {
            return p.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
        return p;
    }
}
