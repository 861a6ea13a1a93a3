package dev.strata.diff;

import static dev.strata.diff.Fixtures.col;
import static dev.strata.diff.Fixtures.n;
import static dev.strata.diff.Fixtures.notNull;
import static dev.strata.diff.Fixtures.schema;
import static dev.strata.diff.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Constraint;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the differ matches constraints (by name, then by definition) and what it changes in place. */
class ConstraintDiffTest {
    private static final Constraint.ForeignKey FK = new Constraint.ForeignKey("child_p_fkey", List.of("p"),
            n("parent"), List.of("id"), null, null, false, false);
    private static final Constraint.Check CHECK = new Constraint.Check("child_p_check", "((p > 0))");

    private static Schema with(Constraint... childConstraints) {
        return schema()
                .table(table("parent").col(notNull(col("id", "integer")))
                        .con(new Constraint.PrimaryKey("parent_pkey", List.of("id"))))
                .table(table("child").col(col("p", "integer")).con(childConstraints))
                .build();
    }

    private static List<Change> diff(Schema a, Schema b) {
        return Differ.diff(a, b, Hints.none());
    }

    private static List<String> up(List<Change> changes) {
        Rendered r = ChangeRenderer.renderAll(changes);
        return r.up().stream().map(Statement::sql).toList();
    }

    private static List<String> down(List<Change> changes) {
        Rendered r = ChangeRenderer.renderAll(changes);
        return r.down().stream().map(Statement::sql).toList();
    }

    @Test
    void aNewNameForTheSameDefinitionIsARename() {
        List<Change> changes = diff(with(FK, CHECK), with(FK.withName("fk_parent"), CHECK.withName("positive_p")));
        assertEquals(List.of(new Change.RenameConstraint(n("child"), FK, FK.withName("fk_parent")),
                new Change.RenameConstraint(n("child"), CHECK, CHECK.withName("positive_p"))), changes);
        assertEquals(List.of("ALTER TABLE child RENAME CONSTRAINT child_p_fkey TO fk_parent",
                "ALTER TABLE child RENAME CONSTRAINT child_p_check TO positive_p"), up(changes));
        assertEquals(List.of("ALTER TABLE child RENAME CONSTRAINT positive_p TO child_p_check",
                "ALTER TABLE child RENAME CONSTRAINT fk_parent TO child_p_fkey"), down(changes));
    }

    @Test
    void aNewNameAndAnotherDefinitionIsDropAndAdd() {
        Constraint.Check other = new Constraint.Check("positive_p", "((p > 1))");
        assertEquals(List.of(new Change.AddConstraint(n("child"), other), new Change.DropConstraint(n("child"), CHECK)),
                diff(with(CHECK), with(other)));
    }

    @Test
    void foreignKeyDeferrabilityChangesInPlace() {
        Constraint.ForeignKey deferred = new Constraint.ForeignKey("child_p_fkey", List.of("p"), n("parent"),
                List.of("id"), null, null, true, true);
        List<Change> changes = diff(with(FK), with(deferred));
        assertEquals(List.of(new Change.AlterConstraint(n("child"), FK, deferred,
                EnumSet.of(ConstraintChange.DEFERRABILITY))), changes);
        assertEquals(List.of("ALTER TABLE child ALTER CONSTRAINT child_p_fkey DEFERRABLE INITIALLY DEFERRED"),
                up(changes));
        assertEquals(List.of("ALTER TABLE child ALTER CONSTRAINT child_p_fkey NOT DEFERRABLE INITIALLY IMMEDIATE"),
                down(changes));
    }

    @Test
    void otherOptionsAreDropAndAdd() {
        Constraint.ForeignKey full = new Constraint.ForeignKey("child_p_fkey", List.of("p"), n("parent"),
                List.of("id"), null, null, false, false, Constraint.Match.FULL, false);
        assertEquals(List.of(new Change.DropConstraint(n("child"), FK), new Change.AddConstraint(n("child"), full)),
                diff(with(FK), with(full)));
        Constraint.Check noInherit = new Constraint.Check("child_p_check", "((p > 0))", true, false);
        assertEquals(List.of(new Change.DropConstraint(n("child"), CHECK),
                new Change.AddConstraint(n("child"), noInherit)), diff(with(CHECK), with(noInherit)));
    }

    @Test
    void notValidIsValidatedAndTheDownAddsItNotValidAgain() {
        Constraint.Check notValid = new Constraint.Check("child_p_check", "((p > 0))", false, true);
        List<Change> changes = diff(with(notValid), with(CHECK));
        assertEquals(List.of(new Change.AlterConstraint(n("child"), notValid, CHECK,
                EnumSet.of(ConstraintChange.VALIDATE))), changes);
        assertEquals(List.of("ALTER TABLE child VALIDATE CONSTRAINT child_p_check"), up(changes));
        assertEquals(List.of("ALTER TABLE child DROP CONSTRAINT child_p_check",
                "ALTER TABLE child ADD CONSTRAINT child_p_check CHECK (((p > 0))) NOT VALID"), down(changes));
        // A live validated constraint satisfies a model that says NOT VALID.
        assertEquals(List.of(), diff(with(CHECK), with(notValid)));
        // A renamed NOT VALID constraint is still a rename.
        assertEquals(List.of(new Change.RenameConstraint(n("child"), notValid, notValid.withName("p_ok"))),
                diff(with(notValid), with(notValid.withName("p_ok"))));
    }

    @Test
    void renamedAndMadeDeferrable() {
        Constraint.ForeignKey renamed = new Constraint.ForeignKey("fk_p", List.of("p"), n("parent"), List.of("id"),
                null, null, true, false);
        assertEquals(List.of(new Change.RenameConstraint(n("child"), FK, FK.withName("fk_p")),
                        new Change.AlterConstraint(n("child"), FK.withName("fk_p"), renamed,
                                EnumSet.of(ConstraintChange.DEFERRABILITY))),
                diff(with(FK), with(renamed)));
    }

    @Test
    void aRenamedForeignKeyWhoseKeyIsReplacedIsDroppedAndAddedUnderItsNewName() {
        Schema before = with(FK);
        Schema after = schema()
                .table(table("parent").col(notNull(col("id", "integer")))
                        .con(new Constraint.PrimaryKey("parent_pkey", List.of("id"), true, false)))
                .table(table("child").col(col("p", "integer")).con(FK.withName("fk_p")))
                .build();
        List<Change> changes = diff(before, after);
        assertEquals(List.of(
                new Change.DropConstraint(n("parent"), new Constraint.PrimaryKey("parent_pkey", List.of("id"))),
                new Change.AddConstraint(n("parent"), new Constraint.PrimaryKey("parent_pkey", List.of("id"), true,
                        false)),
                new Change.DropConstraint(n("child"), FK),
                new Change.AddConstraint(n("child"), FK.withName("fk_p"))), changes);
    }
}
