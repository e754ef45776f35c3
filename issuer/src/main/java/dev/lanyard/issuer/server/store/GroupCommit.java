package dev.lanyard.issuer.server.store;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every write of the store, on one connection, with group commit: a caller queues its work and
 * takes the write lock; whoever holds the lock runs every queued work (each behind its own
 * savepoint, so one failing work is undone alone) and commits them all at once. A call returns only
 * after the commit that holds its work, exactly as with one commit per call, but concurrent callers
 * share one commit instead of queueing for one each.
 */
final class GroupCommit {
    /** Works per commit at most (bounds the time a batch holds the lock). */
    static final int MAX_BATCH = 128;

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final class Pending<T> {
        final Work<T> work;
        volatile boolean done;
        T result;
        RuntimeException failure;

        Pending(Work<T> work) {
            this.work = work;
        }
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code work} in a transaction and returns its result once that transaction is committed. */
    <T> T run(Work<T> work) {
        Pending<T> p = new Pending<>(work);
        queue.add(p);
        lock.lock();
        try {
            while (!p.done) {
                batch();
            }
        } finally {
            lock.unlock();
        }
        if (p.failure != null) {
            throw p.failure;
        }
        return p.result;
    }

    /** Runs {@code action} with the write connection to itself (no batch open), e.g. to shut down. */
    void exclusive(Work<Void> action) throws SQLException {
        lock.lock();
        try {
            action.run(connection);
        } finally {
            lock.unlock();
        }
    }

    private void batch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            for (Pending<?> p : batch) {
                runOne(p);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LanyardException failure = new LanyardException(Failure.INTERNAL, "database error: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
            try {
                connection.rollback();
            } catch (SQLException r) {
                failure.addSuppressed(r);
            }
            for (Pending<?> p : batch) {
                p.failure = p.failure == null ? failure : p.failure;
            }
        } finally {
            for (Pending<?> p : batch) {
                p.done = true;
            }
        }
    }

    private <T> void runOne(Pending<T> p) throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try {
            p.result = p.work.run(connection);
        } catch (SQLException e) {
            connection.rollback(sp);
            p.failure = new LanyardException(Failure.INTERNAL, "database error: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        } catch (RuntimeException e) {
            connection.rollback(sp);
            p.failure = e;
        }
    }
}
