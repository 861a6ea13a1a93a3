package dev.strata.runner;

import dev.strata.migration.Migration;
import dev.strata.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** HistoryTable reads and writes the table that records which migrations a schema has applied. */
final class HistoryTable {
    private final String schema;
    private final String table;
    private final String qualified;

    HistoryTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
        this.qualified = Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    String qualifiedName() {
        return qualified;
    }

    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_class t JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE n.nspname = ? AND t.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Creates the schema and the table when missing (callers hold the migration lock). */
    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " ("
                    + "number integer PRIMARY KEY, "
                    + "name text NOT NULL, "
                    + "kind text NOT NULL, "
                    + "checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now(), "
                    + "execution_ms bigint NOT NULL, "
                    + "applied_by text NOT NULL DEFAULT current_user, "
                    + "backup text)");
        }
        if (!hasBackupColumn(c)) {
            // History tables made before migrate --backup existed get the column once.
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + qualified + " ADD COLUMN IF NOT EXISTS backup text");
            }
        }
    }

    private boolean hasBackupColumn(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class t ON t.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE n.nspname = ? AND t.relname = ? AND a.attname = 'backup' AND NOT a.attisdropped")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The rows in number order; empty when the table does not exist. */
    List<AppliedMigration> read(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT number, name, kind, checksum, applied_at, execution_ms, applied_by FROM "
                     + qualified + " ORDER BY number")) {
            while (rs.next()) {
                rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getString(7)));
            }
        }
        return rows;
    }

    void insert(Connection c, Migration m, long executionMs) throws SQLException {
        insert(c, m, executionMs, null);
    }

    /** Records an applied migration; {@code backup} is the dump taken before the run, or null. */
    void insert(Connection c, Migration m, long executionMs, String backup) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified
                + " (number, name, kind, checksum, applied_at, execution_ms, applied_by, backup)"
                + " VALUES (?, ?, ?, ?, clock_timestamp(), ?, current_user, ?)")) {
            ps.setInt(1, m.number());
            ps.setString(2, m.name());
            ps.setString(3, m.kind().label());
            ps.setString(4, m.checksum());
            ps.setLong(5, executionMs);
            ps.setString(6, backup);
            ps.executeUpdate();
        }
    }

    void delete(Connection c, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + qualified + " WHERE number = ?")) {
            ps.setInt(1, number);
            ps.executeUpdate();
        }
    }
}
