package dev.strata.edn;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * EdnMap represents an EDN map read from a file: immutable, entries in the order the text lists
 * them, with the line of the opening brace and of each key. Equality is that of any {@link Map}.
 */
public final class EdnMap extends AbstractMap<Object, Object> {
    private final Map<Object, Object> entries;
    private final Map<Object, Integer> keyLines;
    private final int line;

    private EdnMap(Map<Object, Object> entries, Map<Object, Integer> keyLines, int line) {
        this.entries = Collections.unmodifiableMap(entries);
        this.keyLines = keyLines;
        this.line = line;
    }

    /** A map without source lines (line 0), keeping the given order. */
    public static EdnMap of(Map<?, ?> entries) {
        Builder b = new Builder(0);
        entries.forEach((k, v) -> b.put(k, v, 0));
        return b.build();
    }

    /** The line of the opening brace (1-based), or 0 when the map was not read from text. */
    public int line() {
        return line;
    }

    /** The line where {@code key} is written, else the map's own line. */
    public int lineOf(Object key) {
        Integer l = keyLines.get(key);
        return l == null || l == 0 ? line : l;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public Object get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Builder collects entries in order, each with its line. */
    public static final class Builder {
        private final Map<Object, Object> entries = new LinkedHashMap<>();
        private final Map<Object, Integer> keyLines = new LinkedHashMap<>();
        private final int line;

        public Builder(int line) {
            this.line = line;
        }

        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        public int lineOf(Object key) {
            return keyLines.getOrDefault(key, line);
        }

        public Builder put(Object key, Object value, int keyLine) {
            entries.put(key, value);
            keyLines.put(key, keyLine);
            return this;
        }

        public EdnMap build() {
            return new EdnMap(new LinkedHashMap<>(entries), Map.copyOf(keyLines), line);
        }
    }
}
