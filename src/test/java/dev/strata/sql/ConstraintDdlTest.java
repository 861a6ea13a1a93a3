package dev.strata.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import dev.strata.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constraint options spelled in the order pg_get_constraintdef prints them. */
class ConstraintDdlTest {
    @Test
    void everyOption() {
        assertEquals("PRIMARY KEY (a, b) DEFERRABLE INITIALLY DEFERRED", Ddl.constraintDefinition(
                new Constraint.PrimaryKey("k", List.of("a", "b"), true, true)));
        assertEquals("UNIQUE NULLS NOT DISTINCT (a) DEFERRABLE", Ddl.constraintDefinition(
                new Constraint.Unique("u", List.of("a"), true, true, false)));
        assertEquals("CHECK ((a > 0)) NO INHERIT NOT VALID", Ddl.constraintDefinition(
                new Constraint.Check("c", "(a > 0)", true, true)));
        assertEquals("FOREIGN KEY (a, b) REFERENCES p (x, y) MATCH FULL ON DELETE CASCADE DEFERRABLE NOT VALID",
                Ddl.constraintDefinition(new Constraint.ForeignKey("f", List.of("a", "b"), QualifiedName.of("p"),
                        List.of("x", "y"), Constraint.Action.CASCADE, null, true, false, Constraint.Match.FULL, true)));
        assertEquals("EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED", Ddl.constraintDefinition(
                new Constraint.Exclusion("x", "EXCLUDE USING gist (r WITH &&)", true, true)));
    }

    @Test
    void aNotValidCheckIsLeftOutOfCreateTable() {
        Table t = new Table(QualifiedName.of("t"), List.of(new Column("a", ColumnType.builtin("integer"), false, null,
                null, null, null, null)), List.of(new Constraint.Check("t_a_check", "(a > 0)", false, true),
                new Constraint.Check("t_check", "(a < 9)")), List.of(), false, null);
        assertEquals("CREATE TABLE t (\n    a integer,\n    CONSTRAINT t_check CHECK ((a < 9))\n)",
                Ddl.createTable(t, true));
        assertEquals("ALTER TABLE t ADD CONSTRAINT t_a_check CHECK ((a > 0)) NOT VALID",
                Ddl.addConstraint(t.name(), t.constraints().get(0)));
    }
}
