package dev.strata.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.bpsm.edn.Keyword;

class MigrationFilesTest {
    @TempDir
    Path dir;

    @Test
    void numbersFollowTheHighestFileAndIgnoreOtherFiles() throws IOException {
        assertEquals(1, MigrationFiles.nextNumber(dir));
        Files.writeString(dir.resolve("0002_b.sql"), "-- FORWARD\nSELECT 1;\n");
        Files.writeString(dir.resolve("0007_c.edn"), "{:up [\"SELECT 1\"]}");
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.writeString(dir.resolve(".0008_x.edn.tmp"), "partial");
        assertEquals(8, MigrationFiles.nextNumber(dir));
        assertEquals(List.of("0002_b", "0007_c"), MigrationFiles.readAll(dir).stream().map(Migration::id).toList());
    }

    @Test
    void twoFilesWithOneNumberAreRefusedNamingBoth() throws IOException {
        Files.writeString(dir.resolve("0001_a.sql"), "-- FORWARD\nSELECT 1;\n");
        Files.writeString(dir.resolve("0003_first.sql"), "-- FORWARD\nSELECT 1;\n");
        Files.writeString(dir.resolve("0003_second.edn"), "{:up [\"SELECT 1\"]}");
        StrataException e = assertThrows(StrataException.class, () -> MigrationFiles.readAll(dir));
        assertEquals(ErrorCode.MIGRATION_FILES, e.code());
        assertTrue(e.getMessage().contains("0003: 0003_first.sql and 0003_second.edn"), e.getMessage());
        assertTrue(e.getMessage().contains("the next free one is 0004"), e.getMessage());
    }

    @Test
    void misnamedFilesAreRefused() throws IOException {
        Files.writeString(dir.resolve("12_create.sql"), "-- FORWARD\nSELECT 1;\n");
        StrataException e = assertThrows(StrataException.class, () -> MigrationFiles.readAll(dir));
        assertEquals(ErrorCode.MIGRATION_FILES, e.code());
        assertTrue(e.getMessage().contains("12_create.sql is not named NNNN_snake_name"), e.getMessage());
    }

    @Test
    void readsSqlSectionsWithDollarQuotesAndTheTransactionHeader() throws IOException {
        String text = "-- add a trigger function\n-- :transaction false\n\n-- FORWARD\n"
                + "CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.updated_at := now(); RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n"
                + "CREATE INDEX CONCURRENTLY idx ON t (a);\n"
                + "-- backward\n"
                + "DROP INDEX CONCURRENTLY idx;\nDROP FUNCTION touch();\n";
        Path file = dir.resolve("0004_touch.sql");
        Files.writeString(file, text);
        Migration m = MigrationFiles.read(file);
        assertEquals(4, m.number());
        assertEquals("touch", m.name());
        assertEquals(MigrationKind.SQL, m.kind());
        assertFalse(m.transactional());
        assertEquals(List.of("CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.updated_at := now(); RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql",
                "CREATE INDEX CONCURRENTLY idx ON t (a)"), m.up());
        assertEquals(List.of("DROP INDEX CONCURRENTLY idx", "DROP FUNCTION touch()"), m.down());
        assertEquals(HexFormat.of().formatHex(sha256(Files.readAllBytes(file))), m.checksum());
    }

    @Test
    void aSqlFileWithoutBackwardCannotBeRolledBack() throws IOException {
        Path file = dir.resolve("0001_seed.sql");
        Files.writeString(file, "-- FORWARD\nINSERT INTO t VALUES (1);\n");
        Migration m = MigrationFiles.read(file);
        assertTrue(m.transactional());
        assertEquals(List.of("INSERT INTO t VALUES (1)"), m.up());
        assertEquals(List.of(), m.down());
    }

    @Test
    void sqlFilesWithoutForwardOrWithStatementsBeforeItAreRefused() throws IOException {
        Path none = dir.resolve("0001_a.sql");
        Files.writeString(none, "CREATE TABLE t (id int);\n");
        assertTrue(assertThrows(StrataException.class, () -> MigrationFiles.read(none)).getMessage().contains("has no '-- FORWARD' line"));
        Path before = dir.resolve("0002_b.sql");
        Files.writeString(before, "CREATE TABLE t (id int);\n-- FORWARD\nSELECT 1;\n");
        assertTrue(assertThrows(StrataException.class, () -> MigrationFiles.read(before)).getMessage().contains("SQL before its '-- FORWARD'"));
        Path backwardFirst = dir.resolve("0003_c.sql");
        Files.writeString(backwardFirst, "-- BACKWARD\nSELECT 1;\n-- FORWARD\nSELECT 2;\n");
        StrataException e = assertThrows(StrataException.class, () -> MigrationFiles.read(backwardFirst));
        assertEquals(ErrorCode.MIGRATION_FILES, e.code());
        assertTrue(e.getMessage().contains("'-- BACKWARD' (line 1) before '-- FORWARD'"), e.getMessage());
    }

