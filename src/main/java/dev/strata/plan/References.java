package dev.strata.plan;

import dev.strata.diff.Change;
import dev.strata.diff.Change.AddColumn;
import dev.strata.diff.Change.AddConstraint;
import dev.strata.diff.Change.AddAttribute;
import dev.strata.diff.Change.AddDomainCheck;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.diff.Change.AlterAttribute;
import dev.strata.diff.Change.AlterDomain;
import dev.strata.diff.Change.CreateCompositeType;
import dev.strata.diff.Change.CreateDomain;
import dev.strata.diff.Change.DropAttribute;
import dev.strata.diff.Change.DropCompositeType;
import dev.strata.diff.Change.DropDomain;
import dev.strata.diff.Change.DropDomainCheck;
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
import dev.strata.diff.Differ;
import dev.strata.model.SequenceOwner;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.View;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References works out, for one change, the resources it needs, provides, releases and removes.
 * A resource is a string key: {@code rel:t} (a table or view exists), {@code cols:t} (its columns
 * are as desired), {@code key:t} (its primary/unique keys), {@code type:e} (an enum, domain or composite type), {@code seq:s},
 * {@code fn:f}. Hard references come from the model (foreign keys, column types, View.dependsOn,
 * trigger and policy tables, nextval sequences, sequence owners); soft ones are found by name in
 * SQL text (functions in defaults, checks and view bodies; tables in function bodies) and are
 * dropped by the planner when they would close a cycle.
 */
final class References {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'");

    private final List<NamePattern> functions = new ArrayList<>();
    private final List<NamePattern> relations = new ArrayList<>();
    private final List<NamePattern> enums = new ArrayList<>();

    /** The references of one change. */
    static final class Facts {
        final Set<String> provides = new TreeSet<>();
        final Set<String> requires = new TreeSet<>();
        final Set<String> softRequires = new TreeSet<>();
        final Set<String> removes = new TreeSet<>();
        final Set<String> releases = new TreeSet<>();
        final Set<String> softReleases = new TreeSet<>();
        /** Names in a schema-wide namespace this change takes ({@code relname:s.n}, {@code typname:s.n}). */
        final Set<String> takes = new TreeSet<>();
        /** Names in a schema-wide namespace this change gives up. */
        final Set<String> frees = new TreeSet<>();
    }

    private record NamePattern(String key, Pattern pattern) {
        boolean foundIn(String text) {
            return text != null && pattern.matcher(text).find();
        }
    }

    /** The INHERITS parents of each current table. */
    private final java.util.Map<QualifiedName, List<QualifiedName>> parentsNow = new java.util.HashMap<>();

    References(Schema current, Schema desired) {
        current.tables().forEach(t -> parentsNow.put(t.name(), t.lineage().inherits()));
        Set<QualifiedName> functionNames = new TreeSet<>();
        Set<QualifiedName> relationNames = new TreeSet<>();
        Set<QualifiedName> enumNames = new TreeSet<>();
        for (Schema s : List.of(current, desired)) {
            s.functions().stream().map(Function::name).forEach(functionNames::add);
            s.tables().stream().map(Table::name).forEach(relationNames::add);
            s.views().stream().map(View::name).forEach(relationNames::add);
            s.enums().stream().map(EnumType::name).forEach(enumNames::add);
            s.domains().stream().map(dev.strata.model.Domain::name).forEach(enumNames::add);
            s.compositeTypes().stream().map(dev.strata.model.CompositeType::name).forEach(enumNames::add);
            s.rangeTypes().stream().map(dev.strata.model.RangeType::name).forEach(enumNames::add);
        }
        functionNames.forEach(n -> functions.add(new NamePattern("fn:" + n, Identifiers.callPattern(n))));
        relationNames.forEach(n -> relations.add(new NamePattern("rel:" + n, Identifiers.wordPattern(n))));
        enumNames.forEach(n -> enums.add(new NamePattern("type:" + n, Identifiers.wordPattern(n))));
    }

