package dev.strata.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Test helpers: run SQL fixtures in a schema. */
final class InspectFixtures {
    private InspectFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = InspectFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates {@code schema} (unless it is public) and runs {@code sql} in it, as one multi-statement string. */
    static void run(Connection c, String schema, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (!schema.equals("public")) {
                st.execute("CREATE SCHEMA " + schema);
            }
            st.execute("SET search_path TO " + schema + ", public");
            st.execute(sql);
            st.execute("RESET search_path");
        }
    }
}
