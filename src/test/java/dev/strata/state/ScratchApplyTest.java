package dev.strata.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.Function;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithPostgres
class ScratchApplyTest {
    private static final Table ITEMS = new Table(QualifiedName.of("items"),
            List.of(new Column("id", ColumnType.builtin("integer"), true, null, Column.Identity.ALWAYS, null, null, null),
                    new Column("price", ColumnType.builtin("numeric(10,2)"), false, "0", null, null, null, null)),
            List.of(new Constraint.PrimaryKey("items_pkey", List.of("id")),
                    new Constraint.Check("items_price_check", "price >= 0")),
            List.of(), false, null);

    @Test
    void modelReadsBackInPostgresSpelling(DevServer dev) throws SQLException {
        Schema model = new Schema(List.of(), List.of(), List.of(), List.of(ITEMS), List.of(), List.of(), List.of(), List.of());
        Schema read = ScratchApply.model(model, dev).schema();
        Table items = read.table("items").orElseThrow();
        assertEquals("numeric(10,2)", items.column("price").orElseThrow().type().sql());
        assertEquals("0", items.column("price").orElseThrow().defaultExpr());
        assertEquals(new Constraint.Check("items_price_check", "((price >= (0)::numeric))"),
                items.constraints(Constraint.Check.class).get(0));
        assertEquals(0, scratchDatabases(dev), "the scratch database is dropped");
    }

    @Test
    void rejectedModelNamesTheStatementAndDropsTheScratchDatabase(DevServer dev) throws SQLException {
        Function broken = new Function(QualifiedName.of("broken"), null, false,
                "CREATE FUNCTION broken() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$ IMMUTABL", null);
        Schema model = new Schema(List.of(), List.of(), List.of(), List.of(ITEMS), List.of(), List.of(broken), List.of(), List.of());
        StrataException e = assertThrows(StrataException.class, () -> ScratchApply.model(model, dev));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        assertTrue(e.getMessage().startsWith("PostgreSQL rejected the model's DDL at statement 2 of 3: ERROR: syntax error"),
                e.getMessage());
        assertTrue(e.getMessage().contains("statement: CREATE FUNCTION broken()"), e.getMessage());
        assertEquals(0, scratchDatabases(dev));
    }

    @Test
    void stepsFailureNamesTheMigration(DevServer dev) {
        List<ScratchApply.Step> steps = List.of(
                new ScratchApply.Step("0001_create_items", "CREATE TABLE items (id int)"),
                new ScratchApply.Step("0002_bad", "ALTER TABLE nope ADD COLUMN x int"));
        StrataException e = assertThrows(StrataException.class, () -> ScratchApply.steps(steps, dev));
        assertEquals(ErrorCode.MIGRATION_FILES, e.code());
        assertTrue(e.getMessage().startsWith("migration 0002_bad failed on a scratch database: ERROR: relation \"nope\" does not exist"),
                e.getMessage());
        assertFalse(e.getMessage().contains("0001"));
    }

    private static int scratchDatabases(DevServer dev) throws SQLException {
        try (Connection c = dev.connect();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from pg_database where datname like 'strata\\_desired\\_%' or datname like 'strata\\_current\\_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
