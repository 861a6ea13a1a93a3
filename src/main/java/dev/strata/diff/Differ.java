package dev.strata.diff;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.diff.Change.AddColumn;
import dev.strata.diff.Change.AddConstraint;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.diff.Change.AlterColumn;
import dev.strata.diff.Change.AlterConstraint;
import dev.strata.diff.Change.AlterIndex;
import dev.strata.diff.Change.AlterTable;
import dev.strata.diff.Change.AlterSequence;
import dev.strata.diff.Change.CommentOn;
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
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Hints;
import dev.strata.pg.PgMajor;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.SequenceOwner;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import dev.strata.sql.Identifiers;
import dev.strata.sql.IndexKeyParts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Differ compares two schemas, both read back from PostgreSQL, and lists the typed
 * {@link Change}s that turn the current one into the desired one. It builds no SQL and decides no
 * order beyond a deterministic listing; {@code dev.strata.plan.Planner} orders the result.
 *
 * <p>Tables, columns and enum labels are renamed only on explicit {@link Hints}; a changed name
 * without a hint is a drop plus a create. A constraint is matched by name, then by definition: the
 * same definition under a new name is a rename. Constraints, indexes, views, triggers and policies
 * that changed are dropped and recreated, except what PostgreSQL alters in place (a foreign key's
 * deferrability, the validation of a NOT VALID constraint); functions are replaced in place when
 * PostgreSQL allows it. Enum types are
 * append-only: removing or reordering labels is refused.
 */
public final class Differ {
    private static final Pattern RETURNS = Pattern.compile("(?m)^\\s*RETURNS\\s+(.*)$");
    private static final Pattern TRIGGER_FUNCTION =
            Pattern.compile("EXECUTE\\s+(?:FUNCTION|PROCEDURE)\\s+(?:[\\w$\"]+\\.)?(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s*\\(",
                    Pattern.CASE_INSENSITIVE);

    private final Schema current;
    private final Schema desired;
    private final Hints hints;
    private final List<Change> out = new ArrayList<>();
    /** Renamed tables, current name -> desired name. */
    private final Map<QualifiedName, QualifiedName> tableRenames = new HashMap<>();
    /** Renamed columns, desired table name -> (current column name -> desired column name). */
    private final Map<QualifiedName, Map<String, String>> columnRenames = new HashMap<>();
    /** Tables (current names) with a column whose type changes or that is dropped. */
    private final Set<QualifiedName> affectedTables = new HashSet<>();
    /** Views dropped (and maybe re-created): PostgreSQL drops their triggers with them. */
    private final Set<QualifiedName> droppedViews = new HashSet<>();
    /** Columns (current table, desired column name) whose type or collation changes, or that are dropped. */
    private final Map<QualifiedName, Set<String>> affectedColumns = new HashMap<>();
    /** Key constraints and unique indexes dropped from tables that stay: (current table, columns). */
    private final Set<List<Object>> droppedKeys = new HashSet<>();
    /** Constraints dropped from tables that stay: (current table, constraint name). */
    private final Set<List<Object>> droppedConstraints = new HashSet<>();
    /** Constraints renamed on tables that stay: (current table, current name) -> the rename. */
    private final Map<List<Object>, RenameConstraint> renamedConstraints = new HashMap<>();

    /** How the columns of inheritance children change; set by {@link #tables()}. */
    private InheritedColumns inherited;

    /** The major version of the server the changes will run on: some statements exist only from a given one. */
    private final int serverMajor;
    /** See {@link #droppedFunctions()}; computed once. */
    private Set<String> droppedFunctionNames;

    private Differ(Schema current, Schema desired, Hints hints, int serverMajor) {
        this.current = Objects.requireNonNull(current, "current");
        this.desired = Objects.requireNonNull(desired, "desired");
        this.hints = hints == null ? Hints.none() : hints;
        this.serverMajor = serverMajor;
    }

    /**
     * The changes from {@code current} to {@code desired}, in a deterministic (not yet executable)
     * order.
     *
     * @throws StrataException with {@link ErrorCode#REFUSED_CHANGE} when an enum type would lose
     *                         or reorder labels
     */
    public static List<Change> diff(Schema current, Schema desired, Hints hints) {
        return diff(current, desired, hints, PgMajor.NEWEST);
    }

    /**
     * The changes from {@code current} to {@code desired} for a server of major version
     * {@code serverMajor}: where that version lacks a statement (before 17, {@code ALTER COLUMN ...
     * SET EXPRESSION}), the change is made another way. See docs/diff.md, "Version-dependent SQL".
     */
    public static List<Change> diff(Schema current, Schema desired, Hints hints, int serverMajor) {
        return new Differ(current, desired, hints, serverMajor).run();
    }

