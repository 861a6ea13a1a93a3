package dev.strata.tenants;

import dev.strata.runner.ConnectionSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WorkerConnections keeps one connection per worker thread of a fleet run, so that a thousand
 * tenants cost a handful of server backends, not a thousand (a new backend forks and fills its
 * catalog caches again before its first statement). A tenant's migrator gets the thread's
 * connection behind a {@link ConnectionSource} whose connections do not close; after a tenant
 * that succeeded the session is reset ({@code RESET ALL}, temporary tables and advisory locks
 * dropped), and after one that failed the connection is closed and the next tenant opens a new
 * one, so nothing a tenant's migrations set carries over to the next.
 */
final class WorkerConnections implements AutoCloseable {
    private final ConnectionSource database;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final List<Connection> opened = new ArrayList<>();

    WorkerConnections(ConnectionSource database) {
        this.database = database;
    }

    /** The source a tenant's migrator on this thread uses: the thread's connection, opened on first use. */
    ConnectionSource forThisThread() {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                Connection c = current.get();
                if (c == null || c.isClosed()) {
                    c = database.open();
                    current.set(c);
                    synchronized (opened) {
                        opened.add(c);
                    }
                }
                return unclosable(c);
            }

            @Override
            public String description() {
                return database.description();
            }

            @Override
            public Optional<Credentials> credentials() {
                return database.credentials();
            }
        };
    }

    /** After a tenant: reset the session when it succeeded, else close it (the next tenant opens another). */
    void release(boolean succeeded) {
        Connection c = current.get();
        if (c == null) {
            return;
        }
        if (succeeded) {
            try (Statement s = c.createStatement()) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                s.execute("RESET ALL; DISCARD TEMP; SELECT pg_catalog.pg_advisory_unlock_all()");
                return;
            } catch (SQLException e) {
                // A session that cannot be reset is not reused.
            }
        }
        current.remove();
        try {
            c.close();
        } catch (SQLException ignored) {
            // Gone already.
        }
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Closing what is left; nothing to report.
                }
            }
            opened.clear();
        }
    }

    private static Connection unclosable(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