    Facts of(Change change) {
        Facts f = new Facts();
        if (change instanceof CreateExtension || change instanceof DropExtension
                || change instanceof Change.AlterExtension || change instanceof Change.CreateSchema
                || change instanceof Change.DropSchema || change instanceof Change.CommentOnSchema
                || change instanceof Change.CommentOnTargetSchema) {
            return f;
        } else if (change instanceof Change.CreateTextSearch c) {
            f.provides.add("ts:" + c.textSearch().identity());
            textSearchNeeds(c.textSearch(), f.requires);
        } else if (change instanceof Change.DropTextSearch c) {
            f.removes.add("ts:" + c.textSearch().identity());
            textSearchNeeds(c.textSearch(), f.releases);
        } else if (change instanceof Change.AlterTextSearchMappings c) {
            f.requires.add("ts:" + c.to().identity());
            textSearchNeeds(c.to(), f.requires);
            textSearchNeeds(c.from(), f.releases);
        } else if (change instanceof Change.CreateWrapper c) {
            f.provides.add("fdw:" + c.wrapper().name());
            wrapperNeeds(c.wrapper(), f.requires);
        } else if (change instanceof Change.DropWrapper c) {
            f.removes.add("fdw:" + c.wrapper().name());
            wrapperNeeds(c.wrapper(), f.releases);
        } else if (change instanceof Change.AlterWrapper c) {
            f.requires.add("fdw:" + c.to().name());
            wrapperNeeds(c.to(), f.requires);
            wrapperNeeds(c.from(), f.releases);
        } else if (change instanceof Change.CreateServer c) {
            f.provides.add("srv:" + c.server().name());
            f.requires.add("fdw:" + c.server().wrapper());
        } else if (change instanceof Change.DropServer c) {
            f.removes.add("srv:" + c.server().name());
            f.releases.add("fdw:" + c.server().wrapper());
        } else if (change instanceof Change.AlterServer c) {
            f.requires.add("srv:" + c.to().name());
        } else if (change instanceof Change.CreateAccessMethod c) {
            f.provides.add("am:" + c.accessMethod().name());
            f.requires.add("fn:" + sqlName(null, c.accessMethod().handler()));
        } else if (change instanceof Change.DropAccessMethod c) {
            f.removes.add("am:" + c.accessMethod().name());
            f.releases.add("fn:" + sqlName(null, c.accessMethod().handler()));
        } else if (change instanceof Change.CreateOperator c) {
            f.provides.add("op:" + c.operator().identity());
            operatorNeeds(c.operator(), f.requires);
        } else if (change instanceof Change.DropOperator c) {
            f.removes.add("op:" + c.operator().identity());
            operatorNeeds(c.operator(), f.releases);
        } else if (change instanceof Change.CreateCollation c) {
            f.provides.add("coll:" + c.collation().name());
        } else if (change instanceof Change.DropCollation c) {
            f.removes.add("coll:" + c.collation().name());
        } else if (change instanceof CreateEnum c) {
            f.provides.add("type:" + c.type().name());
        } else if (change instanceof DropEnum c) {
            f.removes.add("type:" + c.type().name());
        } else if (change instanceof AddEnumLabel c) {
            f.provides.add("type:" + c.type());
        } else if (change instanceof RenameEnumLabel c) {
            f.provides.add("type:" + c.type());
        } else if (change instanceof CommentOnType c) {
            f.requires.add("type:" + c.type());
        } else if (change instanceof CreateDomain c) {
            f.provides.add("type:" + c.domain().name());
            domainNeeds(c.domain(), f.requires, f.softRequires);
        } else if (change instanceof DropDomain c) {
            f.removes.add("type:" + c.domain().name());
            domainNeeds(c.domain(), f.releases, f.softReleases);
        } else if (change instanceof AlterDomain c) {
            f.requires.add("type:" + c.to().name());
            mentions(c.to().defaultExpr(), functions, null, f.softRequires);
            mentions(c.from().defaultExpr(), functions, null, f.softReleases);
        } else if (change instanceof AddDomainCheck c) {
            f.requires.add("type:" + c.domain());
            mentions(c.check().definition(), functions, null, f.softRequires);
        } else if (change instanceof DropDomainCheck c) {
            f.requires.add("type:" + c.domain());
            mentions(c.check().definition(), functions, null, f.softReleases);
        } else if (change instanceof Change.CreateRangeType c) {
            f.provides.add("type:" + c.type().name());
            rangeNeeds(c.type(), f.requires, f.softRequires);
        } else if (change instanceof Change.DropRangeType c) {
            f.removes.add("type:" + c.type().name());
            rangeNeeds(c.type(), f.releases, f.softReleases);
        } else if (change instanceof CreateCompositeType c) {
            f.provides.add("type:" + c.type().name());
            c.type().attributes().forEach(a -> typeNeeds(a.type(), f.requires));
        } else if (change instanceof DropCompositeType c) {
            f.removes.add("type:" + c.type().name());
            c.type().attributes().forEach(a -> typeNeeds(a.type(), f.releases));
        } else if (change instanceof AddAttribute c) {
            f.requires.add("type:" + c.type());
            f.provides.add(column(c.type(), c.attribute().name()));
            if (c.after() != null) {
                f.requires.add(column(c.type(), c.after()));
            }
            typeNeeds(c.attribute().type(), f.requires);
        } else if (change instanceof DropAttribute c) {
            f.requires.add("type:" + c.type());
            f.removes.add(column(c.type(), c.attribute().name()));
            for (QualifiedName t : c.typedTables()) {
                f.removes.add(column(t, c.attribute().name()));
            }
            typeNeeds(c.attribute().type(), f.releases);
        } else if (change instanceof AlterAttribute c) {
            f.requires.add("type:" + c.type());
            typeNeeds(c.to().type(), f.requires);
            typeNeeds(c.from().type(), f.releases);
        } else if (change instanceof CreateSequence c) {
            f.provides.add("seq:" + c.sequence().name());
        } else if (change instanceof DropSequence c) {
            f.removes.add("seq:" + c.sequence().name());
        } else if (change instanceof AlterSequence c) {
            f.requires.add("seq:" + c.to().name());
            f.releases.add("seq:" + c.from().name());
            // Owners are single columns: keys per column keep an owner change on one table from
            // colliding with other column changes on that table.
            SequenceOwner newOwner = SequenceOwner.of(c.to());
            if (newOwner != null) {
                f.requires.add(column(newOwner.table(), newOwner.column()));
            }
            SequenceOwner oldOwner = SequenceOwner.of(c.from());
            if (oldOwner != null) {
                f.releases.add(column(oldOwner.table(), oldOwner.column()));
            }
        } else if (change instanceof CreateTable c) {
            if (c.table().isForeign()) {
                f.softRequires.add("srv:" + c.table().foreign().server());
            }
            if (c.table().accessMethod() != null) {
                f.softRequires.add("am:" + c.table().accessMethod());
            }
            relation(f.provides, c.table().name());
            f.provides.add("key:" + c.table().name());
            for (Column column : c.table().columns()) {
                f.provides.add(column(c.table().name(), column.name()));
                columnNeeds(column, f.requires, f.softRequires);
            }
            for (Constraint constraint : c.table().constraints()) {
                constraintNeeds(constraint, f.softRequires);
            }
            for (Index index : c.table().indexes()) {
                indexNeeds(index, f.softRequires);
            }
            lineageNeeds(c.table(), f.requires);
        } else if (change instanceof DropTable c) {
            if (c.table().isForeign()) {
                f.softReleases.add("srv:" + c.table().foreign().server());
            }
            if (c.table().accessMethod() != null) {
                f.softReleases.add("am:" + c.table().accessMethod());
            }
            relation(f.removes, c.table().name());
            f.removes.add("key:" + c.table().name());
            for (Column column : c.table().columns()) {
                f.removes.add(column(c.table().name(), column.name()));
                columnNeeds(column, f.releases, f.softReleases);
            }
            for (Constraint constraint : c.table().constraints()) {
                constraintNeeds(constraint, f.softReleases);
            }
            for (Index index : c.table().indexes()) {
                indexNeeds(index, f.softReleases);
            }
            lineageNeeds(c.table(), f.releases);
        } else if (change instanceof RenameTable c) {
            relation(f.removes, c.from());
            f.removes.add("key:" + c.from());
            relation(f.provides, c.to());
            f.provides.add("key:" + c.to());
        } else if (change instanceof CommentOnTable c) {
            f.requires.add("rel:" + c.table());
        } else if (change instanceof AlterTable c) {
            if (c.to().accessMethod() != null) {
                f.softRequires.add("am:" + c.to().accessMethod());
            }
            if (c.from().accessMethod() != null) {
                f.softReleases.add("am:" + c.from().accessMethod());
            }
            if (leavesFixedColumns(c)) {
                // Columns of a partition or typed table cannot change: it is detached (NOT OF) first.
                f.requires.add("rel:" + c.to().name());
                f.provides.add("free:" + c.to().name());
            } else {
                relation(f.requires, c.to().name());
            }
            lineageNeeds(c.to(), f.requires);
            lineageNeeds(c.from(), f.releases);
            // Partitions of one parent are all detached before any is attached (bounds may move across).
            if (c.from().lineage().isPartition() && !c.from().lineage().partitionOf().equals(c.to().lineage().partitionOf())) {
                f.releases.add("bounds:" + c.from().lineage().partitionOf());
            }
            if (c.to().lineage().isPartition() && !c.to().lineage().partitionOf().equals(c.from().lineage().partitionOf())) {
                f.removes.add("bounds:" + c.to().lineage().partitionOf());
            }
            // A column change on a parent reaches its children: a child leaving the parent leaves
            // first (its columns stay, as its own), a child joining it joins once the columns are there.
            for (QualifiedName parent : c.from().lineage().parents()) {
                if (!c.to().lineage().parents().contains(parent)) {
                    f.releases.add("inherit:" + parent);
                }
            }
            for (QualifiedName parent : c.to().lineage().parents()) {
                if (!c.from().lineage().parents().contains(parent)) {
                    f.requires.add("cols:" + parent);
                }
            }
        } else if (change instanceof AddColumn c) {
            f.requires.add("rel:" + c.table());
            f.requires.add("free:" + c.table());
            f.removes.add("inherit:" + c.table());
            f.provides.add("cols:" + c.table());
            f.provides.add(column(c.table(), c.column().name()));
            columnNeeds(c.column(), f.requires, f.softRequires);
            generatedSources(c.table(), c.column(), f.requires);
            generatedSourceKeys(c.table(), c.column(), f.requires);
        } else if (change instanceof DropColumn c) {
            f.requires.add("rel:" + c.table());
            f.requires.add("free:" + c.table());
            f.removes.add("inherit:" + c.table());
            f.removes.add("cols:" + c.table());
            f.removes.add(column(c.table(), c.column().name()));
            columnNeeds(c.column(), f.releases, f.softReleases);
            generatedSources(c.table(), c.column(), f.releases);
            generatedSourceKeys(c.table(), c.column(), f.releases);
            // A child drops a column it also inherits once the parent's is gone (PostgreSQL refuses
            // to drop an inherited column).
            f.provides.add("dropped:" + column(c.table(), c.column().name()));
            for (QualifiedName parent : parentsNow.getOrDefault(c.table(), List.of())) {
                f.requires.add("dropped:" + column(parent, c.column().name()));
            }
        } else if (change instanceof RenameColumn c) {
            f.requires.add("rel:" + c.table());
            f.removes.add("cols:" + c.table());
            f.provides.add("cols:" + c.table());
            f.removes.add(column(c.table(), c.from()));
            f.provides.add(column(c.table(), c.to()));
        } else if (change instanceof Change.AlterDerivedColumn c) {
            f.requires.add("rel:" + c.table());
            for (QualifiedName ancestor : c.ancestors()) {
                f.requires.add(column(ancestor, c.column()));
            }
            descendants(c.descendants(), f);
        } else if (change instanceof AlterColumn c) {
            descendants(c.descendants(), f);
            f.requires.add("rel:" + c.table());
            f.requires.add("free:" + c.table());
            f.removes.add("inherit:" + c.table());
            f.removes.add("cols:" + c.table());
            f.provides.add("cols:" + c.table());
            columnNeeds(c.to(), f.requires, f.softRequires);
            columnNeeds(c.from(), f.releases, f.softReleases);
            if (c.changes().contains(dev.strata.diff.ColumnChange.TYPE)
                    || c.changes().contains(dev.strata.diff.ColumnChange.COLLATION)) {
                // PostgreSQL refuses to change the type of a column a generated column reads: a generated
                // column dropped in the same change set goes first, one added goes after.
                f.removes.add("gen" + column(c.table(), c.from().name()));
                f.provides.add("gen" + column(c.table(), c.to().name()));
            }
            // Soft: a renamed source shows under its old name in from and its new one in to.
            generatedSources(c.table(), c.to(), f.softRequires);
            generatedSources(c.table(), c.from(), f.softReleases);
        } else if (change instanceof AddConstraint c) {
            relation(f.requires, c.table());
            constraintNeeds(c.constraint(), f.softRequires);
            if (c.constraint() instanceof Constraint.ForeignKey fk) {
                relation(f.requires, fk.refTable());
                f.requires.add("key:" + fk.refTable());
            } else if (isKey(c.constraint())) {
                f.provides.add("key:" + c.table());
            }
        } else if (change instanceof DropConstraint c) {
            relation(f.releases, c.table());
            constraintNeeds(c.constraint(), f.softReleases);
            if (c.constraint() instanceof Constraint.ForeignKey fk) {
                relation(f.releases, fk.refTable());
                f.releases.add("key:" + fk.refTable());
            } else if (isKey(c.constraint())) {
                f.removes.add("key:" + c.table());
            }
        } else if (change instanceof RenameConstraint c) {
            relation(f.requires, c.table());
        } else if (change instanceof AlterConstraint c) {
            relation(f.requires, c.table());
            constraintNeeds(c.to(), f.softRequires);
        } else if (change instanceof CreateIndex c) {
            relation(f.requires, c.index().table());
            indexNeeds(c.index(), f.softRequires);
            if (c.index().unique()) {
                f.provides.add("key:" + c.index().table());
            }
        } else if (change instanceof DropIndex c) {
            relation(f.releases, c.index().table());
            indexNeeds(c.index(), f.softReleases);
            if (c.index().unique()) {
                f.removes.add("key:" + c.index().table());
            }
        } else if (change instanceof AlterIndex c) {
            relation(f.requires, c.to().table());
        } else if (change instanceof Change.CreateStatistics c) {
            relation(f.requires, c.statistics().table());
            c.statistics().columns().forEach(col -> f.requires.add(column(c.statistics().table(), col)));
            mentions(c.statistics().keys(), functions, null, f.softRequires);
            f.provides.add("stat:" + c.statistics().name());
        } else if (change instanceof Change.DropStatistics c) {
            relation(f.releases, c.statistics().table());
            c.statistics().columns().forEach(col -> f.releases.add(column(c.statistics().table(), col)));
            mentions(c.statistics().keys(), functions, null, f.softReleases);
            f.removes.add("stat:" + c.statistics().name());
        } else if (change instanceof Change.AlterStatistics c) {
            f.requires.add("stat:" + c.statistics().name());
        } else if (change instanceof CreateView c) {
            relation(f.provides, c.view().name());
            c.view().dependsOn().forEach(d -> relation(f.requires, d));
            mentions(c.view().definition(), functions, c.view().name(), f.softRequires);
        } else if (change instanceof DropView c) {
            relation(f.removes, c.view().name());
            c.view().dependsOn().forEach(d -> relation(f.releases, d));
            mentions(c.view().definition(), functions, c.view().name(), f.softReleases);
        } else if (change instanceof CreateFunction c) {
            functionNeeds(c.function(), f.provides, f.softRequires);
            aggregateNeeds(c.function(), f.requires);
        } else if (change instanceof ReplaceFunction c) {
            functionNeeds(c.to(), f.provides, f.softRequires);
        } else if (change instanceof DropFunction c) {
            functionNeeds(c.function(), f.removes, f.softReleases);
            aggregateNeeds(c.function(), f.releases);
        } else if (change instanceof CreateTrigger c) {
            relation(f.requires, c.trigger().table());
            if (c.trigger().isRule()) {
                // A rule's action may read and write other tables, views, sequences and functions.
                mentions(c.trigger().definition(), relations, c.trigger().table(), f.softRequires);
                mentions(c.trigger().definition(), functions, null, f.softRequires);
            }
            String function = Differ.triggerFunction(c.trigger());
            if (function != null) {
                f.requires.add("fn:" + new QualifiedName(c.trigger().table().schema(), function));
            }
        } else if (change instanceof DropTrigger c) {
            relation(f.releases, c.trigger().table());
            if (c.trigger().isRule()) {
                mentions(c.trigger().definition(), relations, c.trigger().table(), f.softReleases);
                mentions(c.trigger().definition(), functions, null, f.softReleases);
            }
            String function = Differ.triggerFunction(c.trigger());
            if (function != null) {
                f.releases.add("fn:" + new QualifiedName(c.trigger().table().schema(), function));
            }
        } else if (change instanceof CreatePolicy c) {
            relation(f.requires, c.policy().table());
            mentions(c.policy().definition(), functions, null, f.softRequires);
        } else if (change instanceof DropPolicy c) {
            relation(f.releases, c.policy().table());
            mentions(c.policy().definition(), functions, null, f.softReleases);
        } else if (change instanceof EnableRowLevelSecurity c) {
            f.requires.add("rel:" + c.table());
        } else if (change instanceof DisableRowLevelSecurity c) {
            f.releases.add("rel:" + c.table());
        } else if (change instanceof Change.CommentOn c) {
            commentNeeds(c.target(), f.requires);
        } else {
            throw new IllegalStateException("unsupported change " + change);
        }
        names(change, f);
        return f;
    }

