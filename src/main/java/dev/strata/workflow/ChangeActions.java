package dev.strata.workflow;

import dev.strata.diff.Change;
import dev.strata.diff.Change.AddColumn;
import dev.strata.diff.Change.AddConstraint;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.diff.Change.AlterColumn;
import dev.strata.diff.Change.AlterConstraint;
import dev.strata.diff.Change.AlterSequence;
import dev.strata.diff.Change.AlterIndex;
import dev.strata.diff.Change.AlterTable;
import dev.strata.diff.Change.CommentOnTable;
import dev.strata.diff.Change.CommentOnType;
import dev.strata.diff.Change.CreateEnum;
import dev.strata.diff.Change.CreateExtension;
import dev.strata.diff.Change.CreateFunction;
import dev.strata.diff.Change.CreateIndex;
import dev.strata.diff.Change.CreatePolicy;
import dev.strata.diff.Change.CreateSequence;
import dev.strata.diff.Change.CreateTable;
import dev.strata.diff.Change.CreateTrigger;
import dev.strata.diff.Change.CreateView;
import dev.strata.diff.Change.DisableRowLevelSecurity;
import dev.strata.diff.Change.DropColumn;
import dev.strata.diff.Change.DropConstraint;
import dev.strata.diff.Change.DropEnum;
import dev.strata.diff.Change.DropExtension;
import dev.strata.diff.Change.DropFunction;
import dev.strata.diff.Change.DropIndex;
import dev.strata.diff.Change.DropPolicy;
import dev.strata.diff.Change.DropSequence;
import dev.strata.diff.Change.DropTable;
import dev.strata.diff.Change.DropTrigger;
import dev.strata.diff.Change.DropView;
import dev.strata.diff.Change.EnableRowLevelSecurity;
import dev.strata.diff.Change.RenameColumn;
import dev.strata.diff.Change.RenameConstraint;
import dev.strata.diff.Change.RenameEnumLabel;
import dev.strata.diff.Change.RenameTable;
import dev.strata.diff.Change.ReplaceFunction;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.sql.Ddl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * ChangeActions writes each {@link Change} as the action map of a generated migration's
 * {@code :actions}: {@code {:action :add-column :table-name :accounts :column-name :billing-email
 * :column-spec {...}}}. The maps say what changes, for people and for {@code explain --format
 * human}; the statements that run are the file's {@code :up} and {@code :down}. Plain lower-case
 * names are written as kebab-case keywords, other names as strings; column specs are field options
 * the model loader reads back ({@code :type [:raw "character varying(255)"]}).
 */
public final class ChangeActions {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private ChangeActions() {
    }

