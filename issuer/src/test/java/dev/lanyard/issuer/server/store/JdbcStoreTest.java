package dev.lanyard.issuer.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store under concurrent writers (group commit), a failing write inside a batch, the resource cache. */
class JdbcStoreTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private static AuditEvent issued(String caller, String serial) {
        return AuditEvent.of(T, AuditEvent.SVID_ISSUED, caller, "spiffe://a.test/svc/x", Map.of("serial_number", serial));
    }

    @Test
    void concurrentIssuancesAreAllStoredAndSurviveARestart() throws Exception {
        int threads = 16;
        int each = 40;
        try (JdbcStore store = JdbcStore.openH2(tmp.resolve("db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            String serial = thread + "-" + i;
                            store.append(issued("user:u" + thread, serial));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(threads * each, store.audit(null, null, 10_000).size());
        }
        try (JdbcStore reopened = JdbcStore.openH2(tmp.resolve("db"))) {
            List<AuditEvent> events = reopened.audit(null, "spiffe://a.test/svc/x", 10_000);
            assertEquals(threads * each, events.size());
            Set<Object> serials = new HashSet<>();
            Set<Long> sequences = new HashSet<>();
            for (AuditEvent e : events) {
                serials.add(e.fields().get("serial_number"));
                sequences.add(e.sequence());
            }
            assertEquals(threads * each, serials.size());
            assertEquals(threads * each, sequences.size());
        }
    }

    @Test
    void aFailingWriteIsUndoneAloneAndReported() {
        try (JdbcStore store = JdbcStore.openH2(tmp.resolve("db"))) {
            store.append(issued("user:a", "01"));
            // the event fails (caller is NOT NULL): undone alone, the next write commits
            LanyardException e = assertThrows(LanyardException.class,
                    () -> store.append(issued(null, "02")));
            assertEquals(Failure.INTERNAL, e.failure());
            store.append(issued("user:a", "02"));
            LanyardException conflict = assertThrows(LanyardException.class, () -> store.setTotpSecret("nobody", "S"));
            assertEquals(Failure.CONFLICT, conflict.failure());
            assertEquals(List.of("01", "02"), store.audit(null, null, 100).stream()
                    .map(a -> a.fields().get("serial_number")).toList());
        }
    }

    @Test
    void aSchema2DatabaseWithDefaultPagesOpensAndLosesTheSerialsTable() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath();
        try (java.sql.Connection c = new org.h2.Driver().connect(url, new java.util.Properties());
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            for (int v = 1; v <= 2; v++) {
                for (String sql : Migrations.VERSIONS.get(v - 1)) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
            }
            s.execute("INSERT INTO serials (serial, subject, not_after) VALUES ('01', 'spiffe://a.test/x', 0)");
        }
        try (JdbcStore store = JdbcStore.openH2(tmp.resolve("db"))) {
            store.append(issued("user:a", "02"));
            assertEquals(List.of("02"), store.audit(null, null, 10).stream()
                    .map(a -> a.fields().get("serial_number")).toList());
        }
        try (java.sql.Connection c = new org.h2.Driver().connect(url, new java.util.Properties());
             java.sql.ResultSet rs = c.getMetaData().getTables(null, null, "SERIALS", null)) {
            assertFalse(rs.next(), "schema 3 drops the serials table");
        }
    }

    @Test
    void resourceReadsSeeEveryWriteAtOnce() {
        try (JdbcStore store = JdbcStore.openH2(tmp.resolve("db"))) {
            assertEquals(Optional.empty(), store.resource(Kind.ROLE, "r"));
            assertTrue(store.putResource(Kind.ROLE, "r", "{\"v\":1}", false));
            assertEquals(Optional.of("{\"v\":1}"), store.resource(Kind.ROLE, "r"));
            assertFalse(store.putResource(Kind.ROLE, "r", "{\"v\":2}", false));
            assertEquals(Optional.of("{\"v\":1}"), store.resource(Kind.ROLE, "r"));
            assertTrue(store.putResource(Kind.ROLE, "r", "{\"v\":2}", true));
            assertEquals(Optional.of("{\"v\":2}"), store.resource(Kind.ROLE, "r"));
            assertEquals(List.of("{\"v\":2}"), store.resources(Kind.ROLE));
            assertTrue(store.deleteResource(Kind.ROLE, "r"));
            assertFalse(store.deleteResource(Kind.ROLE, "r"));
            assertEquals(Optional.empty(), store.resource(Kind.ROLE, "r"));
        }
        try (JdbcStore reopened = JdbcStore.openH2(tmp.resolve("db"))) {
            assertEquals(Optional.empty(), reopened.resource(Kind.ROLE, "r"));
        }
    }
}
