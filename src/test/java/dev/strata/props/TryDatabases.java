package dev.strata.props;

import dev.strata.pg.DevServer;
import dev.strata.sql.Identifiers;
import dev.strata.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TryDatabases represents the throw-away databases of property tries: each is copied from one
 * empty template (faster than from template0) over a server connection that stays open, and
 * dropped when closed, also after a failure. jqwik properties cannot take JUnit extensions, so this
 * talks to {@link TestPostgres#server()} directly.
 */
final class TryDatabases {
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static TryDatabases instance;

    private final DevServer server;
    private final Connection admin;
    private final String template;
    private final String strategy;

    private TryDatabases(DevServer server) throws SQLException {
        this.server = server;
        this.admin = server.connect();
        this.template = "props_template_" + RUN;
        // FILE_COPY (PostgreSQL 15+) copies the small template's files instead of WAL-logging
        // every page, several times faster per database.
        this.strategy = admin.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY FILE_COPY" : "";
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + template + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropTemplate));
    }

    static synchronized TryDatabases get() {
        if (instance == null) {
            try {
                instance = new TryDatabases(TestPostgres.server());
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the property template database: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** A fresh, empty database with an open connection; closing it drops the database. */
    Db create() throws SQLException {
        String name = "props_" + RUN + "_" + COUNT.incrementAndGet();
        synchronized (admin) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE " + template + strategy);
            }
        }
        try {
            return new Db(name, server.connectTo(name));
        } catch (SQLException e) {
            drop(name);
            throw e;
        }
    }

    private void drop(String name) {
        synchronized (admin) {
            try (Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop property database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private void dropTemplate() {
        try {
            drop(template);
        } catch (IllegalStateException e) {
            // The server may already be gone at JVM exit; an embedded one takes its data with it.
        }
    }

    /** Db represents one try's database and its connection. */
    final class Db implements AutoCloseable {
        final String name;
        final Connection connection;

        private Db(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        /** Runs the statements in one transaction; a failure names the statement. */
        void run(List<String> statements) throws SQLException {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : statements) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + "\n  in statement: " + sql, e.getSQLState(), e);
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }

        /**
         * Runs a migration's statements: each run of transactional statements in one transaction,
         * each non-transactional one on its own, the way a migration file is split.
         */
        void apply(List<dev.strata.sql.Statement> statements) throws SQLException {
            List<String> batch = new java.util.ArrayList<>();
            for (dev.strata.sql.Statement statement : statements) {
                if (statement.transactional()) {
                    batch.add(statement.sql());
                } else {
                    run(batch);
                    batch.clear();
                    run(List.of(statement.sql()));
                }
            }
            run(batch);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // The drop below forces the session out anyway.
            }
            drop(name);
        }
    }
}