    /** The {@code :action} of a change: its record name in kebab case, e.g. {@code add-column}. */
    public static String kind(Change change) {
        return change.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The action map of one change. */
    public static Map<Keyword, Object> of(Change change) {
        Action a = new Action(kind(change));
        if (change instanceof Change.CreateSchema c) {
            a.put("name", c.namespace().name()).put("comment", c.namespace().comment());
        } else if (change instanceof Change.DropSchema c) {
            a.put("name", c.namespace().name()).put("comment", c.namespace().comment());
        } else if (change instanceof Change.CreateTextSearch c) {
            a.put("name", c.textSearch().identity().toString()).put("sql", String.join(";\n", Ddl.createTextSearch(c.textSearch())));
        } else if (change instanceof Change.DropTextSearch c) {
            a.put("name", c.textSearch().identity().toString()).put("sql", String.join(";\n", Ddl.createTextSearch(c.textSearch())));
        } else if (change instanceof Change.AlterTextSearchMappings c) {
            a.put("name", c.to().identity().toString());
        } else if (change instanceof Change.CreateWrapper c) {
            a.put("name", c.wrapper().name()).put("sql", Ddl.createWrapper(c.wrapper()));
        } else if (change instanceof Change.DropWrapper c) {
            a.put("name", c.wrapper().name()).put("sql", Ddl.createWrapper(c.wrapper()));
        } else if (change instanceof Change.AlterWrapper c) {
            a.put("name", c.to().name()).put("sql", String.join(";\n", Ddl.alterWrapper(c.from(), c.to())));
        } else if (change instanceof Change.CreateServer c) {
            a.put("name", c.server().name()).put("sql", Ddl.createServer(c.server()));
        } else if (change instanceof Change.DropServer c) {
            a.put("name", c.server().name()).put("sql", Ddl.createServer(c.server()));
        } else if (change instanceof Change.AlterServer c) {
            a.put("name", c.to().name()).put("sql", String.join(";\n", Ddl.alterServer(c.from(), c.to())));
        } else if (change instanceof Change.CreateAccessMethod c) {
            a.put("name", c.accessMethod().name()).put("sql", Ddl.createAccessMethod(c.accessMethod()));
        } else if (change instanceof Change.DropAccessMethod c) {
            a.put("name", c.accessMethod().name()).put("sql", Ddl.createAccessMethod(c.accessMethod()));
        } else if (change instanceof Change.CreateOperator c) {
            a.put("name", c.operator().identity().toString()).put("sql", Ddl.createOperator(c.operator()));
        } else if (change instanceof Change.DropOperator c) {
            a.put("name", c.operator().identity().toString()).put("sql", Ddl.createOperator(c.operator()));
        } else if (change instanceof Change.CreateRangeType c) {
            a.put("name", c.type().name().toString()).put("sql", Ddl.createRangeType(c.type()));
        } else if (change instanceof Change.DropRangeType c) {
            a.put("name", c.type().name().toString()).put("sql", Ddl.createRangeType(c.type()));
        } else if (change instanceof Change.CreateCollation c) {
            a.put("name", c.collation().name().toString()).put("sql", Ddl.createCollation(c.collation()));
        } else if (change instanceof Change.DropCollation c) {
            a.put("name", c.collation().name().toString()).put("sql", Ddl.createCollation(c.collation()));
        } else if (change instanceof Change.CommentOnTargetSchema c) {
            a.put("comment", c.to()).put("old-comment", c.from());
        } else if (change instanceof Change.CommentOnSchema c) {
            a.put("name", c.schema()).put("comment", c.to()).put("old-comment", c.from());
        } else if (change instanceof Change.AlterExtension c) {
            a.put("name", c.to().name()).put("schema", c.to().schema()).put("old-schema", c.from().schema())
                    .put("version", c.to().version()).put("old-version", c.from().version());
        } else if (change instanceof CreateExtension c) {
            a.put("name", c.extension().name()).put("schema", c.extension().schema())
                    .put("version", c.extension().version());
        } else if (change instanceof DropExtension c) {
            a.put("name", c.extension().name());
        } else if (change instanceof CreateEnum c) {
            a.name("type-name", c.type().name()).put("labels", List.copyOf(c.type().labels()));
        } else if (change instanceof DropEnum c) {
            a.name("type-name", c.type().name()).put("labels", List.copyOf(c.type().labels()));
        } else if (change instanceof AddEnumLabel c) {
            a.name("type-name", c.type()).put("label", c.label()).put("before", c.before()).put("after", c.after());
        } else if (change instanceof RenameEnumLabel c) {
            a.name("type-name", c.type()).put("from", c.from()).put("to", c.to());
        } else if (change instanceof CommentOnType c) {
            a.name("type-name", c.type()).put("comment", c.to()).put("old-comment", c.from());
        } else if (change instanceof Change.CreateDomain c) {
            a.name("type-name", c.domain().name()).put("base", c.domain().base().sql());
        } else if (change instanceof Change.DropDomain c) {
            a.name("type-name", c.domain().name()).put("base", c.domain().base().sql());
        } else if (change instanceof Change.AlterDomain c) {
            a.name("type-name", c.to().name()).put("changes", keywords(c.changes()));
        } else if (change instanceof Change.AddDomainCheck c) {
            a.name("type-name", c.domain()).name("constraint-name", c.check().name())
                    .put("definition", c.check().definition());
        } else if (change instanceof Change.DropDomainCheck c) {
            a.name("type-name", c.domain()).name("constraint-name", c.check().name())
                    .put("definition", c.check().definition());
        } else if (change instanceof Change.CreateCompositeType c) {
            a.name("type-name", c.type().name()).put("attributes",
                    names(c.type().attributes().stream().map(dev.strata.model.CompositeType.Attribute::name).toList()));
        } else if (change instanceof Change.DropCompositeType c) {
            a.name("type-name", c.type().name()).put("attributes",
                    names(c.type().attributes().stream().map(dev.strata.model.CompositeType.Attribute::name).toList()));
        } else if (change instanceof Change.AddAttribute c) {
            a.name("type-name", c.type()).name("attribute-name", c.attribute().name())
                    .put("type", c.attribute().type().sql());
        } else if (change instanceof Change.DropAttribute c) {
            a.name("type-name", c.type()).name("attribute-name", c.attribute().name())
                    .put("type", c.attribute().type().sql());
        } else if (change instanceof Change.AlterAttribute c) {
            a.name("type-name", c.type()).name("attribute-name", c.to().name())
                    .put("type", c.to().type().sql()).put("old-type", c.from().type().sql());
        } else if (change instanceof CreateSequence c) {
            a.name("name", c.sequence().name());
        } else if (change instanceof DropSequence c) {
            a.name("name", c.sequence().name());
        } else if (change instanceof AlterSequence c) {
            a.name("name", c.to().name()).put("changes", keywords(c.changes()));
        } else if (change instanceof CreateTable c) {
            a.name("table-name", c.table().name()).put("columns", names(c.table().columns().stream().map(Column::name).toList()));
        } else if (change instanceof DropTable c) {
            a.name("table-name", c.table().name()).put("columns", names(c.table().columns().stream().map(Column::name).toList()));
        } else if (change instanceof RenameTable c) {
            a.name("table-name", c.from()).name("new-name", c.to());
        } else if (change instanceof AlterTable c) {
            a.name("table-name", c.to().name()).put("changes", keywords(c.changes()));
        } else if (change instanceof CommentOnTable c) {
            a.name("table-name", c.table()).put("comment", c.to()).put("old-comment", c.from());
        } else if (change instanceof AddColumn c) {
            a.name("table-name", c.table()).name("column-name", c.column().name()).put("column-spec", spec(c.column()));
        } else if (change instanceof DropColumn c) {
            a.name("table-name", c.table()).name("column-name", c.column().name()).put("column-spec", spec(c.column()));
        } else if (change instanceof RenameColumn c) {
            a.name("table-name", c.table()).name("column-name", c.from()).name("new-name", c.to());
        } else if (change instanceof Change.AlterDerivedColumn c) {
            a.name("table-name", c.table()).name("column-name", c.column()).put("default", c.to().defaultExpr())
                    .put("not-null", c.to().notNull()).put("comment", c.to().comment())
                    .put("old-default", c.from().defaultExpr()).put("old-not-null", c.from().notNull())
                    .put("old-comment", c.from().comment());
        } else if (change instanceof AlterColumn c) {
            a.name("table-name", c.table()).name("column-name", c.to().name()).put("changes", keywords(c.changes()))
                    .put("new-spec", spec(c.to())).put("old-spec", spec(c.from())).put("using", c.using());
        } else if (change instanceof AddConstraint c) {
            constraint(a, c.table(), c.constraint());
        } else if (change instanceof DropConstraint c) {
            constraint(a, c.table(), c.constraint());
        } else if (change instanceof RenameConstraint c) {
            a.name("table-name", c.table()).name("constraint-name", c.from().name()).name("new-name", c.to().name());
        } else if (change instanceof AlterConstraint c) {
            constraint(a, c.table(), c.to());
            a.put("changes", keywords(c.changes())).put("old-definition", Ddl.constraintDefinition(c.from()));
        } else if (change instanceof CreateIndex c) {
            index(a, c.index());
        } else if (change instanceof DropIndex c) {
            index(a, c.index());
        } else if (change instanceof AlterIndex c) {
            a.name("table-name", c.to().table()).name("index-name", c.to().name()).put("changes", keywords(c.changes()));
        } else if (change instanceof CreateView c) {
            a.name("name", c.view().name()).flag("materialized", c.view().materialized());
        } else if (change instanceof DropView c) {
            a.name("name", c.view().name()).flag("materialized", c.view().materialized());
        } else if (change instanceof CreateFunction c) {
            function(a, c.function());
        } else if (change instanceof DropFunction c) {
            function(a, c.function());
        } else if (change instanceof ReplaceFunction c) {
            function(a, c.to());
        } else if (change instanceof Change.CreateStatistics c) {
            a.name("table-name", c.statistics().table()).name("name", c.statistics().name())
                    .put("sql", Ddl.createStatistics(c.statistics()));
        } else if (change instanceof Change.DropStatistics c) {
            a.name("table-name", c.statistics().table()).name("name", c.statistics().name())
                    .put("sql", Ddl.createStatistics(c.statistics()));
        } else if (change instanceof Change.AlterStatistics c) {
            a.name("name", c.statistics().name()).put("from", c.from()).put("to", c.to());
        } else if (change instanceof CreateTrigger c) {
            a.name("table-name", c.trigger().table()).name("name", c.trigger().name());
        } else if (change instanceof DropTrigger c) {
            a.name("table-name", c.trigger().table()).name("name", c.trigger().name());
        } else if (change instanceof CreatePolicy c) {
            a.name("table-name", c.policy().table()).name("name", c.policy().name());
        } else if (change instanceof DropPolicy c) {
            a.name("table-name", c.policy().table()).name("name", c.policy().name());
        } else if (change instanceof EnableRowLevelSecurity c) {
            a.name("table-name", c.table());
        } else if (change instanceof DisableRowLevelSecurity c) {
            a.name("table-name", c.table());
        } else if (change instanceof Change.CommentOn c) {
            a.put("object", c.target().kind().sql().toLowerCase(Locale.ROOT)).name("name", c.target().name().name());
            if (c.target().table() != null) {
                a.name("table-name", c.target().table());
            }
            a.put("arguments", c.target().arguments()).put("comment", c.to()).put("old-comment", c.from());
        } else {
            throw new IllegalStateException("unsupported change " + change);
        }
        return a.map;
    }

    /** A name as an action value: {@code :billing-email} for {@code billing_email}, else the string. */
    public static Object name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? Keyword.newKeyword(name.replace('_', '-')) : name;
    }

