package dev.strata.inspect;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.Dependency.ObjectKind;
import dev.strata.catalog.Dependency.ObjectRef;
import dev.strata.model.QualifiedName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * UnmodelledObjects lists the objects and properties of a schema that the catalog reader does not
 * read or the model cannot say (domains, aggregates, partitions, rules, UNLOGGED, ...), with one
 * query ({@code dev/strata/inspect/unmodelled.sql}).
 */
final class UnmodelledObjects {
    private static final String SQL = load();

    /**
     * Row represents one such object.
     *
     * @param unsupported the report entry
     * @param ref         the object as a dependency edge names it, when it is left out; else {@code null}
     */
    record Row(Unsupported unsupported, ObjectRef ref) {
    }

    private UnmodelledObjects() {
    }

    static List<Row> read(Connection connection, String schema) {
        return read(connection, schema, List.of());
    }

    /**
     * The rows of schema {@code schema} and of {@code otherSchemas}, in one query; objects of the
     * other schemas come with their schema ({@code auth.users}).
     */
    static List<Row> read(Connection connection, String schema, List<String> otherSchemas) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(SQL)) {
            st.setString(1, schema);
            st.setString(2, schema);
            st.setArray(3, connection.createArrayOf("text", otherSchemas.toArray(String[]::new)));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String refKind = rs.getString("ref_kind");
                    String objectSchema = rs.getString("object_schema");
                    String qualifier = objectSchema == null || objectSchema.isEmpty() ? null : objectSchema;
                    ObjectRef ref = refKind == null ? null : new ObjectRef(ObjectKind.valueOf(refKind),
                            new QualifiedName(qualifier, rs.getString("ref_name")), rs.getString("ref_part"));
                    String table = rs.getString("table_name");
                    String name = rs.getString("name");
                    if (qualifier != null && table != null) {
                        table = qualifier + "." + table;
                    } else if (qualifier != null && ref != null) {
                        name = qualifier + "." + name;
                    }
                    rows.add(new Row(new Unsupported(rs.getString("kind"), table,
                            name, rs.getString("reason"), ref != null), ref));
                }
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not list the objects of schema " + schema
                    + " the model cannot describe: " + e.getMessage()
                    + "\n  Check that the connection may read pg_catalog.", e);
        }
        return rows;
    }

    private static String load() {
        try (InputStream in = UnmodelledObjects.class.getResourceAsStream("unmodelled.sql")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/strata/inspect/unmodelled.sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read dev/strata/inspect/unmodelled.sql", e);
        }
    }
}
