package dev.strata.inspect;

import dev.strata.catalog.CatalogRead;
import dev.strata.diff.Change;
import dev.strata.diff.Change.AddConstraint;
import dev.strata.diff.Change.AlterSequence;
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
import dev.strata.diff.Change.EnableRowLevelSecurity;
import dev.strata.diff.Differ;
import dev.strata.migration.MigrationWriter;
import dev.strata.model.Column;
import dev.strata.model.Hints;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import dev.strata.state.ScratchApply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * BaselineMigration represents the first migration of a schema that adopts Strata: its {@code :up}
 * creates everything the model holds, on an empty schema, and its {@code :down} drops it all again,
 * in reverse order. Both are rendered from the typed changes between an empty schema and the
 * catalog that the compiled model produces on a scratch database, so the statements are spelled as
 * PostgreSQL prints the objects and every create carries its exact reverse.
 *
 * @param changes       the planned changes, in the order the up runs them
 * @param actions       one action map per change, for {@code :actions}
 * @param up            the forward statements
 * @param down          the backward statements
 * @param transactional whether up and down may each run in one transaction
 */
public record BaselineMigration(
        List<Change> changes,
        List<Map<Keyword, Object>> actions,
        List<String> up,
        List<String> down,
        boolean transactional) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public BaselineMigration {
        changes = List.copyOf(changes);
        actions = List.copyOf(actions);
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /**
     * The baseline of {@code model}: the model is compiled and applied to a scratch database on
     * {@code dev}, that database is read back, and the changes from an empty schema to it are
     * planned and rendered.
     */
    public static BaselineMigration of(Schema model, DevServer dev) {
        CatalogRead desired = ScratchApply.model(model, dev);
        Schema empty = Schema.empty();
        List<Change> changes = Planner.plan(Differ.diff(empty, desired.schema(), Hints.none()), empty, desired.schema());
        Rendered rendered = ChangeRenderer.renderAll(changes);
        boolean transactional = rendered.up().stream().allMatch(Statement::transactional)
                && rendered.down().stream().allMatch(Statement::transactional);
        return new BaselineMigration(changes, changes.stream().map(BaselineMigration::action).toList(),
                rendered.up().stream().map(Statement::sql).toList(),
                rendered.down().stream().map(Statement::sql).toList(), transactional);
    }

    /** The text of the migration file. */
    public String ednText() {
        return MigrationWriter.ednText(actions, up, down, transactional);
    }

    /**
     * The action of one change of an empty-to-model diff: its kind ({@code :create-table}) and the
     * names of what it creates, under the keys generated migrations use.
     */
    static Map<Keyword, Object> action(Change change) {
        Map<Keyword, Object> a = new LinkedHashMap<>();
        a.put(kw("action"), kw(change.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT)));
        if (change instanceof dev.strata.diff.Change.CreateSchema c) {
            a.put(kw("name"), name(c.namespace().name()));
        } else if (change instanceof CreateExtension c) {
            a.put(kw("name"), name(c.extension().name()));
        } else if (change instanceof CreateEnum c) {
            a.put(kw("type-name"), name(c.type().name()));
            a.put(kw("labels"), c.type().labels());
        } else if (change instanceof CommentOnType c) {
            a.put(kw("type-name"), name(c.type()));
        } else if (change instanceof dev.strata.diff.Change.CreateDomain c) {
            a.put(kw("type-name"), name(c.domain().name()));
            a.put(kw("base"), c.domain().base().sql());
        } else if (change instanceof dev.strata.diff.Change.CreateCompositeType c) {
            a.put(kw("type-name"), name(c.type().name()));
            a.put(kw("attributes"), c.type().attributes().stream().map(x -> name(x.name())).toList());
        } else if (change instanceof CreateSequence c) {
            a.put(kw("name"), name(c.sequence().name()));
        } else if (change instanceof AlterSequence c) {
            a.put(kw("name"), name(c.to().name()));
            a.put(kw("changes"), c.changes().stream()
                    .map(x -> (Object) kw(x.name().toLowerCase(Locale.ROOT).replace('_', '-'))).toList());
        } else if (change instanceof CreateTable c) {
            a.put(kw("table-name"), name(c.table().name()));
            a.put(kw("columns"), c.table().columns().stream().map(Column::name).map(BaselineMigration::name).toList());
        } else if (change instanceof CommentOnTable c) {
            a.put(kw("table-name"), name(c.table()));
        } else if (change instanceof AddConstraint c) {
            a.put(kw("table-name"), name(c.table()));
            a.put(kw("constraint-name"), name(c.constraint().name()));
        } else if (change instanceof CreateIndex c) {
            a.put(kw("table-name"), name(c.index().table()));
            a.put(kw("index-name"), name(c.index().name()));
            a.put(kw("keys"), c.index().keys());
        } else if (change instanceof CreateView c) {
            a.put(kw("name"), name(c.view().name()));
            if (c.view().materialized()) {
                a.put(kw("materialized"), true);
            }
        } else if (change instanceof CreateFunction c) {
            a.put(kw("name"), name(c.function().name()));
            if (c.function().arguments() != null) {
                a.put(kw("arguments"), c.function().arguments());
            }
            if (c.function().procedure()) {
                a.put(kw("procedure"), true);
            }
        } else if (change instanceof CreateTrigger c) {
            a.put(kw("table-name"), name(c.trigger().table()));
            a.put(kw("name"), name(c.trigger().name()));
        } else if (change instanceof CreatePolicy c) {
            a.put(kw("table-name"), name(c.policy().table()));
            a.put(kw("name"), name(c.policy().name()));
        } else if (change instanceof EnableRowLevelSecurity c) {
            a.put(kw("table-name"), name(c.table()));
        } else {
            throw new IllegalStateException("unsupported change in a baseline " + change);
        }
        return a;
    }

    /** A name as an action value: {@code :billing-email} for {@code billing_email}, else the string. */
    private static Object name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? kw(name.replace('_', '-')) : name;
    }

    private static Object name(QualifiedName name) {
        return name.schema() == null ? name(name.name()) : name.toString();
    }

    private static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }
}
