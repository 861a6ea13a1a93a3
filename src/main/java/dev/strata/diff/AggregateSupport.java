package dev.strata.diff;

import dev.strata.model.Aggregate;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * AggregateSupport lists the functions an aggregate is built from (SFUNC, FINALFUNC, COMBINEFUNC,
 * SERIALFUNC, DESERIALFUNC), by their unqualified names: an aggregate must be created after them
 * and dropped before them.
 */
public final class AggregateSupport {
    private AggregateSupport() {
    }

    /** The unqualified names of the support functions, as stored (unquoted). */
    public static List<String> names(Aggregate aggregate) {
        List<String> names = new ArrayList<>();
        Aggregate.Moving m = aggregate.moving();
        for (String f : new String[] {aggregate.sfunc(), aggregate.finalfunc(), aggregate.combinefunc(),
                aggregate.serialfunc(), aggregate.deserialfunc(), m == null ? null : m.msfunc(),
                m == null ? null : m.minvfunc(), m == null ? null : m.mfinalfunc()}) {
            if (f != null) {
                List<String> parts = Identifiers.split(f);
                names.add(parts.get(parts.size() - 1));
            }
        }
        return names;
    }
}
