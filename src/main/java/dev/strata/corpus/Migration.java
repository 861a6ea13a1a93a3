package dev.strata.corpus;

import dev.strata.diff.Change;
import java.util.List;

/** Migration represents the rendered SQL of planned changes: the up statements and the down ones. */
record Migration(List<String> up, List<String> down) {
    Migration {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    static Migration of(List<Change> planned) {
        throw new IllegalStateException("no renderer merged yet (" + planned.size() + " changes)");
    }
}