    /**
     * Tables, views, materialized views, sequences and indexes (also those behind a primary key,
     * unique or exclusion constraint) share one relation namespace per schema; every relation but
     * an index also has a row type, in the namespace of types that enums use. An object that takes
     * a name another one gives up in the same migration must wait for it, whatever the kinds.
     */
    private static void names(Change change, Facts f) {
        if (change instanceof CreateTable c) {
            tableNames(c.table(), f.takes);
        } else if (change instanceof DropTable c) {
            tableNames(c.table(), f.frees);
        } else if (change instanceof RenameTable c) {
            relationNames(c.from(), f.frees);
            relationNames(c.to(), f.takes);
        } else if (change instanceof CreateView c) {
            viewNames(c.view(), f.takes);
        } else if (change instanceof DropView c) {
            viewNames(c.view(), f.frees);
        } else if (change instanceof CreateSequence c) {
            relationNames(c.sequence().name(), f.takes);
        } else if (change instanceof DropSequence c) {
            relationNames(c.sequence().name(), f.frees);
        } else if (change instanceof Change.CreateStatistics c) {
            f.takes.add("statname:" + c.statistics().name());
        } else if (change instanceof Change.DropStatistics c) {
            f.frees.add("statname:" + c.statistics().name());
        } else if (change instanceof CreateIndex c) {
            f.takes.add(indexName(c.index()));
        } else if (change instanceof DropIndex c) {
            f.frees.add(indexName(c.index()));
        } else if (change instanceof AddConstraint c && hasIndex(c.constraint())) {
            f.takes.add("relname:" + new QualifiedName(c.table().schema(), c.constraint().name()));
        } else if (change instanceof DropConstraint c && hasIndex(c.constraint())) {
            f.frees.add("relname:" + new QualifiedName(c.table().schema(), c.constraint().name()));
        } else if (change instanceof RenameConstraint c && hasIndex(c.from())) {
            f.frees.add("relname:" + new QualifiedName(c.table().schema(), c.from().name()));
            f.takes.add("relname:" + new QualifiedName(c.table().schema(), c.to().name()));
        } else if (change instanceof CreateEnum c) {
            f.takes.add("typname:" + c.type().name());
        } else if (change instanceof DropEnum c) {
            f.frees.add("typname:" + c.type().name());
        } else if (change instanceof CreateDomain c) {
            f.takes.add("typname:" + c.domain().name());
        } else if (change instanceof DropDomain c) {
            f.frees.add("typname:" + c.domain().name());
        } else if (change instanceof Change.CreateRangeType c) {
            relationNames(c.type().name(), f.takes);
        } else if (change instanceof Change.DropRangeType c) {
            relationNames(c.type().name(), f.frees);
        } else if (change instanceof CreateCompositeType c) {
            relationNames(c.type().name(), f.takes);
        } else if (change instanceof DropCompositeType c) {
            relationNames(c.type().name(), f.frees);
        }
    }

