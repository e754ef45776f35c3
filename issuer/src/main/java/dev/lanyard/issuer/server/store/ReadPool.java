package dev.lanyard.issuer.server.store;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few auto-commit connections for reads, so reads run side by side and never wait for a write's
 * commit (the embedded database's MVCC engine serves them the last committed state).
 */
final class ReadPool {
    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;

    ReadPool(List<Connection> connections) throws SQLException {
        for (Connection c : connections) {
            c.setAutoCommit(true);
            c.setReadOnly(true);
        }
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    <T> T read(GroupCommit.Work<T> work) {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(Failure.UNAVAILABLE, "interrupted while waiting for the database", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new LanyardException(Failure.INTERNAL, "database error: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        } finally {
            idle.add(c);
        }
    }

    /** Closes every connection (callers must have stopped reading). */
    void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
