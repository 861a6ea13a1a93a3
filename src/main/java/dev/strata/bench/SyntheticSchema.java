package dev.strata.bench;

import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.List;

/**
 * SyntheticSchema represents the schemas the benchmark measures: {@code n} tables of eight
 * columns of several types (identity key, text, numeric, enum, timestamptz, jsonb, boolean and a
 * foreign key to an earlier table), each with a unique constraint, a check and two indexes (one
 * partial), five enum types and one view per ten tables. Its variant changes one table in twenty
 * in one of four ways (a column added, a type changed, an index dropped, a check and default
 * changed), so a diff against it has about 5% of the tables to work on.
 */
final class SyntheticSchema {
    private static final int ENUMS = 5;

    private SyntheticSchema() {
    }

    /** The schema of {@code tables} tables; with {@code changed}, the variant. */
    static Schema build(int tables, boolean changed) {
        List<EnumType> enums = new ArrayList<>();
        for (int e = 0; e < ENUMS; e++) {
            enums.add(new EnumType(QualifiedName.of("state_" + e), List.of("new", "active", "closed"), null));
        }
        List<Table> out = new ArrayList<>();
        List<View> views = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            int variant = changed && i % 20 == 7 ? (i / 20) % 4 : -1;
            out.add(table(i, variant));
            if (i % 10 == 0) {
                String name = name(i);
                views.add(new View(QualifiedName.of("v_" + name), false,
                        "CREATE VIEW v_" + name + " AS SELECT id, name, amount FROM " + name + " WHERE status <> 'closed'",
                        null, List.of(), List.of(QualifiedName.of(name))));
            }
        }
        return new Schema(List.of(), enums, List.of(), out, views, List.of(), List.of(), List.of());
    }

    static String name(int i) {
        return String.format("t_%05d", i);
    }

    private static Table table(int i, int variant) {
        String name = name(i);
        QualifiedName qn = QualifiedName.of(name);
        String enumName = "state_" + (i % ENUMS);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.builtin("bigint"), true, null, Column.Identity.ALWAYS, null, null, null));
        columns.add(new Column("name", ColumnType.builtin("text"), true, null, null, null, null, null));
        columns.add(new Column("amount", ColumnType.builtin(variant == 1 ? "numeric(14,2)" : "numeric(12,2)"), false,
                variant == 3 ? "1" : "0", null, null, null, null));
        columns.add(new Column("status", new ColumnType(enumName, QualifiedName.of(enumName)), true,
                "'new'::" + enumName, null, null, null, null));
        columns.add(new Column("created_at", ColumnType.builtin("timestamp with time zone"), true, "now()", null, null,
                null, null));
        columns.add(new Column("payload", ColumnType.builtin("jsonb"), false, null, null, null, null, null));
        columns.add(new Column("active", ColumnType.builtin("boolean"), true, "true", null, null, null, null));
        columns.add(new Column("parent_id", ColumnType.builtin("bigint"), false, null, null, null, null, null));
        if (variant == 0) {
            columns.add(new Column("note", ColumnType.builtin("character varying(200)"), false, null, null, null, null,
                    null));
        }
        List<Constraint> constraints = new ArrayList<>();
        constraints.add(new Constraint.PrimaryKey(name + "_pkey", List.of("id")));
        constraints.add(new Constraint.Unique(name + "_name_key", List.of("name"), false));
        constraints.add(new Constraint.Check(name + "_amount_check", variant == 3 ? "amount > 0" : "amount >= 0"));
        if (i > 0) {
            constraints.add(new Constraint.ForeignKey(name + "_parent_fkey", List.of("parent_id"),
                    QualifiedName.of(name(i / 2)), List.of("id"), Constraint.Action.CASCADE, null, false, false));
        }
        List<Index> indexes = new ArrayList<>();
        indexes.add(new Index(name + "_parent_idx", qn, false, "btree", List.of("parent_id"), List.of(), null));
        if (variant != 2) {
            indexes.add(new Index(name + "_created_idx", qn, false, "btree", List.of("created_at DESC"), List.of(),
                    "(active)"));
        }
        return new Table(qn, columns, constraints, indexes, false, null);
    }
}
