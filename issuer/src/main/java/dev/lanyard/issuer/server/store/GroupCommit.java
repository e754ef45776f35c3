package dev.lanyard.issuer.server.store;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Every write of the store, on one connection owned by one writer thread, with group commit: a
 * caller queues its work and parks; the writer takes everything queued (up to {@link #MAX_BATCH}),
 * runs each work behind its own savepoint (so one failing work is undone alone), commits them all at
 * once, and only then wakes each caller. A call returns only after the commit that holds its work,
 * exactly as with one commit per call, but concurrent callers share one commit instead of queueing
 * for one each: while the writer commits, the next batch gathers.
 *
 * <p>Waking every caller directly (not through a lock that callers take one after the other) is what
 * lets the batches grow: with a shared lock, completed callers left the lock one by one and most
 * commits held a single work (measured: 1.15 works per commit with 64 writers, against dozens now).
 */
final class GroupCommit implements AutoCloseable {
    /** Works per commit at most (bounds the latency a batch adds). */
    static final int MAX_BATCH = 256;

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final class Pending<T> {
        final Work<T> work;
        final boolean alone;
        final Thread caller = Thread.currentThread();
        volatile boolean done;
        T result;
        RuntimeException failure;

        Pending(Work<T> work, boolean alone) {
            this.work = work;
            this.alone = alone;
        }

        void finish() {
            done = true;
            LockSupport.unpark(caller);
        }
    }

    private final Connection connection;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    /** Queued by {@link #close()}: the writer ends when it reaches it (never interrupted inside the database). */
    private final Pending<Void> stop = new Pending<>(c -> null, true);
    private final Thread writer;
    private volatile boolean stopped;
    private volatile long commits;
    private final long gatherNanos;
    /** Works in the previous batch (writer thread only): more than one means callers are concurrent. */
    private int lastBatch;

    /**
     * @param gather how long the writer waits for more works before a commit, when the previous batch
     *     held more than one (concurrent callers; a lone caller never waits): a commit costs about the
     *     same CPU for one work as for dozens, so under load a short wait makes the batches larger
     *     (measured at 64 clients: 2 ms took the batches from ~7 to ~25 works, +15-25% issuances/s)
     */
    GroupCommit(Connection connection, String name, Duration gather) {
        this.connection = connection;
        this.gatherNanos = gather.toNanos();
        this.writer = Thread.ofPlatform().name(name).daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    /** Runs {@code work} in a transaction and returns its result once that transaction is committed. */
    <T> T run(Work<T> work) {
        return await(submit(new Pending<>(work, false)));
    }

    /** Runs {@code action} with the write connection to itself (no batch open), e.g. to shut down. */
    void exclusive(Work<Void> action) {
        await(submit(new Pending<>(action, true)));
    }

    /** Stops the writer once the works queued so far are done; later calls fail as unavailable. */
    @Override
    public void close() {
        stopped = true;
        queue.add(stop);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        failQueued();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits made so far (each holds one batch). */
    long commits() {
        return commits;
    }

    /** Works waiting for the writer. */
    int queued() {
        return queue.size();
    }

    private <T> Pending<T> submit(Pending<T> p) {
        queue.add(p);
        if (stopped && !writer.isAlive()) {
            failQueued();
        }
        return p;
    }

    private static <T> T await(Pending<T> p) {
        boolean interrupted = false;
        while (!p.done) {
            LockSupport.park(p);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (p.failure != null) {
            throw p.failure;
        }
        return p.result;
    }

    private void writeLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        boolean running = true;
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (gatherNanos > 0 && lastBatch > 1 && batch.size() < MAX_BATCH) {
                LockSupport.parkNanos(gatherNanos);
                queue.drainTo(batch, MAX_BATCH - batch.size());
            }
            lastBatch = batch.size();
            int end = batch.indexOf(stop);
            if (end >= 0) {
                running = false;
                batch.subList(end + 1, batch.size()).forEach(GroupCommit::closedFailure);
                batch.subList(end, batch.size()).clear();
            }
            run(batch);
            batch.clear();
        }
    }

    /** Runs the works in order; one that must run alone ends the batch before it and runs outside any. */
    private void run(List<Pending<?>> works) {
        int from = 0;
        for (int i = 0; i < works.size(); i++) {
            Pending<?> p = works.get(i);
            if (p.alone) {
                commit(works.subList(from, i));
                runAlone(p);
                from = i + 1;
            }
        }
        commit(works.subList(from, works.size()));
    }

    private void commit(List<Pending<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            for (Pending<?> p : batch) {
                runOne(p);
            }
            connection.commit();
            commits++;
        } catch (SQLException | RuntimeException | Error e) {
            LanyardException failure = databaseError(e);
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException r) {
                failure.addSuppressed(r);
            }
            for (Pending<?> p : batch) {
                p.failure = p.failure == null ? failure : p.failure;
            }
        } finally {
            for (Pending<?> p : batch) {
                p.finish();
            }
        }
    }

    private <T> void runOne(Pending<T> p) throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try {
            p.result = p.work.run(connection);
        } catch (SQLException e) {
            connection.rollback(sp);
            p.failure = databaseError(e);
        } catch (RuntimeException e) {
            connection.rollback(sp);
            p.failure = e;
        } catch (Error e) {
            connection.rollback(sp);
            p.failure = databaseError(e);
        }
    }

    private <T> void runAlone(Pending<T> p) {
        try {
            p.result = p.work.run(connection);
        } catch (SQLException | Error e) {
            p.failure = databaseError(e);
        } catch (RuntimeException e) {
            p.failure = e;
        } finally {
            p.finish();
        }
    }

    private void failQueued() {
        for (Pending<?> p = queue.poll(); p != null; p = queue.poll()) {
            closedFailure(p);
        }
    }

    private static void closedFailure(Pending<?> p) {
        p.failure = new LanyardException(Failure.UNAVAILABLE, "the issuer's database is closed (shutting down)");
        p.finish();
    }

    /** An error inside a work (even an {@link Error}) fails that work's callers, never the writer thread. */
    private static LanyardException databaseError(Throwable e) {
        return new LanyardException(Failure.INTERNAL, "database error: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
}