    /** A range type needs its subtype (when a type of the model), its collation and its functions. */
    private void rangeNeeds(dev.strata.model.RangeType r, Set<String> hard, Set<String> soft) {
        for (String fn : java.util.Arrays.asList(r.canonical(), r.subtypeDiff())) {
            if (fn != null) {
                hard.add("fn:" + sqlName(null, fn));
            }
        }
        if (r.collation() != null) {
            soft.add("coll:" + sqlName(null, r.collation()));
        }
        for (NamePattern p : enums) {
            if (p.foundIn(r.subtype())) {
                hard.add(p.key());
            }
        }
    }

    private static void relationNames(QualifiedName name, Set<String> keys) {
        keys.add("relname:" + name);
        keys.add("typname:" + name);
    }

    private static void tableNames(Table table, Set<String> keys) {
        relationNames(table.name(), keys);
        table.indexes().forEach(i -> keys.add(indexName(i)));
        table.constraints().stream().filter(References::hasIndex)
                .forEach(c -> keys.add("relname:" + new QualifiedName(table.name().schema(), c.name())));
    }

    private static void viewNames(View view, Set<String> keys) {
        relationNames(view.name(), keys);
        view.indexes().forEach(i -> keys.add(indexName(i)));
    }

    private static String indexName(Index index) {
        return "relname:" + new QualifiedName(index.table().schema(), index.name());
    }

