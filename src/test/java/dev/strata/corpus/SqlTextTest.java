package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTextTest {
    @Test
    void splitsOnSemicolonsOutsideLiteralsBodiesAndComments() {
        String sql = """
                CREATE TABLE t (a text DEFAULT 'x;y'); -- one; still a comment
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                /* block; /* nested; */ comment */ CREATE TABLE "odd;name" (b int);
                COMMENT ON TABLE t IS E'it''s \\'quoted\\';';
                """;
        List<String> statements = SqlText.statements(sql, false);
        assertEquals(4, statements.size(), statements.toString());
        assertEquals("CREATE TABLE t (a text DEFAULT 'x;y')", statements.get(0));
        assertEquals("-- one; still a comment\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                statements.get(1));
        assertEquals("COMMENT ON TABLE t IS E'it''s \\'quoted\\';'", statements.get(3));
    }

    @Test
    void codeOnlyBlanksLiteralsIdentifiersAndBodies() {
        String sql = "CREATE TABLE \"grant\" (c text DEFAULT 'GRANT'); "
                + "CREATE FUNCTION g() RETURNS void AS $$ GRANT SELECT ON x TO y; $$ LANGUAGE sql";
        List<String> statements = SqlText.statements(sql, true);
        assertEquals(2, statements.size(), statements.toString());
        statements.forEach(s -> assertEquals(-1, s.indexOf("GRANT"), s));
    }

    @Test
    void commentOnlyTailIsNoStatement() {
        assertEquals(List.of("SELECT 1"), SqlText.statements("SELECT 1;\n-- done\n/* really */\n", false));
        assertEquals(List.of(), SqlText.statements("  ;; -- nothing\n", false));
    }

    @Test
    void dollarSignInsideIdentifierIsNoQuote() {
        List<String> statements = SqlText.statements("CREATE TABLE a$b (x int); SELECT $1", false);
        assertEquals(List.of("CREATE TABLE a$b (x int)", "SELECT $1"), statements);
    }
}
