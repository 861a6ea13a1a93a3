package dev.strata.edn;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * EdnVector represents an EDN vector (or list) read from a file: immutable, with the line of its
 * opening bracket. Equality is that of any {@link List}.
 */
public final class EdnVector extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;
    private final int line;

    public EdnVector(List<?> items, int line) {
        this.items = new ArrayList<Object>(items).toArray();
        this.line = line;
    }

    /** The line of the opening bracket (1-based), or 0 when not read from text. */
    public int line() {
        return line;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