    private static boolean hasIndex(Constraint c) {
        return c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique || c instanceof Constraint.Exclusion;
    }

    /** Whether the table stops being a partition or a typed table, whose columns cannot change. */
    private static boolean leavesFixedColumns(AlterTable c) {
        var from = c.from().lineage();
        var to = c.to().lineage();
        return from.isPartition() && !to.isPartition()
                || from.ofType() != null && !from.ofType().equals(to.ofType());
    }

    /** A partition or child needs its parents, a typed table its type. */
    private static void lineageNeeds(Table table, Set<String> keys) {
        table.lineage().parents().forEach(p -> keys.add("rel:" + p));
        if (table.lineage().ofType() != null) {
            keys.add("type:" + table.lineage().ofType());
        }
    }

    private static void relation(Set<String> keys, QualifiedName name) {
        keys.add("rel:" + name);
        keys.add("cols:" + name);
    }

    /** A change that restates descendants' columns needs those that exist after it, and goes before the others' drop. */
    private static void descendants(List<Change.DescendantFix> fixes, Facts f) {
        for (Change.DescendantFix fix : fixes) {
            if (fix.to() != null) {
                f.requires.add("rel:" + fix.table());
            } else {
                f.releases.add("rel:" + fix.table());
            }
        }
    }

    private static String column(QualifiedName table, String column) {
        return "col:" + table + "." + column;
    }

