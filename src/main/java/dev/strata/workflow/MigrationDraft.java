package dev.strata.workflow;

import dev.strata.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import us.bpsm.edn.Keyword;

/**
 * MigrationDraft represents one migration file about to be written: its name (without the
 * number) and its changes, all of which run inside one transaction or all outside.
 *
 * @param name          the snake_case name
 * @param transactional whether the file runs in one transaction ({@code :transaction false} when not)
 * @param changes       the changes, in the order they run
 */
public record MigrationDraft(String name, boolean transactional, List<PlannedChange> changes) {
    public MigrationDraft {
        Objects.requireNonNull(name, "name");
        changes = List.copyOf(changes);
    }

    /** The changes as {@code :actions} data. */
    public List<Map<Keyword, Object>> actions() {
        return changes.stream().map(c -> ChangeActions.of(c.change())).toList();
    }

    /** The forward statements. */
    public List<String> up() {
        List<String> up = new ArrayList<>();
        changes.forEach(c -> c.up().stream().map(Statement::sql).forEach(up::add));
        return up;
    }

    /** The backward statements: each change's reverse, last change first. */
    public List<String> down() {
        List<String> down = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            changes.get(i).down().stream().map(Statement::sql).forEach(down::add);
        }
        return down;
    }
}
