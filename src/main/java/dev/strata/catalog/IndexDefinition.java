package dev.strata.catalog;

import dev.strata.sql.SqlText;
import java.util.List;

/**
 * IndexDefinition represents the parts of a {@code pg_get_indexdef} statement Strata keeps: the
 * key elements exactly as printed inside the parentheses after {@code USING method}, the INCLUDE
 * columns and the predicate after {@code WHERE}.
 *
 * @param keys    key elements, each with its opclass, collation, DESC and NULLS options
 * @param include INCLUDE columns, as printed
 * @param where   the predicate as printed, or {@code null}
 */
record IndexDefinition(List<String> keys, List<String> include, String where) {
    IndexDefinition {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    /** Splits {@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING method (...) [INCLUDE (...)] ... [WHERE ...]}. */
    static IndexDefinition parse(String definition) {
        int using = SqlText.indexOfTopLevel(definition, " USING ", 0);
        int open = using < 0 ? -1 : definition.indexOf('(', using);
        if (open < 0) {
            throw new IllegalArgumentException("not an index definition: " + definition);
        }
        int close = SqlText.closingParen(definition, open);
        List<String> keys = SqlText.splitTopLevel(definition.substring(open + 1, close));
        List<String> include = List.of();
        int includeAt = SqlText.indexOfTopLevel(definition, " INCLUDE (", close + 1);
        if (includeAt >= 0) {
            int includeOpen = includeAt + " INCLUDE ".length();
            include = SqlText.splitTopLevel(definition.substring(includeOpen + 1,
                    SqlText.closingParen(definition, includeOpen)));
        }
        int whereAt = SqlText.indexOfTopLevel(definition, " WHERE ", close + 1);
        String where = whereAt < 0 ? null : definition.substring(whereAt + " WHERE ".length());
        return new IndexDefinition(keys, include, where);
    }
}