    @Test
    void readsTheGeneratedEdnForm() throws IOException {
        Path file = dir.resolve("0042_add_billing_email.edn");
        Files.writeString(file, "{:actions [{:action :add-column :table-name :accounts :column-name :billing-email\n"
                + "            :column-spec {:type [:varchar 255] :null true}}]\n"
                + " :up [\"ALTER TABLE accounts ADD COLUMN billing_email character varying(255)\"]\n"
                + " :down [\"ALTER TABLE accounts DROP COLUMN billing_email\"]\n :transaction false}");
        Migration m = MigrationFiles.read(file);
        assertEquals(MigrationKind.EDN, m.kind());
        assertEquals("0042_add_billing_email", m.id());
        assertEquals(List.of("ALTER TABLE accounts ADD COLUMN billing_email character varying(255)"), m.up());
        assertEquals(List.of("ALTER TABLE accounts DROP COLUMN billing_email"), m.down());
        assertFalse(m.transactional());
        assertEquals(Keyword.newKeyword("add-column"), m.actions().get(0).get(Keyword.newKeyword("action")));
    }

    @Test
    void ednFilesWithUnknownKeysOrNoUpAreRefused() throws IOException {
        Path typo = dir.resolve("0001_a.edn");
        Files.writeString(typo, "{:up [\"SELECT 1\"] :donw [\"SELECT 2\"]}");
        StrataException e = assertThrows(StrataException.class, () -> MigrationFiles.read(typo));
        assertEquals(ErrorCode.MIGRATION_FILES, e.code());
        assertTrue(e.getMessage().contains("unknown key :donw"), e.getMessage());
        Path noUp = dir.resolve("0002_b.edn");
        Files.writeString(noUp, "{:down [\"SELECT 2\"]}");
        assertTrue(assertThrows(StrataException.class, () -> MigrationFiles.read(noUp)).getMessage().contains("has no :up"));
        Path broken = dir.resolve("0003_c.edn");
        Files.writeString(broken, "{:up [\"SELECT 1\"]\n :down [\"SELECT 2\"\n");
        String message = assertThrows(StrataException.class, () -> MigrationFiles.read(broken)).getMessage();
        assertTrue(message.startsWith("migration file " + broken + ":3: malformed EDN: Expected ']', but found the end"
                + " of the file"), message);
    }

    @Test
    void writesAStableLayoutThatReadsBack() throws IOException {
        Map<Keyword, Object> action = new LinkedHashMap<>();
        action.put(Keyword.newKeyword("column-spec"), Map.of(Keyword.newKeyword("type"), List.of(Keyword.newKeyword("varchar"), 255L)));
        action.put(Keyword.newKeyword("column-name"), Keyword.newKeyword("billing-email"));
        action.put(Keyword.newKeyword("table-name"), Keyword.newKeyword("accounts"));
        action.put(Keyword.newKeyword("action"), Keyword.newKeyword("add-column"));
        List<String> up = List.of("ALTER TABLE accounts ADD COLUMN billing_email character varying(255)",
                "CREATE FUNCTION f() RETURNS int AS $$\nSELECT \"x\" FROM t\n$$ LANGUAGE sql");
        List<String> down = List.of("DROP FUNCTION f()", "ALTER TABLE accounts DROP COLUMN billing_email");
        String text = MigrationWriter.ednText(List.of(action, action), up, down, false);
        assertEquals("{:actions [{:action :add-column :table-name :accounts :column-name :billing-email :column-spec {:type [:varchar 255]}}\n"
                + "           {:action :add-column :table-name :accounts :column-name :billing-email :column-spec {:type [:varchar 255]}}]\n"
                + " :up [\"ALTER TABLE accounts ADD COLUMN billing_email character varying(255)\"\n"
                + "      \"CREATE FUNCTION f() RETURNS int AS $$\nSELECT \\\"x\\\" FROM t\n$$ LANGUAGE sql\"]\n"
                + " :down [\"DROP FUNCTION f()\"\n"
                + "        \"ALTER TABLE accounts DROP COLUMN billing_email\"]\n"
                + " :transaction false}\n", text);

        Path written = MigrationWriter.writeEdn(dir, "Add billing e-mail", List.of(action), up, down, true);
        assertEquals("0001_add_billing_e_mail.edn", written.getFileName().toString());
        Migration m = MigrationFiles.read(written);
        assertEquals(up, m.up());
        assertEquals(down, m.down());
        assertTrue(m.transactional());
        assertFalse(Files.readString(written).contains(":transaction"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("0001_add_billing_e_mail.edn"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
        assertEquals("0002_second.edn", MigrationWriter.writeEdn(dir, "second", List.of(), up, down, true).getFileName().toString());
    }

    @Test
    void sqlTemplateHasBothSectionsAndNothingToRun() {
        Path file = MigrationWriter.writeSqlTemplate(dir.resolve("new"), "backfill totals");
        assertEquals("0001_backfill_totals.sql", file.getFileName().toString());
        Migration m = MigrationFiles.read(file);
        assertEquals(List.of(), m.up());
        assertEquals(List.of(), m.down());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
