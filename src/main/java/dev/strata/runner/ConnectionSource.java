package dev.strata.runner;

import dev.strata.pg.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * ConnectionSource represents the target database of a {@link Migrator}: something that opens a
 * new connection, plus a description for messages that never shows a password.
 */
public interface ConnectionSource {
    /** A new connection; the caller closes it. */
    Connection open() throws SQLException;

    /** Where the connections go, for messages (passwords redacted). */
    String description();

    /**
     * The URL and credentials behind the connections, for tools that connect by themselves
     * ({@code pg_dump} for {@code migrate --backup}); empty for an application's DataSource.
     */
    default java.util.Optional<Credentials> credentials() {
        return java.util.Optional.empty();
    }

    /** A JDBC URL with the user and password to use with it (either may be null: the URL's own then apply). */
    record Credentials(String jdbcUrl, String user, String password) {
    }

    /** Connections from an application's DataSource (a pool is fine: one connection is held per run). */
    static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public String description() {
                return "the application's DataSource";
            }
        };
    }

    /**
     * Connections to a {@code jdbc:postgresql://} or {@code postgres://user:pass@host:port/db} URL;
     * a non-null {@code user} or {@code password} overrides the one in the URL.
     */
    static ConnectionSource of(String url, String user, String password) {
        JdbcUrls.Parsed parsed = JdbcUrls.parse(url);
        String jdbcUrl = parsed.jdbcUrl();
        String u = user != null ? user : parsed.user();
        String p = password != null ? password : parsed.password();
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                Properties props = new Properties();
                props.setProperty("ApplicationName", "strata");
                if (u != null) {
                    props.setProperty("user", u);
                }
                if (p != null) {
                    props.setProperty("password", p);
                }
                return DriverManager.getConnection(jdbcUrl, props);
            }

            @Override
            public String description() {
                return JdbcUrls.redact(jdbcUrl);
            }

            @Override
            public java.util.Optional<Credentials> credentials() {
                return java.util.Optional.of(new Credentials(jdbcUrl, u, p));
            }
        };
    }
}
