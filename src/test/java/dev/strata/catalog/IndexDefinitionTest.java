package dev.strata.catalog;

import dev.strata.sql.SqlText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexDefinitionTest {
    @Test
    void plainKeys() {
        assertEquals(new IndexDefinition(List.of("a", "b"), List.of(), null),
                IndexDefinition.parse("CREATE INDEX t_a_b ON app.t USING btree (a, b)"));
    }

    @Test
    void expressionsOptionsIncludeAndPredicate() {
        assertEquals(new IndexDefinition(
                        List.of("lower(name) DESC NULLS LAST", "((a || ', ('::text))", "c text_pattern_ops"),
                        List.of("d", "\"Odd, col\""),
                        "((st = 'a, b) WHERE'::text) AND (n > 1))"),
                IndexDefinition.parse("CREATE UNIQUE INDEX \"x USING y (\" ON ONLY \"my schema\".\"t (\" USING btree"
                        + " (lower(name) DESC NULLS LAST, ((a || ', ('::text)), c text_pattern_ops)"
                        + " INCLUDE (d, \"Odd, col\") WITH (fillfactor='70')"
                        + " WHERE ((st = 'a, b) WHERE'::text) AND (n > 1))"));
    }

    @Test
    void nullsNotDistinctAndTablespaceAreNotKeys() {
        assertEquals(new IndexDefinition(List.of("a"), List.of(), null),
                IndexDefinition.parse("CREATE UNIQUE INDEX u ON t USING btree (a) NULLS NOT DISTINCT TABLESPACE ts"));
    }

    @Test
    void notAnIndexDefinitionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IndexDefinition.parse("CREATE TABLE t (a int)"));
    }

    @Test
    void checkExpressionKeepsParenthesesAndDropsFlags() {
        assertEquals("((price > (0)::numeric))", CatalogReader.checkExpression("CHECK ((price > (0)::numeric))"));
        assertEquals("((a <> ')'::text))", CatalogReader.checkExpression("CHECK ((a <> ')'::text)) NOT VALID"));
        assertEquals("((x > 0))", CatalogReader.checkExpression("CHECK ((x > 0)) NO INHERIT"));
    }

    @Test
    void topLevelSplitRespectsQuotesAndParentheses() {
        assertEquals(List.of("f(a, b)", "'x,y'", "\"a,\"\"b\"", "c"),
                SqlText.splitTopLevel("f(a, b), 'x,y', \"a,\"\"b\", c"));
        assertEquals(List.of(), SqlText.splitTopLevel("  "));
    }
}
