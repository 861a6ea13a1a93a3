package dev.strata.workflow;

import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SchemaChanges chains the differ, the planner and the renderer: two catalogs in, the ordered
 * changes with their SQL out. Both make-migration and diff go through here, so a migration file
 * and a drift report of the same two states hold the same statements.
 */
public final class SchemaChanges {
    private SchemaChanges() {
    }

    /**
     * The changes from {@code current} to {@code desired}, in the order they run, in SQL that a
     * server of major version {@code serverMajor} accepts.
     *
     * @throws dev.strata.StrataException {@code REFUSED_CHANGE} when the differ refuses a change
     */
    public static List<PlannedChange> between(Schema current, Schema desired, Hints hints, int serverMajor) {
        List<Change> planned = Planner.plan(Differ.diff(current, desired, hints, serverMajor), current, desired);
        // renderAll decides which statements must run outside a transaction (an enum label that a
        // later change of the same migration uses); each change's own render gives its reverse.
        List<Statement> ups = ChangeRenderer.renderAll(planned).up();
        List<PlannedChange> result = new ArrayList<>();
        int next = 0;
        for (Change change : planned) {
            Rendered own = ChangeRenderer.render(change);
            int count = own.up().size();
            if (next + count > ups.size()) {
                throw new IllegalStateException("rendered statements do not line up with change " + change);
            }
            result.add(new PlannedChange(change, ups.subList(next, next + count), own.down()));
            next += count;
        }
        if (next != ups.size()) {
            throw new IllegalStateException("rendered " + ups.size() + " statements for " + next + " expected");
        }
        return List.copyOf(result);
    }
}
