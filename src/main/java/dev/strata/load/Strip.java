package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strip removes application metadata keys ({@code :validation}, {@code :ui}, ...) from every map
 * at any depth of a model definition, keeping order and source lines.
 */
final class Strip {
    private Strip() {
    }

    private static final Object FIELDS = FieldParser.kw("fields");

    static Object strip(Object value, Set<?> keys) {
        return strip(value, keys, false);
    }

    /** {@code namesOnly}: the map is a {@code :fields} map, whose keys are field names, never metadata. */
    private static Object strip(Object value, Set<?> keys, boolean namesOnly) {
        if (value instanceof Map<?, ?> m) {
            EdnMap.Builder b = new EdnMap.Builder(m instanceof EdnMap em ? em.line() : 0);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (namesOnly || !keys.contains(e.getKey())) {
                    b.put(e.getKey(), strip(e.getValue(), keys, FIELDS.equals(e.getKey()) && !namesOnly),
                            m instanceof EdnMap em ? em.lineOf(e.getKey()) : 0);
                }
            }
            return b.build();
        }
        if (value instanceof List<?> l) {
            List<Object> items = new ArrayList<>();
            for (Object item : l) {
                items.add(strip(item, keys, false));
            }
            return new EdnVector(items, l instanceof EdnVector ev ? ev.line() : 0);
        }
        return value;
    }
}
