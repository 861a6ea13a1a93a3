package dev.strata.safety;

import dev.strata.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TargetStats holds the numbers the safety stage reads from the target: each table's rows (exact
 * below a size limit, else PostgreSQL's estimate, and it says which) and counts of values that a
 * change would lose (non-null values of a dropped column, NULLs of a column becoming NOT NULL,
 * values a narrowing cast changes). Two queries whatever the number of tables: the estimates, then
 * every exact count in one statement.
 */
public final class TargetStats {
    /** Rows of one table: exact, or PostgreSQL's estimate ({@code reltuples}). */
    public record Rows(long count, boolean exact) {
        public String describe() {
            return exact ? String.format("%,d %s", count, count == 1 ? "row" : "rows")
                    : String.format("about %,d rows (estimate: table above the exact-count limit)", count);
        }
    }

    private final Map<String, Rows> rows;
    private final Map<String, Long> values;

    private TargetStats(Map<String, Rows> rows, Map<String, Long> values) {
        this.rows = rows;
        this.values = values;
    }

    /** The table's rows, or null when the target does not have it. */
    public Rows rows(String table) {
        return rows.get(table);
    }

    /** A counted condition ({@link #measure}'s key), or null when it was not counted (large table). */
    public Long value(String key) {
        return values.get(key);
    }

    /**
     * Reads the numbers.
     *
     * @param tables     the tables whose rows are wanted
     * @param conditions key -> (table, SQL condition on that table's rows); each counts the rows matching it
     * @param exactMax   tables estimated above this many rows get the estimate and no condition counts
     */
    public static TargetStats measure(Connection c, String schema, Set<String> tables,
                                      Map<String, Map.Entry<String, String>> conditions, long exactMax) throws SQLException {
        Map<String, Double> estimates = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.relname, t.reltuples::float8 FROM pg_catalog.pg_class t"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = ? AND t.relkind IN ('r', 'p') AND t.relname = ANY (?)")) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    estimates.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        Map<String, Rows> rows = new HashMap<>();
        Map<String, Long> values = new HashMap<>();
        Map<String, String> queries = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : estimates.entrySet()) {
            if (e.getValue() <= exactMax) {
                queries.put("rows:" + e.getKey(), "SELECT count(*) FROM " + q(schema, e.getKey()));
            } else {
                rows.put(e.getKey(), new Rows(Math.round(e.getValue()), false));
            }
        }
        for (Map.Entry<String, Map.Entry<String, String>> e : conditions.entrySet()) {
            String table = e.getValue().getKey();
            Double estimate = estimates.get(table);
            if (estimate != null && estimate <= exactMax) {
                queries.put(e.getKey(), "SELECT count(*) FROM " + q(schema, table) + " WHERE " + e.getValue().getValue());
            }
        }
        if (!queries.isEmpty()) {
            List<String> keys = new ArrayList<>(queries.keySet());
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", (")
                        .append(queries.get(keys.get(i))).append(')');
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    String key = keys.get(rs.getInt(1));
                    if (key.startsWith("rows:")) {
                        rows.put(key.substring(5), new Rows(rs.getLong(2), true));
                    } else {
                        values.put(key, rs.getLong(2));
                    }
                }
            }
        }
        return new TargetStats(rows, values);
    }

    private static String q(String schema, String table) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }
}
