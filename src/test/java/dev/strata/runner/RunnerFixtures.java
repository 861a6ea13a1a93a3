package dev.strata.runner;

import dev.strata.pg.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** RunnerFixtures writes migration files and reads back what a database holds, for runner and CLI tests. */
public final class RunnerFixtures {
    private RunnerFixtures() {
    }

    /** The three-migration project most tests start from: a table, a column, an index. */
    public static void writeBasicProject(Path dir) {
        write(dir, "0001_create_users.edn", "{:up [\"CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL)\"]\n"
                + " :down [\"DROP TABLE users\"]}\n");
        write(dir, "0002_add_email.sql", "-- FORWARD\nALTER TABLE users ADD COLUMN email text;\n"
                + "COMMENT ON COLUMN users.email IS 'it''s; the address';\n-- BACKWARD\nALTER TABLE users DROP COLUMN email;\n");
        write(dir, "0003_add_indexes.edn", "{:up [\"CREATE INDEX users_email_idx ON users (email)\"]\n"
                + " :down [\"DROP INDEX users_email_idx\"]}\n");
    }

    public static Path write(Path dir, String fileName, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConnectionSource source(ScratchDatabase db) {
        return ConnectionSource.of(db.url(), db.server().user(), db.server().password());
    }

    /** The history rows as "number name kind", in order. */
    public static List<String> history(ScratchDatabase db, String schema) throws SQLException {
        return strings(db, "SELECT number || ' ' || name || ' ' || kind FROM " + schema + ".strata_migrations ORDER BY number");
    }

    /** Every relation of a schema as "name:relkind", sorted. */
    public static List<String> relations(ScratchDatabase db, String schema) throws SQLException {
        return strings(db, "SELECT c.relname || ':' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = '" + schema + "' ORDER BY 1");
    }

    /**
     * A fingerprint of everything user-visible in the database: schemas, relations, columns with
     * their types, types, constraints, comments and the history rows of schema public.
     */
    public static List<String> catalog(ScratchDatabase db) throws SQLException {
        String user = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";
        List<String> all = new ArrayList<>();
        all.addAll(strings(db, "SELECT 'schema ' || nspname FROM pg_namespace n WHERE " + user + " ORDER BY 1"));
        all.addAll(strings(db, "SELECT 'rel ' || n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + user + " ORDER BY 1"));
        all.addAll(strings(db, "SELECT 'col ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '"
                + " || format_type(a.atttypid, a.atttypmod) || coalesce(' ' || col_description(c.oid, a.attnum), '')"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + user + " ORDER BY 1"));
        all.addAll(strings(db, "SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n"
                + " ON n.oid = t.typnamespace WHERE " + user + " ORDER BY 1"));
        all.addAll(strings(db, "SELECT 'con ' || conname || ' ' || pg_get_constraintdef(co.oid) FROM pg_constraint co"
                + " JOIN pg_namespace n ON n.oid = co.connamespace WHERE " + user + " ORDER BY 1"));
        all.addAll(strings(db, "SELECT 'history ' || number || ' ' || checksum FROM public.strata_migrations ORDER BY number"));
        return all;
    }

    public static List<String> strings(ScratchDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    public static void execute(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
