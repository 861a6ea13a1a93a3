package dev.strata.load;

import dev.strata.model.Constraint;
import us.bpsm.edn.Keyword;

/** Actions reads referential actions ({@code :cascade}, {@code :set-null}, ...). */
final class Actions {
    private Actions() {
    }

    /** The action, or null when the value names none. */
    static Constraint.Action parse(Object value) {
        if (!(value instanceof Keyword k)) {
            return null;
        }
        switch (k.getName()) {
            case "cascade":
                return Constraint.Action.CASCADE;
            case "set-null":
                return Constraint.Action.SET_NULL;
            case "set-default":
                return Constraint.Action.SET_DEFAULT;
            case "restrict":
                return Constraint.Action.RESTRICT;
            case "no-action":
                return Constraint.Action.NO_ACTION;
            default:
                return null;
        }
    }
}
