package dev.strata.workflow;

import dev.strata.diff.Change;
import dev.strata.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * PlannedChange represents one change in its place in a migration, with the statements that apply
 * it and the statements that undo it.
 *
 * @param change the typed change
 * @param up     its forward statements, in the order they run
 * @param down   its reverse statements, in the order they run
 */
public record PlannedChange(Change change, List<Statement> up, List<Statement> down) {
    public PlannedChange {
        Objects.requireNonNull(change, "change");
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /** Whether every forward statement may run inside a transaction. */
    public boolean transactional() {
        return up.stream().allMatch(Statement::transactional);
    }
}
