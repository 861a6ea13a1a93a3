package dev.strata.sql;

import java.util.List;

/**
 * Rendered represents the SQL of one change or of a whole migration: the forward statements in
 * the order they run, and the statements that undo them, also in the order they run.
 */
public record Rendered(List<Statement> up, List<Statement> down) {
    public Rendered {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }
}
