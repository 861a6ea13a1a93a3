package dev.strata.runner;

import dev.strata.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Snapshot represents what {@code migrate --verify} records of a schema before and after a
 * migration (seed 003): every table with its columns, its constraints (and whether each is
 * validated) and its indexes (and whether each is valid and ready), and the row count of each table
 * up to a size limit. Two queries, whatever the number of tables: one over the catalog, one that
 * counts every table's rows.
 *
 * @param tables      table -> its columns
 * @param constraints table -> (constraint -> validated)
 * @param indexes     table -> (index -> valid and ready)
 * @param rows        table -> exact row count, for tables estimated below the limit
 * @param notCounted  tables too large to count exactly (their estimate was above the limit)
 */
record Snapshot(Map<String, Set<String>> tables, Map<String, Map<String, Boolean>> constraints,
                Map<String, Map<String, Boolean>> indexes, Map<String, Long> rows, Set<String> notCounted) {

    private static final String CATALOG = """
            SELECT 'T' AS kind, c.relname::text AS tbl, NULL::text AS name, c.reltuples::float8 AS estimate, NULL::boolean AS ok
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ?
            UNION ALL
            SELECT 'C', c.relname, a.attname, NULL, NULL
              FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ? AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'K', c.relname, con.conname, NULL, con.convalidated
              FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname <> ?
            UNION ALL
            SELECT 'I', t.relname, i.relname, NULL, x.indisvalid AND x.indisready
              FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
              JOIN pg_catalog.pg_class t ON t.oid = x.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = ? AND t.relname <> ?
            """;

    /**
     * Takes a snapshot of {@code schema}, leaving out the history table.
     *
     * @param maxExactRows tables whose planner estimate is above this are not counted (0: count none)
     */
    static Snapshot take(Connection c, String schema, String historyTable, long maxExactRows) throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        Map<String, Map<String, Boolean>> constraints = new TreeMap<>();
        Map<String, Map<String, Boolean>> indexes = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        Set<String> notCounted = new TreeSet<>();
        List<String> toCount = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CATALOG)) {
            for (int i = 0; i < 4; i++) {
                ps.setString(2 * i + 1, schema);
                ps.setString(2 * i + 2, historyTable);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    switch (rs.getString(1)) {
                        case "T" -> {
                            tables.computeIfAbsent(table, k -> new TreeSet<>());
                            double estimate = rs.getDouble(4);
                            if (estimate <= maxExactRows) {
                                toCount.add(table);
                            } else {
                                notCounted.add(table);
                            }
                        }
                        case "C" -> tables.computeIfAbsent(table, k -> new TreeSet<>()).add(rs.getString(3));
                        case "K" -> constraints.computeIfAbsent(table, k -> new TreeMap<>()).put(rs.getString(3), rs.getBoolean(5));
                        default -> indexes.computeIfAbsent(table, k -> new TreeMap<>()).put(rs.getString(3), rs.getBoolean(5));
                    }
                }
            }
        }
        if (!toCount.isEmpty()) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < toCount.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", (SELECT count(*) FROM ")
                        .append(Identifiers.quote(schema)).append('.').append(Identifiers.quote(toCount.get(i))).append(')');
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    rows.put(toCount.get(rs.getInt(1)), rs.getLong(2));
                }
            }
        }
        return new Snapshot(tables, constraints, indexes, rows, notCounted);
    }

    /** The indexes that are not valid or not ready, as "table.index". */
    List<String> invalidIndexes() {
        List<String> out = new ArrayList<>();
        indexes.forEach((table, byName) -> byName.forEach((index, ok) -> {
            if (!ok) {
                out.add(index + " on " + table);
            }
        }));
        return out;
    }
}