    /** A column as field options, in the form {@code FieldParser} reads. */
    static Map<Keyword, Object> spec(Column column) {
        Map<Keyword, Object> spec = new LinkedHashMap<>();
        spec.put(kw("type"), List.of(kw("raw"), column.type().sql()));
        spec.put(kw("null"), !column.notNull());
        if (column.defaultExpr() != null) {
            spec.put(kw("default"), List.of(kw("raw"), column.defaultExpr()));
        }
        if (column.identity() != null) {
            spec.put(kw("identity"), column.identity() == Column.Identity.ALWAYS ? kw("always") : kw("by-default"));
        }
        if (column.generatedExpr() != null) {
            spec.put(kw("generated"), List.of(kw("raw"), column.generatedExpr()));
        }
        if (column.collation() != null) {
            spec.put(kw("collate"), unquote(column.collation()));
        }
        if (column.comment() != null) {
            spec.put(kw("comment"), column.comment());
        }
        return spec;
    }

    private static void constraint(Action a, QualifiedName table, Constraint constraint) {
        a.name("table-name", table).name("constraint-name", constraint.name())
                .put("definition", Ddl.constraintDefinition(constraint));
    }

    private static void index(Action a, Index index) {
        a.name("table-name", index.table()).name("index-name", index.name()).put("keys", List.copyOf(index.keys()))
                .flag("unique", index.unique());
        if (!index.method().equals("btree")) {
            a.put("method", name(index.method()));
        }
        if (!index.include().isEmpty()) {
            a.put("include", names(index.include()));
        }
        a.put("where", index.where());
    }