    private static boolean isKey(Constraint c) {
        return c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique;
    }

    /** An aggregate needs the functions it is built from (hard: PostgreSQL resolves them at creation). */
    private static void aggregateNeeds(Function function, Set<String> keys) {
        if (function.isAggregate()) {
            for (String support : dev.strata.diff.AggregateSupport.names(function.aggregate())) {
                keys.add("fn:" + new QualifiedName(function.name().schema(), support));
            }
        }
    }

    /** A comment needs its object: the table of a member, the view, the function. */
    private static void commentNeeds(dev.strata.diff.CommentTarget target, Set<String> keys) {
        switch (target.kind()) {
            case CONSTRAINT, TRIGGER, RULE, POLICY -> keys.add("rel:" + target.table());
            case VIEW, MATERIALIZED_VIEW -> keys.add("rel:" + target.name());
            case STATISTICS -> keys.add("stat:" + target.name());
            case COLLATION -> keys.add("coll:" + target.name());
            case ACCESS_METHOD -> keys.add("am:" + target.name().name());
            case FOREIGN_DATA_WRAPPER -> keys.add("fdw:" + target.name().name());
            case SERVER -> keys.add("srv:" + target.name().name());
            case TEXT_SEARCH_PARSER, TEXT_SEARCH_TEMPLATE, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION ->
                    keys.add("ts:" + new QualifiedName(target.name().schema(), target.kind().name().substring(12)
                            .toLowerCase(java.util.Locale.ROOT) + " " + target.name().name()));
            case OPERATOR -> keys.add("op:" + target.name() + target.arguments());
            case DOMAIN_CONSTRAINT -> keys.add("type:" + target.table());
            case FUNCTION, PROCEDURE, AGGREGATE -> keys.add("fn:" + target.name());
        }
    }

