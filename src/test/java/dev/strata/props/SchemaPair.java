package dev.strata.props;

import dev.strata.model.Schema;
import java.util.List;

/**
 * SchemaPair represents two generated schemas where {@code b} is {@code a} after random edits,
 * with the edits in words (what a failing try reports).
 *
 * @param a     the schema before
 * @param b     the schema after
 * @param edits one line per edit that changed something
 */
public record SchemaPair(Schema a, Schema b, List<String> edits) {
    public SchemaPair {
        edits = List.copyOf(edits);
    }

    @Override
    public String toString() {
        return "SchemaPair[tables a=" + a.tables().stream().map(t -> t.name().name()).toList()
                + ", edits=" + edits + "]";
    }
}