    private List<Change> run() {
        findTableRenames();
        NamespaceDiffer.diff(current, desired, out);
        extensions();
        NamespaceDiffer.alterExtensions(current, desired, out);
        CollationDiffer.diff(current, desired, out);
        CollationDiffer.accessMethods(current, desired, out);
        ForeignDataDiffer.diff(current, desired, out);
        TextSearchDiffer.diff(current, desired, out);
        enums();
        UserTypeDiffer.diff(current, desired, out);
        tables();
        sequences();
        views();
        functions();
        OperatorDiffer.diff(current, desired, out);
        policies();
        statistics();
        NamespaceDiffer.dropTypeChangesOfMovedExtensions(out);
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- extensions

    private void extensions() {
        Set<String> have = current.extensions().stream().map(Extension::name).collect(Collectors.toSet());
        Set<String> want = desired.extensions().stream().map(Extension::name).collect(Collectors.toSet());
        for (Extension e : desired.extensions()) {
            if (!have.contains(e.name())) {
                out.add(new CreateExtension(e));
            }
        }
        for (Extension e : current.extensions()) {
            if (!want.contains(e.name())) {
                out.add(new DropExtension(e));
            }
        }
    }

    // ---------------------------------------------------------------- enums

    private void enums() {
        Map<QualifiedName, EnumType> have = byName(current.enums(), EnumType::name);
        Map<QualifiedName, EnumType> want = byName(desired.enums(), EnumType::name);
        for (EnumType d : desired.enums()) {
            EnumType c = have.get(d.name());
            if (c == null) {
                out.add(new CreateEnum(d));
            } else {
                alterEnum(c, d);
            }
        }
        for (EnumType c : current.enums()) {
            if (!want.containsKey(c.name())) {
                out.add(new DropEnum(c));
            }
        }
    }

    private void alterEnum(EnumType c, EnumType d) {
        Map<String, String> hinted = hints.enumLabelRenames().getOrDefault(d.name(), Map.of());
        List<String> renamedCurrent = new ArrayList<>(c.labels());
        List<RenameEnumLabel> renames = new ArrayList<>();
        for (String newLabel : d.labels()) {
            String oldLabel = hinted.get(newLabel);
            if (oldLabel != null && c.labels().contains(oldLabel) && !c.labels().contains(newLabel)
                    && !d.labels().contains(oldLabel)) {
                renamedCurrent.set(renamedCurrent.indexOf(oldLabel), newLabel);
                renames.add(new RenameEnumLabel(d.name(), oldLabel, newLabel));
            }
        }
        List<String> removed = renamedCurrent.stream().filter(l -> !d.labels().contains(l)).toList();
        if (!removed.isEmpty()) {
            throw new StrataException(ErrorCode.REFUSED_CHANGE, labelRemovalMessage(d, renamedCurrent, removed));
        }
        List<String> keptInModelOrder = d.labels().stream().filter(renamedCurrent::contains).toList();
        if (!keptInModelOrder.equals(renamedCurrent)) {
            throw new StrataException(ErrorCode.REFUSED_CHANGE, labelReorderMessage(d, renamedCurrent));
        }
        out.addAll(renames);
        List<String> labels = d.labels();
        List<Change> dependents = labels.stream().allMatch(renamedCurrent::contains) ? List.of()
                : EnumDependents.of(current, c.name());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (renamedCurrent.contains(label)) {
                continue;
            }
            if (i > 0) {
                out.add(new AddEnumLabel(d.name(), label, null, labels.get(i - 1), dependents));
            } else {
                String next = labels.stream().filter(renamedCurrent::contains).findFirst().orElse(null);
                out.add(new AddEnumLabel(d.name(), label, next, null, dependents));
            }
        }
        if (!Objects.equals(c.comment(), d.comment())) {
            out.add(new CommentOnType(d.name(), c.comment(), d.comment()));
        }
    }

    private String labelRemovalMessage(EnumType d, List<String> currentLabels, List<String> removed) {
        String column = columnOfType(d.name());
        return "Refusing to remove " + (removed.size() == 1 ? "label " : "labels ") + quoted(removed)
                + " from enum type " + d.name() + ".\n"
                + "  Current labels: " + quoted(currentLabels) + "\n"
                + "  Model labels:   " + quoted(d.labels()) + "\n"
                + "PostgreSQL cannot drop a value from an enum type, and rows may still hold it. Either:\n"
                + "  (1) keep the labels in the model and restrict the column with a CHECK constraint, e.g.\n"
                + "        :check [:raw \"" + column + " in (" + String.join(",", quotedEach(d.labels()))
                + ")\"]\n"
                + "  (2) write a hand-written migration (strata make-migration --sql --name remove-"
                + d.name().name().replace('_', '-') + "-labels) that first moves the data off the labels"
                + " (UPDATE ... SET " + column + " = " + quotedEach(d.labels()).stream().findFirst().orElse("...")
                + " WHERE " + column + " IN (" + String.join(",", quotedEach(removed)) + "))"
                + " and then recreates the type.";
    }

    private String labelReorderMessage(EnumType d, List<String> currentLabels) {
        String earlier = null;
        String later = null;
        for (int i = 0; i < currentLabels.size() && earlier == null; i++) {
            for (int j = i + 1; j < currentLabels.size(); j++) {
                if (d.labels().indexOf(currentLabels.get(j)) < d.labels().indexOf(currentLabels.get(i))) {
                    earlier = currentLabels.get(j);
                    later = currentLabels.get(i);
                    break;
                }
            }
        }
        String column = columnOfType(d.name());
        return "Refusing to reorder the labels of enum type " + d.name() + ": the model puts '" + earlier
                + "' before '" + later + "'.\n"
                + "  Current labels: " + quoted(currentLabels) + "\n"
                + "  Model labels:   " + quoted(d.labels()) + "\n"
                + "PostgreSQL cannot move an existing enum value; new labels may go anywhere, existing ones keep"
                + " their order. Either:\n"
                + "  (1) keep the labels in their current order in the model, and restrict the column with a CHECK"
                + " constraint where you need to, e.g.\n"
                + "        :check [:raw \"" + column + " in (" + String.join(",", quotedEach(d.labels())) + ")\"]\n"
                + "  (2) write a hand-written migration (strata make-migration --sql --name reorder-"
                + d.name().name().replace('_', '-') + "-labels) that creates a new type with the new order,"
                + " moves the columns onto it (USING " + column + "::text::new_type) and drops the old type.";
    }

    private String columnOfType(QualifiedName type) {
        for (Schema schema : List.of(desired, current)) {
            for (Table t : schema.tables()) {
                for (Column c : t.columns()) {
                    if (type.equals(c.type().userType())) {
                        return c.name();
                    }
                }
            }
        }
        return type.name();
    }

    private static String quoted(List<String> labels) {
        return String.join(", ", quotedEach(labels));
    }

    private static List<String> quotedEach(List<String> labels) {
        return labels.stream().map(l -> "'" + l.replace("'", "''") + "'").toList();
    }

    // ---------------------------------------------------------------- tables

