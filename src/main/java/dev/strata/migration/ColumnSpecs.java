package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.load.FieldParser;
import dev.strata.load.ParsedField;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import us.bpsm.edn.Keyword;

/**
 * ColumnSpecs renders an action's {@code :column-spec} (the field options of a model, parsed by
 * the loader's {@link FieldParser}) as column DDL and as words.
 */
final class ColumnSpecs {
    private static final Keyword NULL = Keyword.newKeyword("null");
    private static final Keyword DEFAULT = Keyword.newKeyword("default");
    private static final Keyword TYPE = Keyword.newKeyword("type");

    private ColumnSpecs() {
    }

    /** {@code ALTER TABLE t ADD COLUMN ...}, then its comment when it has one. */
    static List<String> add(String table, String column, Object spec, String where) {
        ParsedField f = parse(table, column, spec, where);
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + Identifiers.quote(table) + " ADD COLUMN " + definition(f));
        if (f.column().comment() != null) {
            sql.add("COMMENT ON COLUMN " + Identifiers.quote(table) + "." + Identifiers.quote(column) + " IS "
                    + Identifiers.literal(f.column().comment()));
        }
        return sql;
    }

    /**
     * The statements that turn a column into {@code spec}: its type when {@code :type} is given,
     * nullability when {@code :null} is, the default when {@code :default} is, constraints that
     * {@code spec} has and {@code previous} (when known) lacks, and drops of those it no longer has.
     */
    static List<String> alter(String table, String column, Map<?, ?> spec, Map<?, ?> previous, String where) {
        ParsedField f = parse(table, column, spec, where);
        String alterTable = "ALTER TABLE " + Identifiers.quote(table);
        String alterColumn = alterTable + " ALTER COLUMN " + Identifiers.quote(column);
        List<String> sql = new ArrayList<>();
        Set<String> before = previous == null ? Set.of()
                : parse(table, column, previous, where).constraints().stream().map(Constraint::name).collect(Collectors.toSet());
        Set<String> after = f.constraints().stream().map(Constraint::name).collect(Collectors.toSet());
        for (String name : before) {
            if (!after.contains(name)) {
                sql.add(alterTable + " DROP CONSTRAINT " + Identifiers.quote(name));
            }
        }
        if (spec.containsKey(TYPE)) {
            sql.add(alterColumn + " TYPE " + f.column().type().sql() + (f.using() == null ? "" : " USING " + f.using()));
        }
        if (spec.containsKey(NULL)) {
            sql.add(alterColumn + (f.column().notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        if (spec.containsKey(DEFAULT)) {
            sql.add(alterColumn + (f.column().defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + f.column().defaultExpr()));
        }
        for (Constraint c : f.constraints()) {
            if (!before.contains(c.name())) {
                sql.add(alterTable + " ADD CONSTRAINT " + Identifiers.quote(c.name()) + " " + tableConstraint(c));
            }
        }
        return sql;
    }

    /** "character varying(255), nullable, default 'x', unique", for explain --format human. */
    static String summary(String table, String column, Object spec) {
        ParsedField f;
        try {
            f = FieldParser.parse(table, column, spec);
        } catch (StrataException e) {
            return EdnText.print(spec);
        }
        Column c = f.column();
        StringBuilder sb = new StringBuilder(c.type().sql()).append(c.notNull() ? ", not null" : ", nullable");
        if (c.defaultExpr() != null) {
            sb.append(", default ").append(c.defaultExpr());
        }
        if (c.identity() != null) {
            sb.append(", identity generated ").append(c.identity().sql().toLowerCase(java.util.Locale.ROOT));
        }
        if (c.generatedExpr() != null) {
            sb.append(", generated as ").append(c.generatedExpr());
        }
        for (Constraint k : f.constraints()) {
            if (k instanceof Constraint.PrimaryKey) {
                sb.append(", primary key");
            } else if (k instanceof Constraint.Unique) {
                sb.append(", unique");
            } else if (k instanceof Constraint.ForeignKey fk) {
                sb.append(", references ").append(fk.refTable()).append('(').append(String.join(", ", fk.refColumns())).append(')');
            } else if (k instanceof Constraint.Check ck) {
                sb.append(", check ").append(ck.expression());
            } else if (k instanceof Constraint.Exclusion x) {
                sb.append(", ").append(x.definition());
            } else {
                throw new IllegalStateException("unsupported constraint " + k);
            }
        }
        return sb.toString();
    }

    private static ParsedField parse(String table, String column, Object spec, String where) {
        try {
            return FieldParser.parse(table, column, spec);
        } catch (StrataException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, where + ": " + e.getMessage(), e.problems(), e);
        }
    }

    private static String definition(ParsedField f) {
        Column c = f.column();
        StringBuilder sb = new StringBuilder(Identifiers.quote(c.name())).append(' ').append(c.type().sql());
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(Identifiers.quote(c.collation()));
        }
        if (c.identity() != null) {
            sb.append(" GENERATED ").append(c.identity().sql()).append(" AS IDENTITY");
        }
        if (c.generatedExpr() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedExpr()).append(") STORED");
        }
        if (c.defaultExpr() != null) {
            sb.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (c.notNull()) {
            sb.append(" NOT NULL");
        }
        for (Constraint k : f.constraints()) {
            sb.append(" CONSTRAINT ").append(Identifiers.quote(k.name())).append(' ').append(columnConstraint(k));
        }
        return sb.toString();
    }

    private static String columnConstraint(Constraint k) {
        if (k instanceof Constraint.PrimaryKey) {
            return "PRIMARY KEY";
        }
        if (k instanceof Constraint.Unique u) {
            return u.nullsNotDistinct() ? "UNIQUE NULLS NOT DISTINCT" : "UNIQUE";
        }
        if (k instanceof Constraint.ForeignKey fk) {
            return references(fk);
        }
        return tableConstraint(k);
    }

    private static String tableConstraint(Constraint k) {
        if (k instanceof Constraint.PrimaryKey pk) {
            return "PRIMARY KEY (" + columns(pk.columns()) + ")";
        }
        if (k instanceof Constraint.Unique u) {
            return "UNIQUE " + (u.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "(" + columns(u.columns()) + ")";
        }
        if (k instanceof Constraint.Check c) {
            return "CHECK (" + c.expression() + ")";
        }
        if (k instanceof Constraint.ForeignKey fk) {
            return "FOREIGN KEY (" + columns(fk.columns()) + ") " + references(fk);
        }
        if (k instanceof Constraint.Exclusion x) {
            return x.definition();
        }
        throw new IllegalStateException("unsupported constraint " + k);
    }

    private static String references(Constraint.ForeignKey fk) {
        StringBuilder sb = new StringBuilder("REFERENCES ").append(Identifiers.quote(fk.refTable()))
                .append(" (").append(columns(fk.refColumns())).append(')');
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            sb.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sb.toString();
    }

    private static String columns(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