    private void domainNeeds(dev.strata.model.Domain domain, Set<String> hard, Set<String> soft) {
        typeNeeds(domain.base(), hard);
        collationNeeds(domain.collation(), soft);
        mentions(domain.defaultExpr(), functions, null, soft);
        domain.checks().forEach(c -> mentions(c.definition(), functions, null, soft));
    }

    private static void typeNeeds(dev.strata.model.ColumnType type, Set<String> hard) {
        if (type.userType() != null) {
            hard.add("type:" + type.userType());
        }
    }

    private void columnNeeds(Column column, Set<String> hard, Set<String> soft) {
        typeNeeds(column.type(), hard);
        collationNeeds(column.collation(), soft);
        String defaultExpr = column.defaultExpr();
        if (defaultExpr != null) {
            Matcher m = NEXTVAL.matcher(defaultExpr);
            while (m.find()) {
                QualifiedName sequence = sequenceName(m.group(1).replace("''", "'"));
                hard.add("seq:" + sequence);
                hard.add("seq:" + sequence.unqualified());
            }
        }
        mentions(defaultExpr, functions, null, soft);
        mentions(column.generatedExpr(), functions, null, soft);
    }

    /**
     * What a text search object is built from: a parser's or template's functions, a dictionary's
     * template, a configuration's parser and dictionaries.
     */
    private static void textSearchNeeds(dev.strata.model.TextSearch t, Set<String> keys) {
        String schema = t.name().schema();
        t.options().forEach((option, value) -> {
            switch (option) {
                case "TEMPLATE" -> keys.add("ts:" + textSearchRef(schema, "template", value));
                case "PARSER" -> keys.add("ts:" + textSearchRef(schema, "parser", value));
                case "COPY" -> keys.add("ts:" + textSearchRef(schema, "configuration", value));
                case "OPTIONS" -> { }
                default -> keys.add("fn:" + sqlName(schema, value));
            }
        });
        t.mappings().values().forEach(dicts -> dicts.forEach(d -> keys.add("ts:" + textSearchRef(schema, "dictionary", d))));
    }

    private static QualifiedName textSearchRef(String schema, String kind, String sql) {
        QualifiedName n = sqlName(schema, sql);
        return new QualifiedName(n.schema(), kind + " " + n.name());
    }

