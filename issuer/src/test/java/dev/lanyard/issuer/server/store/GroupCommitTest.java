package dev.lanyard.issuer.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Works queued while the writer is busy share one commit; each caller returns only after its commit. */
class GroupCommitTest {
    @TempDir
    Path tmp;

    private Connection open() throws SQLException {
        Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath(), new Properties());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v INT PRIMARY KEY)");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static int insert(Connection c, int v) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO t (v) VALUES (" + v + ")");
        }
    }

    @Test
    void worksQueuedDuringACommitShareTheNextOne() throws Exception {
        Connection c = open();
        GroupCommit writes = new GroupCommit(c, "test-writer", Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> first = pool.submit(() -> writes.run(conn -> {
                holding.countDown();
                await(release);
                return insert(conn, 0);
            }));
            holding.await();
            List<Future<Integer>> rest = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int v = i;
                rest.add(pool.submit(() -> writes.run(conn -> insert(conn, v))));
            }
            while (writes.queued() < 8) {
                Thread.onSpinWait();
            }
            release.countDown();
            assertEquals(1, first.get());
            for (Future<Integer> f : rest) {
                assertEquals(1, f.get());
            }
            assertEquals(2, writes.commits(), "one commit for the first work, one for the eight queued behind it");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertEquals(9, rs.getInt(1));
            }
        } finally {
            pool.shutdown();
            writes.close();
            c.close();
        }
    }

    @Test
    void aFailingWorkIsUndoneAloneAndTheOthersCommit() throws Exception {
        Connection c = open();
        GroupCommit writes = new GroupCommit(c, "test-writer", Duration.ZERO);
        try {
            writes.run(conn -> insert(conn, 1));
            LanyardException e = assertThrows(LanyardException.class, () -> writes.run(conn -> insert(conn, 1)));
            assertEquals(Failure.INTERNAL, e.failure());
            assertEquals(1, (int) writes.run(conn -> insert(conn, 2)));
        } finally {
            writes.close();
            c.close();
        }
    }

    @Test
    void anErrorInAWorkFailsThatWorkAndTheWriterGoesOn() throws Exception {
        Connection c = open();
        GroupCommit writes = new GroupCommit(c, "test-writer", Duration.ZERO);
        try {
            LanyardException e = assertThrows(LanyardException.class, () -> writes.run(conn -> {
                insert(conn, 7);
                throw new AssertionError("refused");
            }));
            assertEquals(Failure.INTERNAL, e.failure());
            assertEquals(1, (int) writes.run(conn -> insert(conn, 7)), "the failed work was undone");
        } finally {
            writes.close();
            c.close();
        }
    }

    @Test
    void afterCloseAWorkIsRefusedAsUnavailable() throws Exception {
        Connection c = open();
        GroupCommit writes = new GroupCommit(c, "test-writer", Duration.ZERO);
        writes.close();
        LanyardException e = assertThrows(LanyardException.class, () -> writes.run(conn -> insert(conn, 1)));
        assertEquals(Failure.UNAVAILABLE, e.failure());
        c.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