    private void findTableRenames() {
        Set<QualifiedName> have = current.tables().stream().map(Table::name).collect(Collectors.toSet());
        Set<QualifiedName> want = desired.tables().stream().map(Table::name).collect(Collectors.toSet());
        hints.tableRenames().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    QualifiedName to = e.getKey();
                    QualifiedName from = new QualifiedName(to.schema(), e.getValue());
                    // A hint whose rename already happened (or never can) is history, not a change.
                    if (have.contains(from) && !have.contains(to) && want.contains(to) && !want.contains(from)) {
                        tableRenames.put(from, to);
                    }
                });
    }

    private QualifiedName renamedTable(QualifiedName currentName) {
        return tableRenames.getOrDefault(currentName, currentName);
    }

    private String renamedColumn(QualifiedName currentTable, String column) {
        return columnRenames.getOrDefault(renamedTable(currentTable), Map.of()).getOrDefault(column, column);
    }

    private void tables() {
        Map<QualifiedName, Table> have = byName(current.tables(), Table::name);
        Map<QualifiedName, QualifiedName> renamedFrom = new HashMap<>();
        tableRenames.forEach((from, to) -> renamedFrom.put(to, from));
        for (Table d : desired.tables()) {
            Table c = have.get(renamedFrom.getOrDefault(d.name(), d.name()));
            if (c != null) {
                findColumnRenames(c, d);
            }
        }
        inherited = InheritedColumns.check(current, desired, renamedFrom);
        Set<QualifiedName> matched = new HashSet<>();
        List<Table[]> pairs = new ArrayList<>();
        for (Table d : desired.tables()) {
            QualifiedName from = renamedFrom.get(d.name());
            Table c = have.get(from != null ? from : d.name());
            if (c == null) {
                out.add(new CreateTable(withoutForeignKeys(d)));
                for (Constraint.ForeignKey fk : d.constraints(Constraint.ForeignKey.class)) {
                    out.add(new AddConstraint(d.name(), fk));
                }
            } else if (from == null && (TableLineageDiffer.keyChanges(c, d) || TableLineageDiffer.foreignRebuild(c, d))) {
                // PostgreSQL cannot alter a partition key, or make a table foreign or move it to
                // another server: the table is rebuilt when that is safe.
                if (TableLineageDiffer.foreignRebuild(c, d)) {
                    TableLineageDiffer.checkForeignRebuild(c, d, current);
                } else {
                    TableLineageDiffer.checkRebuild(c, d, current);
                }
                matched.add(c.name());
                for (Constraint.ForeignKey fk : c.constraints(Constraint.ForeignKey.class)) {
                    out.add(new DropConstraint(c.name(), fk));
                }
                out.add(new DropTable(withoutForeignKeys(c)));
                out.add(new CreateTable(withoutForeignKeys(d)));
                for (Constraint.ForeignKey fk : d.constraints(Constraint.ForeignKey.class)) {
                    out.add(new AddConstraint(d.name(), fk));
                }
            } else {
                matched.add(c.name());
                if (from != null) {
                    out.add(new RenameTable(from, d.name()));
                }
                pairs.add(new Table[] {TableLineageDiffer.effective(c, current, d),
                        TableLineageDiffer.effective(d, desired, c)});
            }
        }
        for (Table[] pair : pairs) {
            alterTable(pair[0], pair[1]);
        }
        for (Table[] pair : pairs) {
            recreateForeignKeysOnDroppedKeys(pair[0], pair[1]);
        }
        for (Table c : current.tables()) {
            if (!matched.contains(c.name())) {
                for (Constraint.ForeignKey fk : c.constraints(Constraint.ForeignKey.class)) {
                    out.add(new DropConstraint(c.name(), fk));
                }
                out.add(new DropTable(withoutForeignKeys(c)));
            }
        }
        DerivedColumnDiffer.diff(current, desired, renamedFrom, out);
    }

    private void findColumnRenames(Table c, Table d) {
        Map<String, String> renames = new HashMap<>();
        for (Column dc : d.columns()) {
            String old = hints.columnRenames().get(new Hints.ColumnKey(d.name(), dc.name()));
            if (old != null && c.column(old).isPresent() && c.column(dc.name()).isEmpty()
                    && d.column(old).isEmpty()) {
                renames.put(old, dc.name());
            }
        }
        if (!renames.isEmpty()) {
            columnRenames.put(d.name(), renames);
        }
    }

    private void alterTable(Table c, Table d) {
        Map<String, String> renames = columnRenames.getOrDefault(d.name(), Map.of());
        Map<String, String> renamedFrom = new HashMap<>();
        renames.forEach((from, to) -> renamedFrom.put(to, from));
        Set<String> matched = new HashSet<>();
        for (Column dc : d.columns()) {
            String from = renamedFrom.get(dc.name());
            Column cc = c.column(from != null ? from : dc.name()).orElse(null);
            if (cc == null) {
                Column inheritedOnly = inherited.becomesLocal(d.name(), dc.name());
                if (inheritedOnly == null) {
                    out.add(new AddColumn(d.name(), dc));
                    continue;
                }
                // Its parents drop it with ONLY, which leaves it to this child as its own.
                cc = inheritedOnly;
            }
            matched.add(cc.name());
            if (from != null) {
                out.add(new RenameColumn(d.name(), from, dc.name()));
            }
            if (c.unlogged() != d.unlogged() && cc.identitySequence() != null && dc.identitySequence() != null) {
                // The table's SET LOGGED / UNLOGGED sets its identity sequences' persistence (AlterTable).
                cc = cc.withSettings(cc.identitySequence().withPersistence(dc.identitySequence().persistence()),
                        cc.statistics(), cc.storage(), cc.compression(), cc.options());
            }
            alterColumn(c.name(), d.name(), withName(cc, dc.name()), dc);
        }
        for (Column cc : c.columns()) {
            if (!matched.contains(cc.name())) {
                out.add(new DropColumn(d.name(), cc, inherited.onlyDrop(c.name(), cc.name())));
                affect(c.name(), cc.name());
            }
        }

        diffConstraints(c, d);

        diffIndexes(c.name(), c.indexes(), d.indexes());

        if (c.rowLevelSecurity() && !d.rowLevelSecurity()) {
            out.add(new DisableRowLevelSecurity(c.name()));
        } else if (!c.rowLevelSecurity() && d.rowLevelSecurity()) {
            out.add(new EnableRowLevelSecurity(d.name()));
        }
        if (!Objects.equals(c.comment(), d.comment())) {
            out.add(new CommentOnTable(d.name(), c.comment(), d.comment(), d.isForeign()));
        }
        EnumSet<TableChange> options = EnumSet.noneOf(TableChange.class);
        if (c.unlogged() != d.unlogged()) {
            options.add(TableChange.PERSISTENCE);
        }
        if (!c.storage().equals(d.storage())) {
            options.add(TableChange.STORAGE);
        }
        if (c.isForeign() && d.isForeign() && !c.foreign().options().equals(d.foreign().options())) {
            options.add(TableChange.FOREIGN_OPTIONS);
        }
        if (!Objects.equals(c.accessMethod(), d.accessMethod())) {
            if (serverMajor < 15) {
                throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change the access method of table "
                        + d.name() + " from " + (c.accessMethod() == null ? "heap" : c.accessMethod()) + " to "
                        + (d.accessMethod() == null ? "heap" : d.accessMethod()) + ".\n"
                        + "  ALTER TABLE ... SET ACCESS METHOD needs PostgreSQL 15 or newer, and this server is "
                        + serverMajor + ".\n"
                        + "Either:\n  - create a new table with the access method and copy the rows into it, or\n"
                        + "  - upgrade the server first.");
            }
            options.add(TableChange.ACCESS_METHOD);
        }
        if (c.forceRowLevelSecurity() != d.forceRowLevelSecurity()) {
            options.add(TableChange.FORCE_ROW_LEVEL_SECURITY);
        }
        options.addAll(TableLineageDiffer.changes(c, d));
        if (!options.isEmpty()) {
            Table from = new Table(d.name(), c.columns(), c.constraints(), c.indexes(), c.rowLevelSecurity(),
                    c.comment(), c.unlogged(), c.storage(), c.forceRowLevelSecurity(), c.replicaIdentity(),
                    c.replicaIdentityIndex(), c.clusterOn(), c.lineage(), c.accessMethod(), c.foreign());
            if (options.contains(TableChange.PARTITION) && c.lineage().isPartition() && d.lineage().isPartition()) {
                // A moved bound is a DETACH and an ATTACH in two changes: every partition that moves is
                // detached before any is attached again, so neighbours never overlap on the way.
                Table detached = from.withLineage(TableLineageDiffer.detached(c.lineage()));
                out.add(new AlterTable(from, detached, EnumSet.of(TableChange.PARTITION)));
                from = detached;
            }
            out.add(new AlterTable(from, d, options));
        }
        out.addAll(TableSettings.alters(c, d));
    }

    /**
     * Constraints are matched by name first. A desired constraint whose name the current table lacks
     * takes an unmatched current constraint of the same definition (options that change in place
     * aside): that is a rename. The rest are dropped and added.
     */
    private void diffConstraints(Table c, Table d) {
        Map<String, Constraint> wanted = byName(d.constraints(), Constraint::name);
        Set<String> had = new HashSet<>();
        List<Constraint> unmatched = new ArrayList<>();
        for (Constraint cc : c.constraints()) {
            had.add(cc.name());
            Constraint dc = wanted.get(cc.name());
            if (dc == null) {
                unmatched.add(cc);
            } else {
                alterConstraint(c.name(), d.name(), cc, dc);
            }
        }
        for (Constraint dc : d.constraints()) {
            if (had.contains(dc.name())) {
                continue;
            }
            Constraint same = null;
            for (Constraint cc : unmatched) {
                if (inPlace(normalized(c.name(), cc).withName(dc.name())).equals(inPlace(dc))) {
                    same = cc;
                    break;
                }
            }
            if (same == null) {
                out.add(new AddConstraint(d.name(), dc));
                continue;
            }
            unmatched.remove(same);
            Constraint from = normalized(c.name(), same);
            RenameConstraint rename = new RenameConstraint(d.name(), from, from.withName(dc.name()));
            out.add(rename);
            renamedConstraints.put(List.of(c.name(), same.name()), rename);
            alterConstraint(c.name(), d.name(), same.withName(dc.name()), dc);
        }
        for (Constraint cc : unmatched) {
            dropConstraint(c.name(), cc);
        }
    }

    /**
     * A constraint kept under its name: unchanged, changed in place ({@link AlterConstraint}), or
     * dropped and added. A live constraint that is valid where the model says NOT VALID is left as
     * it is: PostgreSQL cannot mark a constraint NOT VALID again, and a valid one satisfies more.
     */
    private void alterConstraint(QualifiedName currentTable, QualifiedName table, Constraint cc, Constraint dc) {
        Constraint from = normalized(currentTable, cc);
        if (from.equals(dc)) {
            return;
        }
        if (!inPlace(from).equals(inPlace(dc))) {
            dropConstraint(currentTable, cc);
            out.add(new AddConstraint(table, dc));
            return;
        }
        if (!Objects.equals(from.comment(), dc.comment())) {
            out.add(new CommentOn(CommentTarget.of(table, dc), from.comment(), dc.comment()));
        }
        EnumSet<ConstraintChange> changes = EnumSet.noneOf(ConstraintChange.class);
        if (from instanceof Constraint.ForeignKey f && dc instanceof Constraint.ForeignKey t
                && (f.deferrable() != t.deferrable() || f.initiallyDeferred() != t.initiallyDeferred())) {
            changes.add(ConstraintChange.DEFERRABILITY);
        }
        if (notValid(from) && !notValid(dc)) {
            changes.add(ConstraintChange.VALIDATE);
        }
        if (!indexStorage(from).equals(indexStorage(dc))) {
            changes.add(ConstraintChange.INDEX_STORAGE);
        }
        if (!changes.isEmpty()) {
            out.add(new AlterConstraint(table, from, dc, changes));
        }
    }

    private static boolean notValid(Constraint c) {
        return c instanceof Constraint.Check check && check.notValid()
                || c instanceof Constraint.ForeignKey fk && fk.notValid();
    }

    /** The storage parameters of the index behind a primary key or unique constraint, else none. */
    private static Map<String, String> indexStorage(Constraint c) {
        return c instanceof Constraint.PrimaryKey pk ? pk.storage()
                : c instanceof Constraint.Unique u ? u.storage() : Map.of();
    }

    /** The constraint without what changes in place ({@link AlterConstraint}, NOT VALID, the comment). */
    private static Constraint inPlace(Constraint c) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return pk.withIndexOptions(pk.include(), null).withComment(null);
        } else if (c instanceof Constraint.Unique u) {
            return u.withIndexOptions(u.include(), null).withComment(null);
        } else if (c instanceof Constraint.Check check) {
            return new Constraint.Check(check.name(), check.expression(), check.noInherit(), false);
        } else if (c instanceof Constraint.ForeignKey fk) {
            return new Constraint.ForeignKey(fk.name(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(),
                    fk.onUpdate(), false, false, fk.match(), false, fk.deleteSetColumns(), null);
        }
        return c.withComment(null);
    }

    private void dropConstraint(QualifiedName table, Constraint constraint) {
        out.add(new DropConstraint(table, constraint));
        droppedConstraints.add(List.of(table, constraint.name()));
        if (constraint instanceof Constraint.PrimaryKey pk) {
            droppedKeys.add(List.of(table, pk.columns()));
        } else if (constraint instanceof Constraint.Unique unique) {
            droppedKeys.add(List.of(table, unique.columns()));
        }
    }

    /**
     * A foreign key that stays the same still blocks the drop of the key it references: when that
     * key is dropped (to be recreated differently), the foreign key is dropped before and added after.
     */
    private void recreateForeignKeysOnDroppedKeys(Table c, Table d) {
        Map<String, Constraint> wantConstraints = byName(d.constraints(), Constraint::name);
        for (Constraint.ForeignKey fk : c.constraints(Constraint.ForeignKey.class)) {
            if (droppedConstraints.contains(List.of(c.name(), fk.name()))) {
                continue;
            }
            if (droppedKeys.contains(List.of(fk.refTable(), fk.refColumns()))) {
                Constraint want = wantConstraints.get(fk.name());
                RenameConstraint rename = renamedConstraints.get(List.of(c.name(), fk.name()));
                if (rename != null) {
                    // The drop runs before renames: drop it under its old name, add it under the new one.
                    want = wantConstraints.get(rename.to().name());
                    out.removeIf(x -> x.equals(rename) || x instanceof AlterConstraint a && a.table().equals(d.name())
                            && a.to().name().equals(rename.to().name())
                            || x instanceof CommentOn co && co.target().kind() == CommentTarget.Kind.CONSTRAINT
                            && d.name().equals(co.target().table()) && co.target().name().name().equals(rename.to().name()));
                }
                out.add(new DropConstraint(c.name(), fk));
                out.add(new AddConstraint(d.name(), want));
            }
        }
    }

    private void diffIndexes(QualifiedName currentTable, List<Index> have, List<Index> want) {
        Map<String, Index> wanted = byName(want, Index::name);
        Set<String> had = new HashSet<>();
        for (Index ci : have) {
            had.add(ci.name());
            Index di = wanted.get(ci.name());
            Index normalized = ci.onTable(renamedTable(ci.table()));
            if (di != null && normalized.sameDefinition(di)) {
                EnumSet<IndexChange> changes = EnumSet.noneOf(IndexChange.class);
                if (!normalized.storage().equals(di.storage())) {
                    changes.add(IndexChange.STORAGE);
                }
                if (!Objects.equals(normalized.comment(), di.comment())) {
                    changes.add(IndexChange.COMMENT);
                }
                if (!changes.isEmpty()) {
                    out.add(new AlterIndex(normalized, di, changes));
                }
            } else {
                out.add(new DropIndex(ci));
                if (ci.unique() && ci.where() == null) {
                    droppedKeys.add(List.of(currentTable, ci.keys().stream().map(Differ::unquote).toList()));
                }
                if (di != null) {
                    out.add(new CreateIndex(di));
                }
            }
        }
        for (Index di : want) {
            if (!had.contains(di.name())) {
                out.add(new CreateIndex(di));
            }
        }
    }

    /** The column a key names, its options (opclass, COLLATE, DESC, NULLS) left aside. */
    private static String unquote(String key) {
        IndexKeyParts parts = IndexKeyParts.parse(key);
        if (parts != null && parts.column() != null) {
            return parts.column();
        }
        return key.startsWith("\"") && key.endsWith("\"") && key.length() > 1
                ? key.substring(1, key.length() - 1).replace("\"\"", "\"") : key;
    }

    private void alterColumn(QualifiedName currentTable, QualifiedName table, Column from, Column to) {
        if (from.defaultExpr() != null && from.defaultExpr().equals(to.defaultExpr())
                && droppedFunctions().stream().anyMatch(f -> calls(from.defaultExpr(), f))) {
            // PostgreSQL refuses to drop a function a default calls: the default goes before the
            // function is dropped and comes back once it is created again.
            Column bare = new Column(from.name(), from.type(), from.notNull(), null, from.identity(), from.generatedExpr(),
                    from.collation(), from.comment()).withSettingsOf(from);
            out.add(new AlterColumn(table, from, bare, EnumSet.of(ColumnChange.DEFAULT), null));
            out.add(new AlterColumn(table, withName(bare, to.name()), withDefault(to, from.defaultExpr()),
                    EnumSet.of(ColumnChange.DEFAULT), null));
        }
        boolean newExpression = from.generatedExpr() != null && to.generatedExpr() != null
                && !from.generatedExpr().equals(to.generatedExpr());
        if (from.generatedExpr() == null && to.generatedExpr() != null || newExpression && serverMajor < 17) {
            // PostgreSQL cannot turn a plain column into a generated one in place, and before 17
            // it cannot change a generation expression (no SET EXPRESSION).
            out.add(new DropColumn(table, from));
            out.add(new AddColumn(table, to));
            affect(currentTable, to.name());
            return;
        }
        EnumSet<ColumnChange> changes = EnumSet.noneOf(ColumnChange.class);
        if (!from.type().equals(to.type())) {
            changes.add(ColumnChange.TYPE);
        }
        if (from.notNull() != to.notNull()) {
            changes.add(ColumnChange.NOT_NULL);
        }
        if (!Objects.equals(from.defaultExpr(), to.defaultExpr())) {
            changes.add(ColumnChange.DEFAULT);
        }
        if (from.identity() != to.identity()) {
            changes.add(ColumnChange.IDENTITY);
        }
        if (!Objects.equals(from.generatedExpr(), to.generatedExpr())) {
            changes.add(ColumnChange.GENERATED);
        }
        if (!Objects.equals(from.collation(), to.collation())) {
            changes.add(ColumnChange.COLLATION);
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            changes.add(ColumnChange.COMMENT);
        }
        changes.addAll(ColumnSettings.changes(currentTable, table, from, to));
        if (changes.isEmpty()) {
            return;
        }
        String using = null;
        if (changes.contains(ColumnChange.TYPE)) {
            using = hints.usingExpressions().get(new Hints.ColumnKey(table, to.name()));
        }
        if (changes.contains(ColumnChange.TYPE) || changes.contains(ColumnChange.COLLATION)) {
            affect(currentTable, to.name());
        }
        out.add(new AlterColumn(table, from, to, changes, using));
    }

    private void affect(QualifiedName currentTable, String column) {
        affectedTables.add(currentTable);
        affectedColumns.computeIfAbsent(currentTable, k -> new HashSet<>()).add(column);
    }

    /**
     * Whether SQL text names an identifier: as a whole word, spelled as PostgreSQL prints it
     * (quoted when it must be); unquoted names fold to lower case, so their case does not matter.
     * A false match only costs an object dropped and created again.
     */
    static boolean mentions(String sql, String name) {
        if (sql == null) {
            return false;
        }
        return Identifiers.wordPattern(name).matcher(sql).find();
    }

    /** A current constraint with renamed tables and columns put in, for comparison with the desired one. */
    private Constraint normalized(QualifiedName table, Constraint c) {
        return renamedIn(table, c).withComment(c.comment());
    }

    private Constraint renamedIn(QualifiedName table, Constraint c) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return new Constraint.PrimaryKey(pk.name(), columns(table, pk.columns()), pk.deferrable(),
                    pk.initiallyDeferred(), columns(table, pk.include()), pk.storage());
        } else if (c instanceof Constraint.Unique u) {
            return new Constraint.Unique(u.name(), columns(table, u.columns()), u.nullsNotDistinct(), u.deferrable(),
                    u.initiallyDeferred(), columns(table, u.include()), u.storage());
        } else if (c instanceof Constraint.ForeignKey fk) {
            return new Constraint.ForeignKey(fk.name(), columns(table, fk.columns()), renamedTable(fk.refTable()),
                    columns(fk.refTable(), fk.refColumns()), fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                    fk.initiallyDeferred(), fk.match(), fk.notValid(), columns(table, fk.deleteSetColumns()));
        } else if (c instanceof Constraint.Check || c instanceof Constraint.Exclusion) {
            return c;
        }
        throw new IllegalStateException("unsupported constraint " + c);
    }

    private List<String> columns(QualifiedName currentTable, List<String> names) {
        return names.stream().map(n -> renamedColumn(currentTable, n)).toList();
    }

    private static Column withDefault(Column c, String defaultExpr) {
        return new Column(c.name(), c.type(), c.notNull(), defaultExpr, c.identity(), c.generatedExpr(), c.collation(),
                c.comment()).withSettingsOf(c);
    }

    private static Column withName(Column c, String name) {
        return name.equals(c.name()) ? c
                : new Column(name, c.type(), c.notNull(), c.defaultExpr(), c.identity(), c.generatedExpr(),
                        c.collation(), c.comment()).withSettingsOf(c);
    }

    private static Table withoutForeignKeys(Table t) {
        return new Table(t.name(), t.columns(),
                t.constraints().stream().filter(c -> !(c instanceof Constraint.ForeignKey)).toList(),
                t.indexes(), t.rowLevelSecurity(), t.comment(), t.unlogged(), t.storage(), t.forceRowLevelSecurity(),
                t.replicaIdentity(), t.replicaIdentityIndex(), t.clusterOn(), t.lineage(), t.accessMethod(), t.foreign());
    }

    // ---------------------------------------------------------------- sequences

    private void sequences() {
        Map<QualifiedName, Sequence> have = byName(current.sequences(), Sequence::name);
        Map<QualifiedName, Sequence> want = byName(desired.sequences(), Sequence::name);
        for (Sequence d : desired.sequences()) {
            Sequence c = have.get(d.name());
            if (c == null) {
                // The owner is attached once its table and column exist (see AlterSequence).
                out.add(new CreateSequence(withOwner(d, null)));
                if (d.ownedBy() != null) {
                    out.add(new AlterSequence(withOwner(d, null), d, EnumSet.of(SequenceChange.OWNED_BY)));
                }
                continue;
            }
            Sequence from = withOwner(c, renamedOwner(c.ownedBy()));
            EnumSet<SequenceChange> changes = EnumSet.noneOf(SequenceChange.class);
            if (!Objects.equals(from.dataType(), d.dataType())) {
                changes.add(SequenceChange.TYPE);
            }
            if (from.increment() != d.increment()) {
                changes.add(SequenceChange.INCREMENT);
            }
            if (from.minValue() != d.minValue()) {
                changes.add(SequenceChange.MIN_VALUE);
            }
            if (from.maxValue() != d.maxValue()) {
                changes.add(SequenceChange.MAX_VALUE);
            }
            if (from.start() != d.start()) {
                changes.add(SequenceChange.START);
            }
            if (from.cache() != d.cache()) {
                changes.add(SequenceChange.CACHE);
            }
            if (from.cycle() != d.cycle()) {
                changes.add(SequenceChange.CYCLE);
            }
            if (!Objects.equals(from.ownedBy(), d.ownedBy())) {
                changes.add(SequenceChange.OWNED_BY);
            }
            if (from.unlogged() != d.unlogged()) {
                changes.add(SequenceChange.UNLOGGED);
            }
            if (!Objects.equals(from.comment(), d.comment())) {
                changes.add(SequenceChange.COMMENT);
            }
            if (!changes.isEmpty()) {
                out.add(new AlterSequence(from, d, changes));
            }
        }
        for (Sequence c : current.sequences()) {
            if (!want.containsKey(c.name())) {
                // Detached first, so that dropping its table or column does not drop it on the way.
                if (c.ownedBy() != null) {
                    out.add(new AlterSequence(c, withOwner(c, null), EnumSet.of(SequenceChange.OWNED_BY)));
                }
                out.add(new DropSequence(withOwner(c, null)));
            }
        }
    }

    private String renamedOwner(String ownedBy) {
        SequenceOwner owner = SequenceOwner.parse(ownedBy);
        if (owner == null) {
            return null;
        }
        SequenceOwner renamed = new SequenceOwner(renamedTable(owner.table()),
                renamedColumn(owner.table(), owner.column()));
        return renamed.equals(owner) ? ownedBy : renamed.ownedBy();
    }

    private static Sequence withOwner(Sequence s, String ownedBy) {
        return new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.minValue(), s.maxValue(),
                s.cache(), s.cycle(), ownedBy, s.comment(), s.unlogged());
    }

    // ---------------------------------------------------------------- views

    private void views() {
        Map<QualifiedName, View> want = byName(desired.views(), View::name);
        Set<QualifiedName> recreate = new HashSet<>();
        // A table that goes (replaced by a view of the same name, say) takes the views reading it along.
        Set<QualifiedName> desiredTables = new HashSet<>();
        desired.tables().forEach(t -> desiredTables.add(t.name()));
        Set<QualifiedName> droppedTables = new HashSet<>();
        current.tables().stream().map(Table::name)
                .filter(n -> !desiredTables.contains(n) && !tableRenames.containsKey(n)).forEach(droppedTables::add);
        for (View c : current.views()) {
            View d = want.get(c.name());
            if (d == null || d.materialized() != c.materialized() || !d.definition().equals(c.definition())
                    || c.dependsOn().stream().anyMatch(affectedTables::contains)
                    || c.dependsOn().stream().anyMatch(droppedTables::contains)
                    || droppedFunctions().stream().anyMatch(f -> calls(c.definition(), f))) {
                recreate.add(c.name());
            }
        }
        // A view that reads a view being dropped must go too (PostgreSQL refuses otherwise).
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View c : current.views()) {
                if (!recreate.contains(c.name()) && c.dependsOn().stream().anyMatch(recreate::contains)) {
                    recreate.add(c.name());
                    grew = true;
                }
            }
        }
        Set<QualifiedName> have = new HashSet<>();
        for (View c : current.views()) {
            have.add(c.name());
            View d = want.get(c.name());
            if (recreate.contains(c.name())) {
                droppedViews.add(c.name());
                out.add(new DropView(c));
                if (d != null) {
                    out.add(new CreateView(d));
                }
            } else {
                diffIndexes(c.name(), c.indexes(), d.indexes());
                if (!Objects.equals(c.comment(), d.comment())) {
                    out.add(new CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
                }
            }
        }
        for (View d : desired.views()) {
            if (!have.contains(d.name())) {
                out.add(new CreateView(d));
            }
        }
    }

    // ---------------------------------------------------------------- functions and triggers

    /**
     * The names of the functions this diff drops, for good or to create them again (a changed
     * signature): PostgreSQL refuses to drop a function a view calls, so such views are dropped
     * before and created after.
     */
    private Set<String> droppedFunctions() {
        if (droppedFunctionNames == null) {
            Map<String, Function> want = byName(desired.functions(), Differ::functionKey);
            droppedFunctionNames = new HashSet<>();
            for (Function c : current.functions()) {
                Function d = want.get(functionKey(c));
                if (d == null || (!d.definition().equals(c.definition()) || d.procedure() != c.procedure())
                        && !replaceable(c, d)) {
                    droppedFunctionNames.add(c.name().name());
                }
            }
            // PostgreSQL refuses to drop a function an aggregate uses: the aggregate goes too.
            Set<String> supports = Set.copyOf(droppedFunctionNames);
            for (Function c : current.functions()) {
                if (c.isAggregate() && AggregateSupport.names(c.aggregate()).stream().anyMatch(supports::contains)) {
                    droppedFunctionNames.add(c.name().name());
                }
            }
        }
        return droppedFunctionNames;
    }

    /** Whether SQL calls a function of that name: the name as a whole word followed by {@code (}. */
    private static boolean calls(String sql, String function) {
        return Identifiers.callPattern(function).matcher(sql).find();
    }

    private void functions() {
        Map<String, Function> want = byName(desired.functions(), Differ::functionKey);
        Set<String> have = new HashSet<>();
        Set<String> recreated = new HashSet<>();
        for (Function c : current.functions()) {
            have.add(functionKey(c));
            Function d = want.get(functionKey(c));
            if (d == null) {
                out.add(new DropFunction(c));
                recreated.add(c.name().name());
            } else if (!d.definition().equals(c.definition()) || d.procedure() != c.procedure()
                    || c.isAggregate() && droppedFunctions().contains(c.name().name())) {
                if (replaceable(c, d)) {
                    out.add(new ReplaceFunction(c, d));
                    commentOn(c, d);
                } else {
                    out.add(new DropFunction(c));
                    out.add(new CreateFunction(d));
                    recreated.add(c.name().name());
                }
            } else {
                commentOn(c, d);
            }
        }
        for (Function d : desired.functions()) {
            if (!have.contains(functionKey(d))) {
                out.add(new CreateFunction(d));
            }
        }
        triggers(recreated);
    }

    private void commentOn(Function c, Function d) {
        if (!Objects.equals(c.comment(), d.comment())) {
            out.add(new CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
        }
    }

    private static String functionKey(Function f) {
        return f.name() + "(" + (f.arguments() == null ? "" : f.arguments()) + ")";
    }

    /**
     * CREATE OR REPLACE keeps the identity arguments, and PostgreSQL also refuses it when the
     * result type, parameter names or defaults change: those show in the header and RETURNS lines.
     */
    private static boolean replaceable(Function c, Function d) {
        return c.procedure() == d.procedure() && !c.isAggregate() && !d.isAggregate()
                && firstLine(c.definition()).equals(firstLine(d.definition()))
                && returns(c.definition()).equals(returns(d.definition()));
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }

    private static String returns(String sql) {
        Matcher m = RETURNS.matcher(sql);
        return m.find() ? m.group(1).strip() : "";
    }

    private void triggers(Set<String> droppedFunctions) {
        Map<List<Object>, Trigger> want = new LinkedHashMap<>();
        for (Trigger d : desired.triggers()) {
            want.put(List.of(d.table(), d.name(), d.isRule()), d);
        }
        Set<List<Object>> have = new HashSet<>();
        for (Trigger c : current.triggers()) {
            List<Object> key = List.of(renamedTable(c.table()), c.name(), c.isRule());
            have.add(key);
            Trigger d = want.get(key);
            // PostgreSQL refuses to change the type of (or drop) a column a trigger names in its
            // UPDATE OF list or WHEN condition: such a trigger is dropped before and created after.
            if (d == null || !d.definition().equals(c.definition()) || d.enablement() != c.enablement()
                    || droppedFunctions.contains(triggerFunction(c)) || droppedViews.contains(c.table())
                    || affectedColumns.getOrDefault(c.table(), Set.of()).stream()
                            .anyMatch(column -> mentions(c.definition(), column))
                    || c.isRule() && ruleMeetsChange(c)) {
                out.add(new DropTrigger(c));
                if (d != null) {
                    out.add(new CreateTrigger(d));
                }
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
            }
        }
        for (Trigger d : desired.triggers()) {
            if (!have.contains(List.of(d.table(), d.name(), d.isRule()))) {
                out.add(new CreateTrigger(d));
            }
        }
    }

    /**
     * Whether a rule's action names a view that is dropped or a column of another table whose type
     * changes or that is dropped: PostgreSQL refuses both while the rule stands, so it is dropped
     * before and created after.
     */
    private boolean ruleMeetsChange(Trigger rule) {
        for (QualifiedName view : droppedViews) {
            if (mentions(rule.definition(), view.name())) {
                return true;
            }
        }
        for (Map.Entry<QualifiedName, Set<String>> e : affectedColumns.entrySet()) {
            if (mentions(rule.definition(), e.getKey().name())
                    && e.getValue().stream().anyMatch(column -> mentions(rule.definition(), column))) {
                return true;
            }
        }
        return false;
    }

    /** The name of the function a trigger executes, or {@code null} when it cannot be read. */
    public static String triggerFunction(Trigger trigger) {
        Matcher m = TRIGGER_FUNCTION.matcher(trigger.definition());
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    // ---------------------------------------------------------------- policies

    private void policies() {
        Map<List<Object>, Policy> want = new LinkedHashMap<>();
        for (Policy d : desired.policies()) {
            want.put(List.of(d.table(), d.name()), d);
        }
        Set<List<Object>> have = new HashSet<>();
        for (Policy c : current.policies()) {
            List<Object> key = List.of(renamedTable(c.table()), c.name());
            have.add(key);
            Policy d = want.get(key);
            // PostgreSQL refuses to change the type of a column a policy uses: recreate the policy.
            if (d == null || !d.definition().equals(c.definition()) || affectedTables.contains(c.table())) {
                out.add(new DropPolicy(c));
                if (d != null) {
                    out.add(new CreatePolicy(d));
                }
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
            }
        }
        for (Policy d : desired.policies()) {
            if (!have.contains(List.of(d.table(), d.name()))) {
                out.add(new CreatePolicy(d));
            }
        }
    }

    // ---------------------------------------------------------------- extended statistics

    /**
     * Extended statistics: created, dropped, or dropped and created again when their table, kinds
     * or keys change. PostgreSQL drops one silently with any of its columns and refuses to drop a
     * function its expressions call, so one that uses a column whose type changes or that is
     * dropped, or a function that is dropped, is dropped before and created after too. The
     * target and the comment are altered in place.
     */
    private void statistics() {
        Map<QualifiedName, dev.strata.model.Statistics> want = byName(desired.statistics(),
                dev.strata.model.Statistics::name);
        Set<QualifiedName> have = new HashSet<>();
        Set<String> dropped = droppedFunctions();
        for (dev.strata.model.Statistics c : current.statistics()) {
            have.add(c.name());
            dev.strata.model.Statistics d = want.get(c.name());
            Set<String> affected = affectedColumns.getOrDefault(c.table(), Set.of());
            boolean rebuilt = c.columns().stream().anyMatch(col -> affected.contains(renamedColumn(c.table(), col))
                            || affected.contains(col))
                    || dropped.stream().anyMatch(fn -> calls(c.keys(), fn));
            if (d == null || !c.onTable(renamedTable(c.table())).sameDefinition(d) || rebuilt) {
                out.add(new Change.DropStatistics(c));
                if (d != null) {
                    out.add(new Change.CreateStatistics(d));
                }
                continue;
            }
            if (!Objects.equals(c.target(), d.target())) {
                out.add(new Change.AlterStatistics(d, c.target(), d.target()));
            }
            if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
            }
        }
        for (dev.strata.model.Statistics d : desired.statistics()) {
            if (!have.contains(d.name())) {
                out.add(new Change.CreateStatistics(d));
            }
        }
    }

    private static <K, T> Map<K, T> byName(List<T> items, java.util.function.Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }
}
