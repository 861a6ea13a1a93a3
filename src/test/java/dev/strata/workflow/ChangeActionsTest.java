package dev.strata.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.diff.Change;
import dev.strata.diff.ColumnChange;
import dev.strata.diff.ConstraintChange;
import dev.strata.diff.SequenceChange;
import dev.strata.migration.ActionDescriber;
import dev.strata.migration.Direction;
import dev.strata.migration.EdnText;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.migration.MigrationWriter;
import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.bpsm.edn.Keyword;

/**
 * Every change kind, written as an action into a migration file, read back and described: each
 * has its own sentence forward and backward (none falls back to printing the action as data).
 */
class ChangeActionsTest {
    static final QualifiedName ACCOUNTS = QualifiedName.of("accounts");
    static final QualifiedName STATUS = QualifiedName.of("status");
    static final Column EMAIL = new Column("billing_email", ColumnType.builtin("character varying(255)"), false, null, null,
            null, null, null);
    static final Column PLAN = new Column("plan", ColumnType.builtin("text"), true, "'free'::text", null, null, "\"C\"", "the plan");
    static final Table TABLE = new Table(ACCOUNTS, List.of(new Column("id", ColumnType.builtin("bigint"), true, null,
            Column.Identity.ALWAYS, null, null, null), PLAN), List.of(new Constraint.PrimaryKey("accounts_pkey", List.of("id"))),
            List.of(), false, null);
    static final Sequence SEQUENCE = new Sequence(QualifiedName.of("invoice_no"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);
    static final Index INDEX = new Index("accounts_plan_idx", ACCOUNTS, true, "btree", List.of("plan", "lower(plan)"), List.of(),
            "(plan <> 'free'::text)");
    static final View VIEW = new View(QualifiedName.of("plans"), true, "CREATE MATERIALIZED VIEW plans AS SELECT 1", null,
            List.of(), List.of());
    static final Function FUNCTION = new Function(QualifiedName.of("normalize_name"), "name text", false,
            "CREATE FUNCTION normalize_name(name text) ...", null);

    /** A change and its expected sentences. */
    record Case(Change change, String forward, String backward) {
    }

    static List<Case> cases() {
        return List.of(
                new Case(new Change.CreateExtension(new Extension("pgcrypto")), "Create extension pgcrypto", "Drop extension pgcrypto"),
                new Case(new Change.DropExtension(new Extension("pgcrypto")), "Drop extension pgcrypto", "Create extension pgcrypto"),
                new Case(new Change.CreateEnum(new EnumType(STATUS, List.of("active", "it's"), null)),
                        "Create enum type status ('active', 'it''s')", "Drop enum type status"),
                new Case(new Change.DropEnum(new EnumType(STATUS, List.of("active"), null)),
                        "Drop enum type status", "Create enum type status ('active')"),
                new Case(new Change.AddEnumLabel(STATUS, "paused", "archived", null),
                        "Add label 'paused' to enum type status before 'archived'",
                        "Remove label 'paused' from enum type status (refused while a row still holds it)"),
                new Case(new Change.AddEnumLabel(STATUS, "gone", null, null), "Add label 'gone' to enum type status at the end",
                        "Remove label 'gone' from enum type status (refused while a row still holds it)"),
                new Case(new Change.RenameEnumLabel(STATUS, "old", "new"), "Rename label 'old' of enum type status to 'new'",
                        "Rename label 'new' of enum type status back to 'old'"),
                new Case(new Change.CommentOnType(STATUS, null, "the state"), "Set the comment on type status to 'the state'",
                        "Remove the comment on type status"),
                new Case(new Change.CreateSequence(SEQUENCE), "Create sequence invoice_no", "Drop sequence invoice_no"),
                new Case(new Change.DropSequence(SEQUENCE), "Drop sequence invoice_no", "Create sequence invoice_no"),
                new Case(new Change.AlterSequence(SEQUENCE, SEQUENCE, EnumSet.of(SequenceChange.INCREMENT, SequenceChange.OWNED_BY)),
                        "Change increment, owned by of sequence invoice_no", "Change increment, owned by of sequence invoice_no back"),
                new Case(new Change.CreateTable(TABLE), "Create table accounts (2 columns: id, plan)", "Drop table accounts"),
                new Case(new Change.DropTable(TABLE), "Drop table accounts", "Create table accounts (2 columns: id, plan)"),
                new Case(new Change.RenameTable(QualifiedName.of("account"), ACCOUNTS), "Rename table account to accounts",
                        "Rename table accounts back to account"),
                new Case(new Change.CommentOnTable(ACCOUNTS, "old", "new"), "Set the comment on table accounts to 'new'",
                        "Set the comment on table accounts to 'old'"),
                new Case(new Change.AddColumn(ACCOUNTS, EMAIL),
                        "Add column billing_email (character varying(255), nullable) to table accounts",
                        "Drop column billing_email from table accounts"),
                new Case(new Change.DropColumn(ACCOUNTS, PLAN), "Drop column plan from table accounts",
                        "Add column plan (text, not null, default 'free'::text) to table accounts"),
                new Case(new Change.RenameColumn(ACCOUNTS, "email", "billing_email"),
                        "Rename column email of table accounts to billing_email",
                        "Rename column billing_email of table accounts back to email"),
                new Case(new Change.AlterColumn(ACCOUNTS, EMAIL, new Column("billing_email", ColumnType.builtin("text"), true, null,
                        null, null, null, null), EnumSet.of(ColumnChange.TYPE, ColumnChange.NOT_NULL)),
                        "Change column billing_email of table accounts to (text, not null)",
                        "Change column billing_email of table accounts back to (character varying(255), nullable)"),
                new Case(new Change.AddConstraint(ACCOUNTS, new Constraint.Check("accounts_plan_check", "(plan <> ''::text)")),
                        "Add constraint accounts_plan_check to table accounts: CHECK ((plan <> ''::text))",
                        "Drop constraint accounts_plan_check from table accounts"),
                new Case(new Change.DropConstraint(ACCOUNTS, new Constraint.Unique("accounts_plan_key", List.of("plan"), false)),
                        "Drop constraint accounts_plan_key from table accounts",
                        "Add constraint accounts_plan_key to table accounts: UNIQUE (plan)"),
                new Case(new Change.RenameConstraint(ACCOUNTS, new Constraint.PrimaryKey("accounts_pkey", List.of("id")),
                        new Constraint.PrimaryKey("pk_accounts", List.of("id"))),
                        "Rename constraint accounts_pkey of table accounts to pk_accounts",
                        "Rename constraint pk_accounts of table accounts back to accounts_pkey"),
                new Case(new Change.AlterConstraint(ACCOUNTS, new Constraint.Check("accounts_plan_check", "(plan <> ''::text)",
                        false, true), new Constraint.Check("accounts_plan_check", "(plan <> ''::text)"),
                        EnumSet.of(ConstraintChange.VALIDATE)),
                        "Change validate of constraint accounts_plan_check of table accounts: CHECK ((plan <> ''::text))",
                        "Leave constraint accounts_plan_check of table accounts validated (PostgreSQL cannot make it NOT"
                                + " VALID again)"),
                new Case(new Change.CreateIndex(INDEX),
                        "Create unique index accounts_plan_idx on table accounts (plan, lower(plan)) where (plan <> 'free'::text)",
                        "Drop index accounts_plan_idx"),
                new Case(new Change.DropIndex(INDEX), "Drop index accounts_plan_idx",
                        "Create unique index accounts_plan_idx on table accounts (plan, lower(plan)) where (plan <> 'free'::text)"),
                new Case(new Change.CreateView(VIEW), "Create materialized view plans", "Drop materialized view plans"),
                new Case(new Change.DropView(VIEW), "Drop materialized view plans", "Create materialized view plans"),
                new Case(new Change.CreateFunction(FUNCTION), "Create function normalize_name(name text)",
                        "Drop function normalize_name(name text)"),
                new Case(new Change.DropFunction(FUNCTION), "Drop function normalize_name(name text)",
                        "Create function normalize_name(name text)"),
                new Case(new Change.ReplaceFunction(FUNCTION, FUNCTION), "Replace the definition of function normalize_name(name text)",
                        "Restore the previous definition of function normalize_name(name text)"),
                new Case(new Change.CreateTrigger(new Trigger("accounts_touch", ACCOUNTS, "CREATE TRIGGER ...", null)),
                        "Create trigger accounts_touch on table accounts", "Drop trigger accounts_touch from table accounts"),
                new Case(new Change.DropTrigger(new Trigger("accounts_touch", ACCOUNTS, "CREATE TRIGGER ...", null)),
                        "Drop trigger accounts_touch from table accounts", "Create trigger accounts_touch on table accounts"),
                new Case(new Change.CreatePolicy(new Policy("own_rows", ACCOUNTS, "CREATE POLICY ...", null)),
                        "Create policy own_rows on table accounts", "Drop policy own_rows from table accounts"),
                new Case(new Change.DropPolicy(new Policy("own_rows", ACCOUNTS, "CREATE POLICY ...", null)),
                        "Drop policy own_rows from table accounts", "Create policy own_rows on table accounts"),
                new Case(new Change.EnableRowLevelSecurity(ACCOUNTS), "Enable row level security on table accounts",
                        "Disable row level security on table accounts"),
                new Case(new Change.DisableRowLevelSecurity(ACCOUNTS), "Disable row level security on table accounts",
                        "Enable row level security on table accounts"));
    }

    @Test
    void everyChangeKindIsDescribedBothWaysAfterARoundTripThroughAFile(@TempDir Path dir) throws Exception {
        List<Case> cases = cases();
        List<Map<Keyword, Object>> actions = cases.stream().map(c -> ChangeActions.of(c.change())).toList();
        Path file = dir.resolve("0001_every_kind.edn");
        Files.writeString(file, MigrationWriter.ednText(actions, List.of("SELECT 1"), List.of("SELECT 1"), true));
        Migration read = MigrationFiles.read(file);
        assertEquals(actions, read.actions(), "actions survive the file");

        List<String> forward = ActionDescriber.describe(read.actions(), Direction.FORWARD);
        List<String> backward = ActionDescriber.describe(read.actions(), Direction.BACKWARD);
        List<String> expectedBackward = new ArrayList<>(cases.stream().map(Case::backward).toList());
        Collections.reverse(expectedBackward);
        assertEquals(cases.stream().map(Case::forward).toList(), forward);
        assertEquals(expectedBackward, backward);
    }

    @Test
    void kindsAreTheRecordNamesInKebabCase() {
        assertEquals("add-enum-label", ChangeActions.kind(new Change.AddEnumLabel(STATUS, "x", null, null)));
        assertEquals("enable-row-level-security", ChangeActions.kind(new Change.EnableRowLevelSecurity(ACCOUNTS)));
        assertEquals(cases().size(), cases().stream().map(c -> ChangeActions.kind(c.change())).distinct().count() + 1,
                "one kind per change record (AddEnumLabel appears twice)");
    }

    @Test
    void plainNamesBecomeKeywordsAndOthersStayStrings() {
        assertEquals(Keyword.newKeyword("billing-email"), ChangeActions.name("billing_email"));
        assertEquals("Billing", ChangeActions.name("Billing"));
        assertEquals("my-table", ChangeActions.name("my-table"));
        assertEquals("_hidden", ChangeActions.name("_hidden"));
        Map<Keyword, Object> spec = ChangeActions.spec(PLAN);
        assertEquals("{:type [:raw \"text\"] :collate \"C\" :comment \"the plan\" :default [:raw \"'free'::text\"] :null false}",
                EdnText.print(spec));
    }
}