    private static void function(Action a, Function f) {
        a.name("name", f.name()).put("arguments", f.arguments()).flag("procedure", f.procedure())
                .flag("aggregate", f.isAggregate());
    }

    private static List<Object> names(List<String> names) {
        return names.stream().map(ChangeActions::name).toList();
    }

    private static List<Object> keywords(Set<? extends Enum<?>> values) {
        List<Object> result = new ArrayList<>();
        for (Enum<?> v : values) {
            result.add(kw(v.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return result;
    }

    private static String unquote(String sql) {
        return sql.length() >= 2 && sql.startsWith("\"") && sql.endsWith("\"")
                ? sql.substring(1, sql.length() - 1).replace("\"\"", "\"") : sql;
    }

    private static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }

    /** Action builds one map; absent (null) values and false flags are left out. */
    private static final class Action {
        final Map<Keyword, Object> map = new LinkedHashMap<>();

        Action(String kind) {
            map.put(kw("action"), kw(kind));
        }

        Action put(String key, Object value) {
            if (value != null) {
                map.put(kw(key), value);
            }
            return this;
        }

        Action name(String key, QualifiedName value) {
            return put(key, value.schema() == null ? ChangeActions.name(value.name()) : value.toString());
        }

        Action name(String key, String value) {
            return put(key, ChangeActions.name(value));
        }

        Action flag(String key, boolean value) {
            return value ? put(key, Boolean.TRUE) : this;
        }
    }
}
