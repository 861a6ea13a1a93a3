package dev.strata.state;

import dev.strata.pg.DevServer;
import dev.strata.sql.Identifiers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * KeptStates names and keeps the scratch databases a run may reuse on the project's shadow
 * cluster: {@code strata_kept_<kind>_<hash>}, the hash over every statement applied, the schemas
 * read, the server's version and this build of Strata (so a new build never reads a state an
 * older reader or renderer made). One state per kind is kept; making a new one drops the old.
 */
public final class KeptStates {

    private KeptStates() {
    }

    static String name(String kind, DevServer dev, List<String> statements, List<String> otherSchemas) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(("strata-kept-state 1\0" + BUILD_TEXT + "\0" + dev.version().text() + "\0" + otherSchemas + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            for (String sql : statements) {
                d.update(sql.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return DevServer.KEPT_PREFIX + kind + "_" + HexFormat.of().formatHex(d.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** A kept state of {@code kind} made by the first {@code statements} of a list. */
    record Prefix(String database, int statements) {
    }

    /**
     * The kept state of {@code kind} whose statements are the first ones of {@code statements}
     * (the files as they were before new ones were added), if there is one: a copy of it and the
     * rest of the statements make the state of the whole list.
     */
    static java.util.Optional<Prefix> prefix(DevServer dev, String kind, List<String> statements, List<String> otherSchemas)
            throws SQLException {
        try (Connection c = dev.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname, pg_catalog.shobj_description(oid, 'pg_database')"
                     + " FROM pg_catalog.pg_database WHERE datname LIKE '" + DevServer.KEPT_PREFIX + kind + "\\_%'")) {
            while (rs.next()) {
                String comment = rs.getString(2);
                if (comment == null || !comment.startsWith(COUNT)) {
                    continue;
                }
                int n;
                try {
                    n = Integer.parseInt(comment.substring(COUNT.length()).strip());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (n <= statements.size() && name(kind, dev, statements.subList(0, n), otherSchemas).equals(rs.getString(1))) {
                    return java.util.Optional.of(new Prefix(rs.getString(1), n));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The comment of a kept database: how many statements made it. */
    private static final String COUNT = "strata kept state, statements=";

    static boolean exists(DevServer dev, String name) throws SQLException {
        try (Connection c = dev.connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Renames the scratch database to the kept name, after dropping the states kept before for
     * this kind; {@code false} when it could not (the scratch database is then the caller's to drop).
     */
    static boolean keep(DevServer dev, String scratch, String kind, String kept, int statements) {
        try (Connection c = dev.connect(); Statement s = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE '"
                    + DevServer.KEPT_PREFIX + kind + "\\_%'")) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
            for (String name : old) {
                s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
            }
            // The scratch database's own session has ended on the client; wait for its backend to go.
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = ?")) {
                ps.setString(1, scratch);
                for (int i = 0; ; i++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 0) {
                            break;
                        }
                    }
                    if (i >= 200) {
                        return false;
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            s.execute("ALTER DATABASE " + Identifiers.quote(scratch) + " RENAME TO " + Identifiers.quote(kept));
            s.execute("COMMENT ON DATABASE " + Identifiers.quote(kept) + " IS " + Identifiers.literal(COUNT + statements));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** This build of Strata: its version and the time its classes were written. */
    public static String build() {
        return BUILD_TEXT;
    }

    private static final String BUILD_TEXT = computeBuild();

    private static String computeBuild() {
        String version = String.valueOf(KeptStates.class.getPackage().getImplementationVersion());
        try {
            URL url = dev.strata.catalog.CatalogReader.class.getResource("CatalogReader.class");
            Path file;
            if (url == null) {
                return version;
            } else if ("jar".equals(url.getProtocol())) {
                String spec = url.getPath();
                file = Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
            } else {
                file = Path.of(url.toURI());
            }
            return version + " " + Files.getLastModifiedTime(file).toMillis() + " " + Files.size(file);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return version + " " + System.nanoTime();
        }
    }
}
