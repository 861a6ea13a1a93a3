package dev.strata.workflow;

import static dev.strata.workflow.ChangeActionsTest.ACCOUNTS;
import static dev.strata.workflow.ChangeActionsTest.EMAIL;
import static dev.strata.workflow.ChangeActionsTest.STATUS;
import static dev.strata.workflow.ChangeActionsTest.TABLE;
import static dev.strata.workflow.ChangeActionsTest.VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.diff.Change;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.model.EnumType;
import dev.strata.model.QualifiedName;
import dev.strata.model.Table;
import dev.strata.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting planned changes into files, naming them, and writing them. */
class MigrationMakerTest {
    private static PlannedChange tx(Change change, String up, String down) {
        return new PlannedChange(change, List.of(Statement.of(up)), List.of(Statement.of(down)));
    }

    private static PlannedChange outside(Change change, String up, String down) {
        return new PlannedChange(change, List.of(new Statement(up, false)), List.of(Statement.of(down)));
    }

    private static final PlannedChange DROP_VIEW = tx(new Change.DropView(VIEW), "DROP VIEW plans", "CREATE VIEW plans");
    private static final PlannedChange ADD_LABEL = outside(new Change.AddEnumLabel(STATUS, "paused", null, "active"),
            "ALTER TYPE status ADD VALUE 'paused'", "DO remove paused");
    private static final PlannedChange ADD_COLUMN = tx(new Change.AddColumn(ACCOUNTS, EMAIL), "ALTER TABLE accounts ADD billing_email",
            "ALTER TABLE accounts DROP billing_email");

    @Test
    void oneTransactionalRunIsOneFileWithTheReversesLastFirst() {
        List<MigrationDraft> drafts = MigrationMaker.split(List.of(DROP_VIEW, ADD_COLUMN), null);
        assertEquals(1, drafts.size());
        MigrationDraft d = drafts.get(0);
        assertEquals("add_column_billing_email_to_accounts", d.name());
        assertTrue(d.transactional());
        assertEquals(List.of("DROP VIEW plans", "ALTER TABLE accounts ADD billing_email"), d.up());
        assertEquals(List.of("ALTER TABLE accounts DROP billing_email", "CREATE VIEW plans"), d.down());
    }

    @Test
    void labelsThatMustCommitFirstGetTheFirstFileAndTheDownsSplitToMatch() {
        List<MigrationDraft> drafts = MigrationMaker.split(List.of(DROP_VIEW, ADD_LABEL, ADD_COLUMN), null);
        assertEquals(2, drafts.size());
        assertEquals("add_enum_label_paused_to_status", drafts.get(0).name());
        assertFalse(drafts.get(0).transactional());
        assertEquals(List.of("ALTER TYPE status ADD VALUE 'paused'"), drafts.get(0).up());
        assertEquals(List.of("DO remove paused"), drafts.get(0).down());
        assertTrue(drafts.get(1).transactional());
        assertEquals(List.of("DROP VIEW plans", "ALTER TABLE accounts ADD billing_email"), drafts.get(1).up());
        assertEquals(List.of("ALTER TABLE accounts DROP billing_email", "CREATE VIEW plans"), drafts.get(1).down());

        List<MigrationDraft> named = MigrationMaker.split(List.of(DROP_VIEW, ADD_LABEL, ADD_COLUMN), "Release 2");
        assertEquals(List.of("release_2_1", "release_2_2"), named.stream().map(MigrationDraft::name).toList());
        assertEquals("release_2", MigrationMaker.split(List.of(ADD_COLUMN), "Release 2").get(0).name());
    }