    /** A name as SQL ({@code f}, {@code s.f}); unqualified means the object's own schema. */
    private static QualifiedName sqlName(String schema, String sql) {
        List<String> parts = Identifiers.split(sql);
        return parts.size() > 1 ? new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1))
                : new QualifiedName(schema, parts.get(0));
    }

    /** A wrapper's handler and validator ({@code fn:} keys; those of pg_catalog are met by nothing). */
    private static void wrapperNeeds(dev.strata.model.ForeignData.Wrapper w, Set<String> keys) {
        for (String f : new String[] {w.handler(), w.validator()}) {
            if (f != null) {
                keys.add("fn:" + sqlName(null, f));
            }
        }
    }

    /** The functions an operator is built from ({@code fn:} keys, as a trigger names its function). */
    private static void operatorNeeds(dev.strata.model.Operator operator, Set<String> keys) {
        for (String f : new String[] {operator.function(), operator.restrict(), operator.join()}) {
            if (f != null) {
                keys.add("fn:" + sqlName(operator.name().schema(), f));
            }
        }
    }

    /**
     * {@code coll:name} for a collation named by SQL ({@code "ci"}, {@code other."ci"}): met only
     * when the same change set creates or drops a model collation of that name.
     */
    static void collationNeeds(String collation, Set<String> soft) {
        if (collation == null) {
            return;
        }
        soft.add("coll:" + sqlName(null, collation));
    }

    /**
     * The columns of its own table a generated column reads, found by name in its expression
     * (PostgreSQL prints them unqualified): every identifier outside string literals counts, a
     * function name only makes a key nothing provides.
     */
    /**
     * {@code gencol:t.c} for each column a generated column reads: only a change of such a column's
     * type or collation meets these, so the drop of the reader runs before it and its add after.
     */
    private static void generatedSourceKeys(QualifiedName table, Column column, Set<String> keys) {
        Set<String> sources = new TreeSet<>();
        generatedSources(table, column, sources);
        sources.forEach(k -> keys.add("gen" + k));
    }

    private static void generatedSources(QualifiedName table, Column column, Set<String> keys) {
        String expr = column.generatedExpr();
        if (expr == null) {
            return;
        }
        int i = 0;
        while (i < expr.length()) {
            char ch = expr.charAt(i);
            if (ch == '\'') {
                int end = expr.indexOf('\'', i + 1);
                while (end >= 0 && end + 1 < expr.length() && expr.charAt(end + 1) == '\'') {
                    end = expr.indexOf('\'', end + 2);
                }
                i = end < 0 ? expr.length() : end + 1;
            } else if (ch == '"') {
                StringBuilder name = new StringBuilder();
                int j = i + 1;
                while (j < expr.length()) {
                    if (expr.charAt(j) == '"' && j + 1 < expr.length() && expr.charAt(j + 1) == '"') {
                        name.append('"');
                        j += 2;
                    } else if (expr.charAt(j) == '"') {
                        break;
                    } else {
                        name.append(expr.charAt(j++));
                    }
                }
                addSource(table, column, name.toString(), keys);
                i = j + 1;
            } else if (Character.isLetter(ch) || ch == '_') {
                int j = i;
                while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '_'
                        || expr.charAt(j) == '$')) {
                    j++;
                }
                addSource(table, column, expr.substring(i, j), keys);
                i = j;
            } else {
                i++;
            }
        }
    }

    private static void addSource(QualifiedName table, Column column, String name, Set<String> keys) {
        if (!name.equals(column.name())) {
            keys.add(column(table, name));
        }
    }

    private void constraintNeeds(Constraint constraint, Set<String> soft) {
        if (constraint instanceof Constraint.Check check) {
            mentions(check.expression(), functions, null, soft);
        } else if (constraint instanceof Constraint.Exclusion exclusion) {
            mentions(exclusion.definition(), functions, null, soft);
        }
    }

    private void indexNeeds(Index index, Set<String> soft) {
        index.keys().forEach(k -> mentions(k, functions, null, soft));
        mentions(index.where(), functions, null, soft);
    }

    private void functionNeeds(Function function, Set<String> own, Set<String> soft) {
        own.add("fn:" + function.name());
        String self = "fn:" + function.name();
        // The function's own name in its header is not a reference: a table of the same name
        // (a function user() beside a table "user") would otherwise look like a dependency.
        java.util.regex.Matcher header = Identifiers.callPattern(function.name().name()).matcher(function.definition());
        String text = header.find()
                ? function.definition().substring(0, header.start()) + "(" + function.definition().substring(header.end())
                : function.definition();
        for (List<NamePattern> names : List.of(functions, relations, enums)) {
            for (NamePattern p : names) {
                if (!p.key().equals(self) && p.foundIn(text)) {
                    soft.add(p.key());
                    if (p.key().startsWith("rel:")) {
                        soft.add("cols:" + p.key().substring(4));
                    }
                }
            }
        }
    }

    private static void mentions(String text, List<NamePattern> names, QualifiedName self, Set<String> keys) {
        if (text == null) {
            return;
        }
        for (NamePattern p : names) {
            if ((self == null || !p.key().endsWith(":" + self)) && p.foundIn(text)) {
                keys.add(p.key());
            }
        }
    }

    /** {@code 'orders_id_seq'::regclass} names a sequence, maybe schema-qualified and quoted. */
    private static QualifiedName sequenceName(String text) {
        List<String> parts = Identifiers.split(text);
        return parts.size() == 1 ? QualifiedName.of(parts.get(0))
                : new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }
}
