package dev.strata.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void splitsOnTopLevelSemicolonsAndDropsEmptyPieces() {
        assertEquals(List.of("CREATE TABLE a (id int)", "CREATE TABLE b (id int)"),
                SqlStatements.split("CREATE TABLE a (id int);\n\n;  CREATE TABLE b (id int)\n"));
    }

    @Test
    void keepsSemicolonsInsideStringsAndQuotedIdentifiers() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s;')", "SELECT \"we;ird\"\"x\" FROM t", "SELECT E'back\\';slash'"),
                SqlStatements.split("INSERT INTO t VALUES ('a;b', 'it''s;'); SELECT \"we;ird\"\"x\" FROM t; SELECT E'back\\';slash';"));
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String fn = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 'a;b'; RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $body$";
        assertEquals(List.of(fn, tagged, "SELECT $1::int"),
                SqlStatements.split(fn + ";\n" + tagged + ";\nSELECT $1::int;"));
    }

    @Test
    void ignoresSemicolonsInCommentsAndDropsCommentOnlyPieces() {
        assertEquals(List.of("-- first; not a split\nSELECT 1", "SELECT /* a; /* nested; */ b; */ 2"),
                SqlStatements.split("-- first; not a split\nSELECT 1;\nSELECT /* a; /* nested; */ b; */ 2;\n-- trailing; comment\n"));
    }

    @Test
    void keepsSqlStandardFunctionBodiesWhole() {
        String fn = "CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\n"
                + "BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a + b ELSE b END;\n  SELECT 1;\nEND";
        assertEquals(List.of(fn, "SELECT 2"), SqlStatements.split(fn + ";\nSELECT 2;"));
    }

    @Test
    void aBeginOutsideARoutineDoesNotSwallowStatements() {
        assertEquals(List.of("BEGIN", "SELECT 1", "END"), SqlStatements.split("BEGIN; SELECT 1; END;"));
    }

    @Test
    void keepsSemicolonsInsideParentheses() {
        assertEquals(List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2))"),
                SqlStatements.split("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2));"));
    }
}
