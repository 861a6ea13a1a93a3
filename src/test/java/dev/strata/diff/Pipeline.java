package dev.strata.diff;

import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import java.util.List;

/** Pipeline represents diff, plan and render chained the way make-migration chains them. */
public final class Pipeline {
    private Pipeline() {
    }

    public static List<Change> planned(Schema current, Schema desired, dev.strata.model.Hints hints) {
        return Planner.plan(Differ.diff(current, desired, hints), current, desired);
    }

    public static Rendered migration(Schema current, Schema desired, Hints hints) {
        return ChangeRenderer.renderAll(planned(current, desired, hints));
    }

    public static Rendered migration(Schema current, Schema desired) {
        return migration(current, desired, Hints.none());
    }

    public static List<String> up(Rendered r) {
        return r.up().stream().map(Statement::sql).toList();
    }

    public static List<String> down(Rendered r) {
        return r.down().stream().map(Statement::sql).toList();
    }
}
