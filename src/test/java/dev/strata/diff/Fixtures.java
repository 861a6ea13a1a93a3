package dev.strata.diff;

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
import java.util.Comparator;
import java.util.List;

/** Fixtures represents a terse way for diff, plan and render tests to build catalog-shaped schemas. */
public final class Fixtures {
    private Fixtures() {
    }

    public static QualifiedName n(String name) {
        return QualifiedName.of(name);
    }

    public static Column col(String name, String type) {
        return new Column(name, ColumnType.builtin(type), false, null, null, null, null, null);
    }

    public static Column enumCol(String name, String enumType) {
        return new Column(name, new ColumnType(enumType, n(enumType)), false, null, null, null, null, null);
    }

    public static Column notNull(Column c) {
        return new Column(c.name(), c.type(), true, c.defaultExpr(), c.identity(), c.generatedExpr(), c.collation(),
                c.comment());
    }

    public static Column withDefault(Column c, String defaultExpr) {
        return new Column(c.name(), c.type(), c.notNull(), defaultExpr, c.identity(), c.generatedExpr(),
                c.collation(), c.comment());
    }

    public static Column withType(Column c, String type) {
        return new Column(c.name(), ColumnType.builtin(type), c.notNull(), c.defaultExpr(), c.identity(),
                c.generatedExpr(), c.collation(), c.comment());
    }

    public static Column withComment(Column c, String comment) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), c.identity(), c.generatedExpr(),
                c.collation(), comment);
    }

    public static Column identity(Column c, Column.Identity identity) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), identity, c.generatedExpr(),
                c.collation(), c.comment());
    }

    public static Column generated(Column c, String expr) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), c.identity(), expr, c.collation(),
                c.comment());
    }

    public static Column collate(Column c, String collation) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpr(), c.identity(), c.generatedExpr(),
                collation, c.comment());
    }

    public static Constraint.PrimaryKey pk(String table, String... columns) {
        return new Constraint.PrimaryKey(table + "_pkey", List.of(columns));
    }

    public static Constraint.ForeignKey fk(String name, String column, String refTable, String refColumn) {
        return new Constraint.ForeignKey(name, List.of(column), n(refTable), List.of(refColumn), null, null, false,
                false);
    }

    public static Constraint.Check check(String name, String expression) {
        return new Constraint.Check(name, expression);
    }

    public static Index index(String name, String table, String... keys) {
        return new Index(name, n(table), false, "btree", List.of(keys), List.of(), null);
    }

    public static View view(String name, String body, String... dependsOn) {
        return new View(n(name), false, "CREATE VIEW " + name + " AS\n" + body, null, List.of(),
                Arrays.stream(dependsOn).map(Fixtures::n).toList());
    }

    public static Function function(String name, String arguments, String definition) {
        return new Function(n(name), arguments, false, definition, null);
    }

    /** TableBuilder represents a table under construction. */
    public static final class TableBuilder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Constraint> constraints = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private boolean rls;
        private String comment;

        TableBuilder(String name) {
            this.name = name;
        }

        public TableBuilder col(Column... cs) {
            columns.addAll(List.of(cs));
            return this;
        }

        public TableBuilder con(Constraint... cs) {
            constraints.addAll(List.of(cs));
            return this;
        }

        public TableBuilder idx(Index... is) {
            indexes.addAll(List.of(is));
            return this;
        }

        public TableBuilder rls() {
            rls = true;
            return this;
        }

        public TableBuilder comment(String text) {
            comment = text;
            return this;
        }

        public Table build() {
            return new Table(n(name), columns,
                    constraints.stream().sorted(Comparator.comparing(Constraint::name)).toList(),
                    indexes.stream().sorted(Comparator.comparing(Index::name)).toList(), rls, comment);
        }
    }

    public static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    public static SchemaBuilder schema() {
        return new SchemaBuilder();
    }

    /** SchemaBuilder represents a schema under construction; lists are sorted as the catalog sorts them. */
    public static final class SchemaBuilder {
        private final List<Extension> extensions = new ArrayList<>();
        private final List<EnumType> enums = new ArrayList<>();
        private final List<Sequence> sequences = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<View> views = new ArrayList<>();
        private final List<Function> functions = new ArrayList<>();
        private final List<Trigger> triggers = new ArrayList<>();
        private final List<Policy> policies = new ArrayList<>();

        public SchemaBuilder ext(String name) {
            extensions.add(new Extension(name));
            return this;
        }

        public SchemaBuilder enumType(String name, String... labels) {
            enums.add(new EnumType(n(name), List.of(labels), null));
            return this;
        }

        public SchemaBuilder enumType(EnumType type) {
            enums.add(type);
            return this;
        }

        public SchemaBuilder seq(Sequence s) {
            sequences.add(s);
            return this;
        }

        public SchemaBuilder table(TableBuilder t) {
            tables.add(t.build());
            return this;
        }

        public SchemaBuilder view(View v) {
            views.add(v);
            return this;
        }

        public SchemaBuilder fn(Function f) {
            functions.add(f);
            return this;
        }

        public SchemaBuilder trigger(String name, String table, String definition) {
            triggers.add(new Trigger(name, n(table), definition, null));
            return this;
        }

        public SchemaBuilder policy(String name, String table, String definition) {
            policies.add(new Policy(name, n(table), definition, null));
            return this;
        }

        public Schema build() {
            return new Schema(
                    extensions.stream().sorted(Comparator.comparing(Extension::name)).toList(),
                    enums.stream().sorted(Comparator.comparing(EnumType::name)).toList(),
                    sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList(),
                    tables.stream().sorted(Comparator.comparing(Table::name)).toList(),
                    views.stream().sorted(Comparator.comparing(View::name)).toList(),
                    functions.stream().sorted(Comparator.comparing(Function::name)).toList(),
                    triggers.stream().sorted(Comparator.comparing(Trigger::table).thenComparing(Trigger::name)).toList(),
                    policies.stream().sorted(Comparator.comparing(Policy::table).thenComparing(Policy::name)).toList());
        }
    }
}
