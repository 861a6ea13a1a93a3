package dev.strata.pg;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * ScratchDatabase represents a throw-away database on a {@link DevServer}. Closing it drops the
 * database (forcing out other sessions), also after a failure.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final DevServer server;
    private final String name;

    private ScratchDatabase(DevServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static ScratchDatabase create(DevServer server, String prefix) {
        return create(server, prefix, null);
    }

    /** A copy of {@code template} (a database nobody is connected to), or an empty one when it is null. */
    static ScratchDatabase create(DevServer server, String prefix, String template) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE "
                    + (template == null ? "template0 ENCODING 'UTF8'" : Identifiers.quote(template)));
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE,
                    "could not create scratch database " + name + " on " + JdbcUrls.redact(server.url())
                            + ": " + e.getMessage(), e);
        }
        return new ScratchDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return server.urlFor(name);
    }

    public DevServer server() {
        return server;
    }

    public Connection connect() throws SQLException {
        return server.connectTo(name);
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not drop scratch database " + name
                    + ": " + e.getMessage(), e);
        }
    }
}
