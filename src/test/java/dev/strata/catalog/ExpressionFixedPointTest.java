package dev.strata.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What the catalog reader returns for checks, index predicates and defaults, applied again,
 * reads back the same: equal catalogs compare equal however they were created.
 */
@WithPostgres
class ExpressionFixedPointTest {
    private static final String SOURCE = "CREATE TABLE t (s varchar(16) DEFAULT 'a', c char(2),"
            + " CONSTRAINT t_s_check CHECK (s IN ('a', 'b', 'it''s')),"
            + " CONSTRAINT t_c_check CHECK (c IN ('x', 'y')));"
            + "CREATE INDEX t_s_idx ON t (s) WHERE s IN ('a', 'b');";

    @Test
    void varcharInListsReadBackAsTheyAreReapplied(DevServer server) throws SQLException {
        Schema first = build(server, SOURCE);
        Constraint.Check check = (Constraint.Check) first.table("t").orElseThrow().constraints().get(1);
        assertEquals("t_s_check", check.name());
        assertEquals("(((s)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text,"
                + " ('it''s'::character varying)::text])))", check.expression());
        Index index = first.table("t").orElseThrow().indexes().get(0);
        String again = "CREATE TABLE t (s varchar(16) DEFAULT " + first.table("t").orElseThrow().columns().get(0).defaultExpr()
                + ", c char(2), CONSTRAINT t_c_check CHECK " + ((Constraint.Check) first.table("t").orElseThrow()
                .constraints().get(0)).expression()
                + ", CONSTRAINT t_s_check CHECK " + check.expression() + ");"
                + "CREATE INDEX t_s_idx ON t (s) WHERE " + index.where() + ";";
        assertEquals(first, build(server, again));
    }

    @Test
    void otherExpressionsAreLeftAlone() {
        String text = "(status = ANY (ARRAY['a'::text, 'b'::text]))";
        assertEquals(text, ExpressionForms.canonical(text));
        assertEquals(null, ExpressionForms.canonical(null));
        assertEquals("(x = ANY (ARRAY[('a'::bpchar)::text]))", ExpressionForms.canonical("(x = ANY ((ARRAY['a'::bpchar])::text[]))"));
    }

    private static Schema build(DevServer server, String sql) throws SQLException {
        try (ScratchDatabase db = server.createScratch("fixpoint"); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
            return CatalogReader.read(c, "public");
        }
    }
}
