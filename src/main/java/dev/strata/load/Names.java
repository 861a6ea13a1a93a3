package dev.strata.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * Names turns model names into PostgreSQL identifiers and builds the default names PostgreSQL
 * itself would give constraints and indexes ({@code makeObjectName} / {@code ChooseRelationName}
 * in its source): {@code <table>_<columns>_<label>}, shortened to 63 bytes by trimming the longer
 * of the two parts first, with a number appended to the label on a clash.
 */
public final class Names {
    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    /** Schemas a model may not place objects in by name nor declare. */
    static final Set<String> RESERVED_SCHEMAS = Set.of("public", "pg_catalog", "information_schema", "pg_toast");

    private Names() {
    }

    /** {@code :created-at} -> {@code created_at}; a string is taken as written. */
    public static String identifier(Object name) {
        if (name instanceof Keyword k) {
            return snake(k.getName());
        }
        if (name instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("not a name: " + name);
    }

    /**
     * The schema a model key names with its namespace ({@code :auth/users} gives {@code auth}), or
     * {@code null} for a key without one (an object of the target schema).
     */
    public static String schemaOf(Object key) {
        if (key instanceof Keyword k && k.getPrefix() != null && !k.getPrefix().isEmpty()) {
            return snake(k.getPrefix());
        }
        return null;
    }

    /** How the loader refers to a possibly qualified object: {@code schema.name}, or {@code name}. */
    static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** A model key as a foreign key or {@code :owned-by} names it: {@code auth/users} or {@code account}. */
    static String modelKey(Keyword k) {
        return k.getPrefix() == null || k.getPrefix().isEmpty() ? k.getName() : k.getPrefix() + "/" + k.getName();
    }

    /** The table a model key written as a reference names when no model has it ({@code auth/users} gives auth.users). */
    static dev.strata.model.QualifiedName tableOf(String modelKey) {
        int slash = modelKey.indexOf('/');
        return slash < 0 ? dev.strata.model.QualifiedName.of(snake(modelKey))
                : new dev.strata.model.QualifiedName(snake(modelKey.substring(0, slash)), snake(modelKey.substring(slash + 1)));
    }

    static String snake(String kebab) {
        return kebab.replace('-', '_');
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** PostgreSQL's {@code makeObjectName(name1, name2, label)}; {@code name2} may be null. */
    public static String objectName(String name1, String name2, String label) {
        byte[] n1 = name1.getBytes(StandardCharsets.UTF_8);
        byte[] n2 = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int overhead = (label == null ? 0 : bytes(label) + 1) + (name2 == null ? 0 : 1);
        int avail = MAX_BYTES - overhead;
        int c1 = n1.length;
        int c2 = n2.length;
        while (c1 + c2 > avail) {
            if (c1 > c2) {
                c1--;
            } else {
                c2--;
            }
        }
        StringBuilder out = new StringBuilder(clip(name1, c1));
        if (name2 != null) {
            out.append('_').append(clip(name2, c2));
        }
        if (label != null) {
            out.append('_').append(label);
        }
        return out.toString();
    }

    /**
     * {@link #objectName} made unique against {@code taken}: {@code label}, then {@code label1},
     * {@code label2}, ... like PostgreSQL's {@code ChooseRelationName}.
     */
    public static String choose(String name1, String name2, String label, Set<String> taken) {
        String candidate = objectName(name1, name2, label);
        for (int pass = 1; taken.contains(candidate); pass++) {
            candidate = objectName(name1, name2, label + pass);
        }
        return candidate;
    }

    /**
     * The name the loader gives {@code constraint} of {@code table} when the model names it not,
     * before clashes are numbered: {@code <table>_pkey}, {@code <table>_<cols>_key},
     * {@code <table>_<cols>_fkey}, {@code <table>_<first column the check mentions>_check},
     * {@code <table>_<columns mentioned>_excl}. {@code columns} are the table's columns, looked
     * for in CHECK and EXCLUDE text; {@code checkSql} is the check as the model writes it.
     */
    public static String defaultConstraintName(String table, dev.strata.model.Constraint constraint,
                                               String checkSql, Set<String> columns) {
        if (constraint instanceof dev.strata.model.Constraint.PrimaryKey) {
            return objectName(table, null, "pkey");
        } else if (constraint instanceof dev.strata.model.Constraint.Unique u) {
            return objectName(table, columnsPart(u.columns()), "key");
        } else if (constraint instanceof dev.strata.model.Constraint.ForeignKey fk) {
            return objectName(table, columnsPart(fk.columns()), "fkey");
        } else if (constraint instanceof dev.strata.model.Constraint.Check) {
            List<String> referenced = ModelParser.referencedColumns(checkSql, columns);
            return objectName(table, referenced.isEmpty() ? null : referenced.get(0), "check");
        } else if (constraint instanceof dev.strata.model.Constraint.Exclusion x) {
            List<String> referenced = ModelParser.referencedColumns(x.definition(), columns);
            return objectName(table, referenced.isEmpty() ? null : columnsPart(referenced), "excl");
        }
        throw new IllegalStateException("unsupported constraint " + constraint);
    }

    /** Column names joined with {@code _} and clipped to 63 bytes, as PostgreSQL does. */
    public static String columnsPart(List<String> columns) {
        String joined = String.join("_", columns);
        return bytes(joined) <= MAX_BYTES ? joined : clip(joined, MAX_BYTES);
    }

    /** The longest prefix of {@code s} that fits in {@code maxBytes} UTF-8 bytes, whole characters only. */
    static String clip(String s, int maxBytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = bytes(new String(Character.toChars(cp)));
            if (used + n > maxBytes) {
                break;
            }
            used += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}
