package dev.strata.pg;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * DevServer represents a PostgreSQL server Strata may create scratch databases on: either one
 * named by a JDBC URL (its database is used only to connect; scratch databases are created beside
 * it) or an embedded server started from the zonky binaries on Maven Central.
 */
public final class DevServer implements AutoCloseable {
    private final String baseUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private PgMajor.ServerVersion version;
    /** Whether scratch states may be kept between runs: only on the project's own shadow cluster. */
    private volatile boolean keepsStates;

    private DevServer(String baseUrl, String user, String password, EmbeddedPostgres embedded) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** An existing server; {@code url} is a JDBC URL whose database we may connect to. */
    public static DevServer external(String jdbcUrl, String user, String password) {
        return new DevServer(jdbcUrl, user, password, null);
    }

    /**
     * Starts an embedded PostgreSQL. With a data directory the cluster persists there between
     * runs (the {@code :dev} profile keeps it under {@code .strata/}); without one it lives in a
     * temporary directory and is removed on close.
     */
    public static DevServer embedded(Path dataDir) {
        return embedded(dataDir, PgMajor.BUNDLED);
    }

    /**
     * Starts an embedded PostgreSQL of one major version (13 to 18). A data directory that already
     * holds a cluster is started with the binaries of the cluster's own version, whatever
     * {@code major} says: PostgreSQL cannot open a cluster of another major.
     */
    public static DevServer embedded(Path dataDir, int major) {
        int wanted = dataDir == null ? major : clusterMajor(dataDir).orElse(major);
        if (!PgMajor.isSupported(wanted)) {
            throw PgMajor.unsupported(wanted, dataDir == null ? "the requested embedded server"
                    : "the embedded cluster in " + dataDir);
        }
        PgBinaryResolver resolver = PgBinaries.fromEnvironment().resolver(wanted);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200");
            if (resolver != null) {
                builder.setPgBinaryResolver(resolver);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            return new DevServer(url, "postgres", null, pg);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.DATABASE,
                    "could not start the embedded PostgreSQL: " + e.getMessage()
                            + "\n  Check that the directory is writable and no other server uses it,"
                            + " or name a server with --dev-url.", e);
        }
    }

    /** The major version of the cluster in a data directory, from its {@code PG_VERSION} file. */
    public static Optional<Integer> clusterMajor(Path dataDir) {
        Path file = dataDir.resolve("PG_VERSION");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            throw new StrataException(ErrorCode.DATABASE, "cannot read the PostgreSQL version of the cluster in " + dataDir
                    + " (" + file + ": " + e.getMessage() + ").\n  Fix: remove the directory to start a fresh cluster.", e);
        }
    }

    /** What the server says of its version, asked once. */
    public synchronized PgMajor.ServerVersion version() {
        if (version == null) {
            try (Connection c = connect()) {
                version = PgMajor.of(c);
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.DATABASE, "cannot ask the dev server " + JdbcUrls.redact(baseUrl)
                        + " for its version: " + e.getMessage() + "\n  Fix: check that it is up and the URL is right.", e);
            }
        }
        return version;
    }

    /** The server's major version. */
    public int major() {
        return version().major();
    }

    /** Whether this server was started by Strata (embedded) rather than named by a URL. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The JDBC URL of the server's connection database. */
    public String url() {
        return baseUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of another database on the same server. */
    public String urlFor(String database) {
        return JdbcUrls.withDatabase(baseUrl, database);
    }

    /** A connection to the server's connection database. */
    public Connection connect() throws SQLException {
        return connect(baseUrl);
    }

    /** A connection to one database of this server. */
    public Connection connectTo(String database) throws SQLException {
        return connect(urlFor(database));
    }

    private Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    /** Prefix of the databases that hold states kept between runs ({@link #keepsStates()}). */
    public static final String KEPT_PREFIX = "strata_kept_";

    /** Lets scratch states be kept on this server between runs (the project's own shadow cluster). */
    public void keepStates() {
        keepsStates = true;
    }

    /** Whether scratch states may be kept on this server between runs. */
    public boolean keepsStates() {
        return keepsStates;
    }

    /**
     * Drops every database but {@code postgres}, the templates and the kept states: on a cluster
     * only Strata uses (a kept shadow cluster), what a killed run left behind.
     */
    public void dropDatabases() {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery(
                    "SELECT datname FROM pg_catalog.pg_database WHERE NOT datistemplate AND datname <> 'postgres'"
                            + " AND datname NOT LIKE '" + KEPT_PREFIX + "%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                s.execute("DROP DATABASE IF EXISTS " + dev.strata.sql.Identifiers.quote(name)
                        + (major() >= 13 ? " WITH (FORCE)" : ""));
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "cannot clean the shadow cluster " + JdbcUrls.redact(baseUrl)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty database with a unique name and returns a handle that drops it on close. */
    public ScratchDatabase createScratch(String prefix) {
        return ScratchDatabase.create(this, prefix);
    }

    /** A scratch database made as a copy of {@code template}, which no session may be connected to. */
    public ScratchDatabase createScratchFrom(String prefix, String template) {
        return ScratchDatabase.create(this, prefix, template);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // Shutting down is best effort: the process is ending anyway.
            }
        }
    }
}
