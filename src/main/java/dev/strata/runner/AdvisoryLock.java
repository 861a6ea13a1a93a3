package dev.strata.runner;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * AdvisoryLock is the session-level PostgreSQL advisory lock that lets one migrator at a time
 * work on a schema. The key is the first 8 bytes of SHA-256("strata:" + schema).
 */
final class AdvisoryLock implements AutoCloseable {
    // Polling pg_try_advisory_lock instead of blocking in pg_advisory_lock: a waiter blocked in
    // a statement holds a snapshot, and CREATE INDEX CONCURRENTLY in the lock holder would wait
    // for that snapshot forever (the deadlock Flyway met). A short try-lock holds none for long.
    private static final long POLL_MILLIS = 100;

    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    static long keyFor(String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("strata:" + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** Takes the schema's lock on this session, waiting up to {@code wait}. */
    static AdvisoryLock acquire(Connection c, String schema, Duration wait) throws SQLException {
        long key = keyFor(schema);
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new AdvisoryLock(c, key);
                    }
                }
                if (System.nanoTime() >= deadline) {
                    long waited = Math.round((System.nanoTime() - started) / 1e9);
                    throw new StrataException(ErrorCode.LOCKED, "another strata run holds the migration lock for schema "
                            + schema + " (waited " + waited + " s).\n  Fix: wait for it to finish and run again, or raise"
                            + " :lock-wait-seconds. To see who holds it:\n    SELECT a.pid, a.usename, a.application_name,"
                            + " a.client_addr, a.state, a.query_start FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                            + " WHERE l.locktype = 'advisory' AND l.classid = " + (key >>> 32) + " AND l.objid = "
                            + (key & 0xffffffffL) + " AND l.objsubid = 1;");
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StrataException(ErrorCode.LOCKED, "interrupted while waiting for the migration lock of schema " + schema, e);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }
}