    @Test
    void aLabelStaysAfterAnEarlierChangeOfItsOwnType() {
        PlannedChange rename = tx(new Change.RenameEnumLabel(STATUS, "old", "active"), "RENAME", "RENAME BACK");
        PlannedChange otherType = outside(new Change.AddEnumLabel(QualifiedName.of("role"), "guest", null, null), "ADD guest", "DO");
        List<PlannedChange> ordered = MigrationMaker.labelsFirst(List.of(DROP_VIEW, rename, ADD_LABEL, otherType, ADD_COLUMN));
        assertEquals(List.of(otherType, DROP_VIEW, rename, ADD_LABEL, ADD_COLUMN), ordered);
        List<MigrationDraft> drafts = MigrationMaker.split(List.of(DROP_VIEW, rename, ADD_LABEL, otherType, ADD_COLUMN), null);
        assertEquals(List.of(false, true, false, true), drafts.stream().map(MigrationDraft::transactional).toList());
    }

    @Test
    void derivedNamesPreferTablesThenColumnsAndAreCutAtAnUnderscore() {
        Change createEnum = new Change.CreateEnum(new EnumType(STATUS, List.of("a"), null));
        assertEquals("create_table_accounts", MigrationNames.derive(List.of(createEnum, new Change.CreateTable(TABLE))));
        assertEquals("add_column_billing_email_to_accounts",
                MigrationNames.derive(List.of(createEnum, new Change.AddColumn(ACCOUNTS, EMAIL))));
        assertEquals("create_enum_status", MigrationNames.derive(List.of(createEnum)));
        assertEquals("drop_view_plans", MigrationNames.derive(List.of(new Change.DropView(VIEW))));
        String longName = "a_very_long_table_name_that_goes_on_and_on_and_on_and_on_forever";
        String derived = MigrationNames.derive(List.of(new Change.DropTable(new Table(QualifiedName.of(longName),
                List.of(), List.of(), List.of(), false, null))));
        assertEquals("drop_table_a_very_long_table_name_that_goes_on_and_on_and_on", derived);
        assertTrue(derived.length() <= MigrationNames.MAX_LENGTH);
        assertEquals("x".repeat(MigrationNames.MAX_LENGTH), MigrationNames.truncate("x".repeat(70)));
        assertEquals("create_table_weird_name", MigrationNames.derive(List.of(new Change.CreateTable(new Table(
                QualifiedName.of("Weird Name!"), List.of(), List.of(), List.of(), false, null)))));
        Change second = new Change.CreateTable(new Table(QualifiedName.of("plans"), List.of(), List.of(), List.of(),
                false, null));
        assertEquals("create_tables_accounts_and_1_more",
                MigrationNames.derive(List.of(createEnum, new Change.CreateTable(TABLE), second)));
    }

    @Test
    void writingNumbersTheFilesInOrderAndMarksNonTransactionalOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("0007_existing.sql"), "-- FORWARD\nSELECT 1;\n-- BACKWARD\n");
        List<Path> written = MigrationMaker.write(dir, MigrationMaker.split(List.of(DROP_VIEW, ADD_LABEL, ADD_COLUMN), null));
        assertEquals(List.of(dir.resolve("0008_add_enum_label_paused_to_status.edn"), dir.resolve("0009_add_column_billing_email_to_accounts.edn")),
                written);
        Migration first = MigrationFiles.read(written.get(0));
        assertFalse(first.transactional());
        assertTrue(Files.readString(written.get(0)).contains("\n :transaction false}"));
        Migration second = MigrationFiles.read(written.get(1));
        assertTrue(second.transactional());
        assertEquals(List.of("ALTER TABLE accounts DROP billing_email", "CREATE VIEW plans"), second.down());
        assertEquals(2, second.actions().size());
    }

    @Test
    void aFailedWriteRemovesTheFilesAlreadyWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("9998_almost_full.sql"), "-- FORWARD\nSELECT 1;\n-- BACKWARD\n");
        List<MigrationDraft> drafts = MigrationMaker.split(List.of(DROP_VIEW, ADD_LABEL, ADD_COLUMN), null);
        StrataException e = assertThrows(StrataException.class, () -> MigrationMaker.write(dir, drafts));
        assertEquals(ErrorCode.MIGRATION_FILES, e.code());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("9998_almost_full.sql"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
