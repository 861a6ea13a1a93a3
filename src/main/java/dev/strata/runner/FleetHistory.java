package dev.strata.runner;

import dev.strata.sql.Identifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FleetHistory reads the history tables of many schemas of one database in two queries, whatever
 * their number: which of them have the table, then every row of those tables in one statement. A schema without the table has an empty history.
 */
public final class FleetHistory {
    private FleetHistory() {
    }

    /** Every schema's rows in number order, by schema, in the order given. */
    public static Map<String, List<AppliedMigration>> read(Connection c, List<String> schemas, String table)
            throws SQLException {
        Map<String, List<AppliedMigration>> out = new LinkedHashMap<>();
        schemas.forEach(s -> out.put(s, new ArrayList<>()));
        if (schemas.isEmpty()) {
            return out;
        }
        List<String> withTable = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT n.nspname FROM pg_catalog.pg_class t JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE t.relname = ? AND t.relkind IN ('r', 'p') AND n.nspname = ANY (?)")) {
            ps.setString(1, table);
            Array names = c.createArrayOf("text", schemas.toArray());
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    withTable.add(rs.getString(1));
                }
            }
        }
        if (withTable.isEmpty()) {
            return out;
        }
        try {
            readEach(c, withTable, table, out);
        } catch (SQLException e) {
            if (!"0A000".equals(e.getSQLState())) {
                throw e;
            }
            // A server built without libxml has no query_to_xml: one UNION ALL instead, slower to plan.
            out.values().forEach(List::clear);
            readUnion(c, withTable, table, out);
        }
        return out;
    }

    /**
     * Every row in one statement that runs a small query per history table on the server
     * ({@code query_to_xml}, unpacked by {@code XMLTABLE}): each is planned alone, which on
     * PostgreSQL 15 takes a sixth of the time of planning one {@code UNION ALL} of a thousand.
     */
    private static void readEach(Connection c, List<String> schemas, String table,
                                 Map<String, List<AppliedMigration>> out) throws SQLException {
        String sql = "SELECT s.schema_name, h.number, h.name, h.kind, h.checksum, h.applied_at, h.execution_ms, h.applied_by"
                + " FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS s(schema_name, position),"
                + " LATERAL XMLTABLE('/table/row' PASSING pg_catalog.query_to_xml(pg_catalog.format("
                + "'SELECT number, name, kind, checksum, applied_at, execution_ms, applied_by FROM %I.%I', s.schema_name, ?),"
                + " false, false, '')"
                + " COLUMNS number integer PATH 'number', name text PATH 'name', kind text PATH 'kind',"
                + " checksum text PATH 'checksum', applied_at timestamptz PATH 'applied_at',"
                + " execution_ms bigint PATH 'execution_ms', applied_by text PATH 'applied_by') AS h"
                + " ORDER BY s.position, h.number";
        boolean inTransaction = !c.getAutoCommit();
        java.sql.Savepoint savepoint = inTransaction ? c.setSavepoint() : null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.get(rs.getString(1)).add(row(rs));
                }
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            throw e;
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
    }

    static void readUnion(Connection c, List<String> schemas, String table,
                                  Map<String, List<AppliedMigration>> out) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (String schema : schemas) {
            if (sql.length() > 0) {
                sql.append("\nUNION ALL ");
            }
            sql.append("SELECT ").append(Identifiers.literal(schema)).append("::text AS tenant, number, name, kind, checksum,"
                    + " applied_at, execution_ms, applied_by FROM ").append(Identifiers.quote(schema)).append('.')
                    .append(Identifiers.quote(table));
        }
        sql.append("\nORDER BY 1, 2");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                out.get(rs.getString(1)).add(row(rs));
            }
        }
    }

    private static AppliedMigration row(ResultSet rs) throws SQLException {
        return new AppliedMigration(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getLong(7), rs.getString(8));
    }

    /**
     * Records a backfill in {@code schema}'s history (creating the table when missing): a row of
     * kind {@code backfill} under the next negative number, which no migration file has, so status
     * and migrate pass over it.
     */
    public static void recordBackfill(Connection c, String schema, String table, String name, String checksum, long millis)
            throws SQLException {
        HistoryTable history = new HistoryTable(schema, table);
        history.create(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + history.qualifiedName()
                + " (number, name, kind, checksum, applied_at, execution_ms, applied_by)"
                + " SELECT least(coalesce(min(number), 0), 0) - 1, ?, '" + BACKFILL + "', ?, clock_timestamp(), ?, current_user FROM "
                + history.qualifiedName())) {
            ps.setString(1, name);
            ps.setString(2, checksum);
            ps.setLong(3, millis);
            ps.executeUpdate();
        }
    }

    /** The kind of the history rows a backfill writes. */
    public static final String BACKFILL = "backfill";

    /** The advisory lock key of {@code schema}, the one every migrator of that schema takes. */
    public static long lockKey(String schema) {
        return AdvisoryLock.keyFor(schema);
    }
}
