package dev.strata.runner;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.PgDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Backup represents the dump {@code migrate --backup} takes with PostgreSQL's own pg_dump before
 * a run changes anything: the target schema, data included, in pg_dump's custom format. Its path
 * goes into the history rows of that run, and {@link #restoreCommand()} says how to bring it back.
 *
 * @param file      the dump file
 * @param pgRestore the pg_restore of the same client installation
 * @param host      the server's host
 * @param port      the server's port
 * @param user      the user the dump was taken as, or null
 * @param database  the database name
 * @param schema    the schema that was dumped
 * @param appliedBefore the highest migration number applied when the dump was taken (0: none)
 */
public record Backup(Path file, Path pgRestore, String host, String port, String user, String database, String schema,
                     int appliedBefore) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /**
     * Dumps {@code schema} of the database behind {@code connection} into {@code dir}.
     *
     * @param before the id of the first migration the run will apply or roll back (in the file name)
     * @throws StrataException {@code CONFIG} when no suitable pg_dump exists or the target is a
     *                         DataSource; {@code DATABASE} when pg_dump fails. Nothing has run then.
     */
    static Backup take(Connection connection, ConnectionSource source, String schema, Path dir, String before,
                       int appliedBefore) {
        ConnectionSource.Credentials credentials = source.credentials().orElseThrow(() -> new StrataException(
                ErrorCode.CONFIG, "migrate --backup needs the target as a URL, for pg_dump to connect to; "
                        + source.description() + " is an application DataSource.\n"
                        + "  Fix: run the backup with a URL target (--url), or take it outside Strata."));
        try {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            PgDump pgDump = PgDump.require(major, "migrate --backup");
            String database = connection.getCatalog();
            Files.createDirectories(dir);
            String name = safe(database) + "-" + safe(schema) + "-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
                    + "-before-" + safe(before) + ".dump";
            Path file = dir.resolve(name).toAbsolutePath().normalize();
            pgDump.dumpSchema(credentials.jdbcUrl(), credentials.user(), credentials.password(), schema, file);
            pgDump.restoreListWithoutSchema(file, listOf(file));
            java.util.Properties props = org.postgresql.Driver.parseURL(credentials.jdbcUrl(), new java.util.Properties());
            String host = props == null ? "localhost" : props.getProperty("PGHOST", "localhost").split(",")[0];
            String port = props == null ? "5432" : props.getProperty("PGPORT", "5432").split(",")[0];
            String user = credentials.user() != null ? credentials.user() : props == null ? null : props.getProperty("user");
            return new Backup(file, pgDump.pgRestore(), host, port, user, database, schema, appliedBefore);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.DATABASE, "the backup of schema " + schema + " failed, so nothing was"
                    + " applied: " + e.getMessage() + "\n  Fix: check that pg_dump can reach the server with the same"
                    + " URL, and that " + dir + " is writable; or run without --backup.", e);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not read the server version for the backup: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The two commands that put the schema back as it was before the run, objects and rows: first
     * Strata returns the structure to the migration the dump was taken at (so that no object the
     * run created depends on what pg_restore drops), then pg_restore replaces every object of the
     * schema, with its rows, by the dumped one.
     */
    public java.util.List<String> restoreCommands() {
        return java.util.List.of("strata migrate-to " + appliedBefore + " --schema " + quote(schema) + " (with this run's --url or --profile)",
                restoreCommand());
    }

    /** pg_restore of the dump over the schema (after {@code migrate-to}, see {@link #restoreCommands()}). */
    public String restoreCommand() {
        return quote(pgRestore.toString()) + " --clean --if-exists --single-transaction --use-list " + quote(listOf(file).toString()) + " --host " + quote(host) + " --port " + port
                + (user == null ? "" : " --username " + quote(user)) + " --dbname " + quote(database) + " " + quote(file.toString());
    }

    /** The restore list written next to the dump: every entry but the one that creates the schema. */
    public static Path listOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + ".list");
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
