package dev.strata.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys as pg_get_indexdef prints them split into their parts, and joined back to the same text. */
class IndexKeyPartsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "a                                              | a                   | -       | -                               | -    | -    | a",
        "a COLLATE \"C\" text_pattern_ops DESC NULLS LAST | a                   | \"C\"   | text_pattern_ops                | DESC | LAST | a",
        "b DESC                                         | b                   | -       | -                               | DESC | -    | b",
        "b NULLS FIRST                                  | b                   | -       | -                               | -    | FIRST| b",
        "a gist_trgm_ops (siglen='32')                  | a                   | -       | gist_trgm_ops (siglen='32')     | -    | -    | a",
        "lower(a) text_pattern_ops                      | lower(a)            | -       | text_pattern_ops                | -    | -    | -",
        "((b + 1)) DESC                                 | ((b + 1))           | -       | -                               | DESC | -    | -",
        "\"Odd\" COLLATE \"POSIX\"                      | \"Odd\"             | \"POSIX\" | -                             | -    | -    | Odd",
        "COALESCE(a, 'x'::text)                         | COALESCE(a, 'x'::text) | -    | -                               | -    | -    | -",
        "name public.gist_trgm_ops                      | name                | -       | public.gist_trgm_ops            | -    | -    | name",
        "code pg_catalog.\"default\" DESC               | code                | -       | pg_catalog.\"default\"          | DESC | -    | code"})
    void splitsAndJoins(String key, String expression, String collation, String opclass, String order, String nulls,
                        String column) {
        IndexKeyParts parts = IndexKeyParts.parse(key);
        assertEquals(new IndexKeyParts(expression, collation, opclass, order, nulls), parts);
        assertEquals(key, parts.sql());
        assertEquals(column, parts.column());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a DESC sideways", "(a", "a NULLS MIDDLE", "1 + 2"})
    void otherShapesAreNotSplit(String key) {
        assertNull(IndexKeyParts.parse(key));
    }
}
