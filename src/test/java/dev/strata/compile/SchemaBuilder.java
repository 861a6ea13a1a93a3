package dev.strata.compile;

import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SchemaBuilder represents a terse way for tests to write {@link Schema} records by hand. */
final class SchemaBuilder {
    private final List<Extension> extensions = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<Policy> policies = new ArrayList<>();

    static QualifiedName name(String name) {
        return QualifiedName.of(name);
    }

    SchemaBuilder extension(String name) {
        extensions.add(new Extension(name));
        return this;
    }

    SchemaBuilder enumType(String name, String comment, String... labels) {
        enums.add(new EnumType(name(name), List.of(labels), comment));
        return this;
    }

    SchemaBuilder function(String name, String definition) {
        functions.add(new Function(name(name), null, false, definition, null));
        return this;
    }

    SchemaBuilder sequence(String name, long start, boolean cycle, String ownedBy) {
        sequences.add(new Sequence(name(name), "bigint", start, 1, 1, Long.MAX_VALUE, 1, cycle, ownedBy));
        return this;
    }

    SchemaBuilder table(TableBuilder table) {
        tables.add(table.build());
        return this;
    }

    SchemaBuilder view(String name, String definition, String... dependsOn) {
        views.add(new View(name(name), false, definition, null, List.of(),
                Arrays.stream(dependsOn).map(SchemaBuilder::name).toList()));
        return this;
    }

    SchemaBuilder materializedView(String name, String definition, List<Index> indexes, String... dependsOn) {
        views.add(new View(name(name), true, definition, null, indexes,
                Arrays.stream(dependsOn).map(SchemaBuilder::name).toList()));
        return this;
    }

    SchemaBuilder trigger(String name, String table, String definition) {
        triggers.add(new Trigger(name, name(table), definition, null));
        return this;
    }

    SchemaBuilder policy(String name, String table, String definition) {
        policies.add(new Policy(name, name(table), definition, null));
        return this;
    }

    Schema build() {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies);
    }

    static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    static ColumnBuilder col(String name, String type) {
        return new ColumnBuilder(name, ColumnType.builtin(type));
    }

    static ColumnBuilder col(String name, String type, String userType) {
        return new ColumnBuilder(name, new ColumnType(type, name(userType)));
    }

    static Index index(String name, String table, String method, String... keys) {
        return new Index(name, name(table), false, method, List.of(keys), List.of(), null);
    }

    /** TableBuilder represents a table under construction. */
    static final class TableBuilder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Constraint> constraints = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private boolean rowLevelSecurity;
        private String comment;

        TableBuilder(String name) {
            this.name = name;
        }

        TableBuilder col(ColumnBuilder column) {
            columns.add(column.build());
            return this;
        }

        TableBuilder pk(String constraint, String... columns) {
            constraints.add(new Constraint.PrimaryKey(constraint, List.of(columns)));
            return this;
        }

        TableBuilder unique(String constraint, boolean nullsNotDistinct, String... columns) {
            constraints.add(new Constraint.Unique(constraint, List.of(columns), nullsNotDistinct));
            return this;
        }

        TableBuilder check(String constraint, String expression) {
            constraints.add(new Constraint.Check(constraint, expression));
            return this;
        }

        TableBuilder exclude(String constraint, String definition) {
            constraints.add(new Constraint.Exclusion(constraint, definition));
            return this;
        }

        TableBuilder fk(String constraint, List<String> columns, String refTable, List<String> refColumns,
                        Constraint.Action onDelete, Constraint.Action onUpdate, boolean deferrable,
                        boolean initiallyDeferred) {
            constraints.add(new Constraint.ForeignKey(constraint, columns, name(refTable), refColumns, onDelete,
                    onUpdate, deferrable, initiallyDeferred));
            return this;
        }

        TableBuilder fk(String constraint, String column, String refTable, String refColumn) {
            return fk(constraint, List.of(column), refTable, List.of(refColumn), null, null, false, false);
        }

        TableBuilder index(Index index) {
            indexes.add(index);
            return this;
        }

        TableBuilder rowLevelSecurity() {
            rowLevelSecurity = true;
            return this;
        }

        TableBuilder comment(String text) {
            comment = text;
            return this;
        }

        Table build() {
            return new Table(name(name), columns, constraints, indexes, rowLevelSecurity, comment);
        }
    }

    /** ColumnBuilder represents a column under construction. */
    static final class ColumnBuilder {
        private final String name;
        private final ColumnType type;
        private boolean notNull;
        private String defaultExpr;
        private Column.Identity identity;
        private String generatedExpr;
        private String collation;
        private String comment;

        ColumnBuilder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        ColumnBuilder notNull() {
            notNull = true;
            return this;
        }

        ColumnBuilder defaultTo(String sql) {
            defaultExpr = sql;
            return this;
        }

        ColumnBuilder identity(Column.Identity kind) {
            identity = kind;
            return this;
        }

        ColumnBuilder generated(String sql) {
            generatedExpr = sql;
            return this;
        }

        ColumnBuilder collate(String name) {
            collation = name;
            return this;
        }

        ColumnBuilder comment(String text) {
            comment = text;
            return this;
        }

        Column build() {
            return new Column(name, type, notNull, defaultExpr, identity, generatedExpr, collation, comment);
        }
    }
}
