package dev.strata.props;

import dev.strata.props.Blueprint.CheckSpec;
import dev.strata.props.Blueprint.ColumnSpec;
import dev.strata.props.Blueprint.EnumSpec;
import dev.strata.props.Blueprint.FunctionKind;
import dev.strata.props.Blueprint.ExclusionSpec;
import dev.strata.props.Blueprint.FkSpec;
import dev.strata.props.Blueprint.FunctionSpec;
import dev.strata.props.Blueprint.KeySpec;
import dev.strata.props.Blueprint.SequenceSpec;
import dev.strata.props.Blueprint.TableSpec;
import dev.strata.props.Blueprint.ViewSpec;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SchemaEdits represents the random edits that derive schema B from schema A: columns added,
 * dropped and altered (compatible type changes, nullability, defaults, collation, comments), tables,
 * constraints and indexes added and dropped, enum labels inserted at random places (never removed),
 * view and function bodies changed, triggers, policies and sequences added and dropped, table and
 * index options (UNLOGGED, storage parameters, FORCE ROW LEVEL SECURITY, index comments) changed. Each edit
 * keeps the blueprint valid: what used a dropped object goes with it.
 */
final class SchemaEdits {
    private static final int KINDS = 21;

    private final Blueprint bp;
    private final SchemaGen gen;
    private final Features features;
    private final KnownGaps gaps;
    private final List<String> log = new ArrayList<>();

    private SchemaEdits(Blueprint bp, Features features, KnownGaps gaps) {
        this.bp = bp;
        this.gaps = gaps;
        this.gen = new SchemaGen(bp, features);
        this.features = features;
    }

    /** B: a copy of {@code a} with {@code count} random edits, and what was done. */
    static Result derive(Blueprint a, Features features, long seed, int count, KnownGaps gaps) {
        SchemaEdits edits = new SchemaEdits(a.copy(), features, gaps);
        if (gaps.nameReuse()) {
            edits.bp.retiredNames.addAll(a.usedNames());
        }
        for (int i = 0; i < count; i++) {
            Random r = SchemaGen.stream(seed, 100, i);
            edits.apply(r, r.nextInt(KINDS));
        }
        return new Result(edits.bp, List.copyOf(edits.log));
    }

    /** The edited blueprint and one line per edit that changed something. */
    record Result(Blueprint blueprint, List<String> log) {
    }

    private void apply(Random r, int kind) {
        switch (kind) {
            case 0: addColumn(r); break;
            case 1: dropColumn(r); break;
            case 2: changeType(r); break;
            case 3: toggleNotNull(r); break;
            case 4: changeDefault(r); break;
            case 5: addTable(r); break;
            case 6: dropTable(r); break;
            case 7: addConstraint(r); break;
            case 8: dropConstraint(r); break;
            case 9: addIndex(r); break;
            case 10: dropIndex(r); break;
            case 11: enumEdit(r); break;
            case 12: viewEdit(r); break;
            case 13: functionEdit(r); break;
            case 14: triggerEdit(r); break;
            case 15: policyEdit(r); break;
            case 16: commentEdit(r); break;
            case 17: collationEdit(r); break;
            case 18: sequenceEdit(r); break;
            case 19: constraintEdit(r); break;
            case 20: storageEdit(r); break;
            default: throw new IllegalStateException("unsupported edit " + kind);
        }
    }

    /** A table's options anew, or one index's fillfactor and comment. */
    private void storageEdit(Random r) {
        TableSpec t = anyTable(r);
        if (t == null || !features.storage()) {
            return;
        }
        if (r.nextInt(4) == 0) {
            // The partitioned table comes or goes, a bound moves, the DEFAULT partition comes or goes.
            int k = r.nextInt(7);
            if (k >= 5) {
                // The group of domain, inheritance, procedure, view-option and trigger objects comes, goes or changes.
                bp.extras = bp.extras == null ? Extras.random(r) : r.nextInt(4) == 0 ? null : bp.extras.edit(r);
                log.add("extras " + bp.extras);
                return;
            }
            if (k == 0) {
                bp.partitionSplit = bp.partitionSplit == null ? 100 : null;
            } else if (k == 1 && bp.partitionSplit != null) {
                bp.partitionSplit = 50 + 50 * r.nextInt(10);
            } else if (k == 2) {
                // The parent's default on note moves: PostgreSQL's SET DEFAULT recurses into the partitions.
                bp.noteDefault = SchemaGen.noteDefault(r);
            } else if (k == 3) {
                bp.loNote = SchemaGen.partitionNote(r);
                bp.hiNote = r.nextBoolean() ? bp.hiNote : SchemaGen.partitionNote(r);
            } else {
                bp.defaultPartition = !bp.defaultPartition;
            }
            log.add("partitions split=" + bp.partitionSplit + " default=" + bp.defaultPartition + " note="
                    + bp.noteDefault + " lo=" + bp.loNote + " hi=" + bp.hiNote);
            return;
        }
        if (!t.indexes.isEmpty() && r.nextBoolean()) {
            Blueprint.IndexSpec i = any(r, t.indexes);
            Integer fillfactor = i.method().equals("gin") || r.nextInt(3) == 0 ? null : 50 + 10 * r.nextInt(5);
            String comment = !features.comments() || r.nextInt(3) == 0 ? null : "now " + r.nextInt(100);
            t.indexes.set(t.indexes.indexOf(i), i.withOptions(fillfactor, comment));
            log.add("index options " + i.name() + " fillfactor=" + fillfactor + " comment=" + comment);
            return;
        }
        gen.tableOptions(r, t);
        log.add("table options " + t.name + (t.unlogged ? " unlogged" : "") + " fillfactor=" + t.fillfactor
                + (t.autovacuumOff ? " autovacuum off" : "") + (t.forceRowLevelSecurity ? " force rls" : ""));
    }

    private TableSpec anyTable(Random r) {
        return bp.tables.isEmpty() ? null : bp.tables.get(r.nextInt(bp.tables.size()));
    }

    private static <T> T any(Random r, List<T> list) {
        return list.isEmpty() ? null : list.get(r.nextInt(list.size()));
    }

    private void addColumn(Random r) {
        TableSpec t = anyTable(r);
        if (t != null) {
            ColumnSpec c = gen.addColumn(r, t);
            log.add("add column " + t.name + "." + c.name + " " + c.type.sql());
        }
    }

    private void dropColumn(Random r) {
        TableSpec t = anyTable(r);
        if (t == null || t.columns.size() < 2) {
            return;
        }
        ColumnSpec c = any(r, t.columns.stream()
                .filter(col -> t.primaryKey == null || !t.primaryKey.columns().contains(col.name))
                .filter(col -> !gaps.generatedSource() || t.columns.stream().noneMatch(o -> col.name.equals(o.generatedFrom)))
                .toList());
        if (c != null) {
            bp.dropColumn(t, c.name);
            log.add("drop column " + t.name + "." + c.name);
        }
    }

    private void changeType(Random r) {
        TableSpec t = anyTable(r);
        if (t == null) {
            return;
        }
        // Columns read by views or policies are allowed now and then: the migration must then
        // drop and re-create those around the ALTER TYPE, which PostgreSQL demands.
        boolean throughDependents = r.nextInt(3) == 0;
        ColumnSpec c = any(r, t.plainColumns()
                .filter(col -> !col.type.compatible().isEmpty())
                .filter(col -> !bp.keyColumn(t, col.name))
                .filter(col -> t.columns.stream().noneMatch(o -> col.name.equals(o.generatedFrom)))
                .filter(col -> bp.views.stream().noneMatch(v -> col.name.equals(v.functionColumn())
                        && v.source().equals(t.name)))
                .filter(col -> throughDependents || !bp.typeLocked(t, col))
                .filter(col -> !gaps.triggerColumnType() || bp.triggers.stream()
                        .noneMatch(g -> g.table().equals(t.name) && col.name.equals(g.ofColumn())))
                .toList());
        if (c == null) {
            return;
        }
        Ty from = c.type;
        c.type = any(r, from.compatible());
        if (c.defaultExpr != null) {
            c.defaultExpr = c.type.randomDefault(r, bp.labels(c.type));
        }
        c.collateC = c.collateC && c.type.string();
        log.add("change type " + t.name + "." + c.name + " " + from.sql() + " -> " + c.type.sql());
    }

    private void toggleNotNull(Random r) {
        TableSpec t = anyTable(r);
        if (t == null) {
            return;
        }
        ColumnSpec c = any(r, t.columns.stream()
                .filter(col -> col.identity == null)
                .filter(col -> t.primaryKey == null || !t.primaryKey.columns().contains(col.name)).toList());
        if (c != null) {
            c.notNull = !c.notNull;
            log.add((c.notNull ? "set not null " : "drop not null ") + t.name + "." + c.name);
        }
    }

    private void changeDefault(Random r) {
        TableSpec t = anyTable(r);
        if (t == null) {
            return;
        }
        ColumnSpec c = any(r, t.plainColumns().toList());
        if (c == null) {
            return;
        }
        String before = c.defaultExpr;
        c.defaultExpr = c.defaultExpr != null && r.nextInt(3) == 0 ? null : c.type.randomDefault(r, bp.labels(c.type));
        log.add("default " + t.name + "." + c.name + " " + before + " -> " + c.defaultExpr);
    }

    private void addTable(Random r) {
        TableSpec t = gen.addTable(r);
        if (features.foreignKeys() && r.nextBoolean()) {
            gen.addForeignKey(r, t);
        }
        if (features.foreignKeys() && r.nextBoolean()) {
            gen.addForeignKey(r, anyTable(r));
        }
        log.add("add table " + t.name);
    }

    private void dropTable(Random r) {
        TableSpec t = anyTable(r);
        if (t != null && bp.tables.size() > 1) {
            bp.dropTable(t.name);
            log.add("drop table " + t.name);
        }
    }

    private void addConstraint(Random r) {
        TableSpec t = anyTable(r);
        if (t == null) {
            return;
        }
        int k = r.nextInt(3);
        if (k == 0 && features.foreignKeys()) {
            gen.addForeignKey(r, t);
            log.add("add foreign key on " + t.name);
        } else if (k == 1 && features.uniques()) {
            gen.addUnique(r, t);
            log.add("add unique on " + t.name);
        } else if (features.checks()) {
            gen.addCheck(r, t);
            log.add("add check on " + t.name);
        }
    }

    private void dropConstraint(Random r) {
        TableSpec t = anyTable(r);
        if (t == null) {
            return;
        }
        int k = r.nextInt(4);
        List<?> list = k == 0 ? t.foreignKeys : k == 1 ? t.uniques : k == 2 ? t.checks : t.exclusions;
        if (!list.isEmpty()) {
            Object removed = list.remove(r.nextInt(list.size()));
            log.add("drop constraint on " + t.name + ": " + removed);
        }
    }

    /**
     * A constraint renamed (the differ must rename it, not drop and add it), or one of its options
     * switched: a foreign key's DEFERRABLE / MATCH FULL / NOT VALID, a check's NOT VALID / NO INHERIT,
     * a unique's NULLS NOT DISTINCT / DEFERRABLE, an exclusion's DEFERRABLE.
     */
    private void constraintEdit(Random r) {
        TableSpec t = anyTable(r);
        if (t == null) {
            return;
        }
        int k = r.nextInt(6);
        if (k <= 1) {
            String name = bp.nextName(t.name, "renamed");
            int which = r.nextInt(5);
            String old = null;
            if (which == 0 && t.primaryKey != null) {
                old = t.primaryKey.name();
                t.primaryKey = t.primaryKey.withName(name);
            } else if (which == 1 && !t.uniques.isEmpty()) {
                int i = r.nextInt(t.uniques.size());
                old = t.uniques.get(i).name();
                t.uniques.set(i, t.uniques.get(i).withName(name));
            } else if (which == 2 && !t.checks.isEmpty()) {
                int i = r.nextInt(t.checks.size());
                old = t.checks.get(i).name();
                t.checks.set(i, t.checks.get(i).withName(name));
            } else if (which == 3 && !t.foreignKeys.isEmpty()) {
                int i = r.nextInt(t.foreignKeys.size());
                old = t.foreignKeys.get(i).name();
                t.foreignKeys.set(i, t.foreignKeys.get(i).withName(name));
            } else if (which == 4 && !t.exclusions.isEmpty()) {
                int i = r.nextInt(t.exclusions.size());
                old = t.exclusions.get(i).name();
                t.exclusions.set(i, t.exclusions.get(i).withName(name));
            }
            if (old != null) {
                log.add("rename constraint " + old + " to " + name + " on " + t.name);
            }
        } else if (k == 2 && !t.foreignKeys.isEmpty()) {
            int i = r.nextInt(t.foreignKeys.size());
            FkSpec fk = t.foreignKeys.get(i);
            boolean deferrable = !fk.deferrable();
            t.foreignKeys.set(i, fk.withOptions(deferrable, deferrable && r.nextBoolean(),
                    r.nextInt(4) == 0 != fk.matchFull(), r.nextInt(3) == 0 != fk.notValid()));
            log.add("alter constraint options of " + fk.name() + " on " + t.name);
        } else if (k == 3 && !t.checks.isEmpty()) {
            int i = r.nextInt(t.checks.size());
            CheckSpec c = t.checks.get(i);
            boolean flipInherit = r.nextInt(3) == 0;
            t.checks.set(i, new CheckSpec(c.name(), c.columns(), c.noInherit() != flipInherit,
                    flipInherit ? c.notValid() : !c.notValid()));
            log.add("alter constraint options of " + c.name() + " on " + t.name);
        } else if (k == 4 && !t.uniques.isEmpty()) {
            int i = r.nextInt(t.uniques.size());
            KeySpec u = t.uniques.get(i);
            boolean deferrable = r.nextBoolean() != u.deferrable();
            t.uniques.set(i, new KeySpec(u.name(), u.columns(), deferrable, deferrable && r.nextBoolean(),
                    !u.nullsNotDistinct()));
            log.add("alter constraint options of " + u.name() + " on " + t.name);
        } else if (k == 5 && !t.exclusions.isEmpty()) {
            int i = r.nextInt(t.exclusions.size());
            ExclusionSpec x = t.exclusions.get(i);
            boolean deferrable = !x.deferrable();
            t.exclusions.set(i, new ExclusionSpec(x.name(), x.column(), deferrable, deferrable && r.nextBoolean()));
            log.add("alter constraint options of " + x.name() + " on " + t.name);
        }
    }

    private void addIndex(Random r) {
        TableSpec t = anyTable(r);
        if (t != null && features.indexes()) {
            gen.addIndex(r, t);
            log.add("add index on " + t.name);
        }
    }

    private void dropIndex(Random r) {
        TableSpec t = anyTable(r);
        if (t != null && !t.indexes.isEmpty()) {
            log.add("drop index " + t.indexes.remove(r.nextInt(t.indexes.size())).name());
        }
    }

    private void enumEdit(Random r) {
        EnumSpec e = any(r, bp.enums.stream()
                .filter(candidate -> !gaps.enumLabelDependents() || !bp.enumReadByDependents(candidate.name())).toList());
        if (e == null || r.nextInt(5) == 0) {
            if (features.enums()) {
                gen.addEnum(r);
                log.add("add enum " + bp.enums.get(bp.enums.size() - 1).name());
            }
            return;
        }
        String label = Names.fresh(r, Names.ENUM_LABELS, new java.util.HashSet<>(e.labels()), "label ");
        List<String> labels = new ArrayList<>(e.labels());
        int at = r.nextInt(labels.size() + 1);
        labels.add(at, label);
        bp.enums.set(bp.enums.indexOf(e), new EnumSpec(e.name(), labels, e.comment()));
        log.add("enum " + e.name() + " add label '" + label + "' at " + at);
    }

    private void viewEdit(Random r) {
        ViewSpec v = any(r, bp.views);
        int k = r.nextInt(4);
        if (v == null || k == 0) {
            if (features.views()) {
                gen.addView(r);
                log.add("add view");
            }
            return;
        }
        if (k == 1) {
            bp.dropView(v.name());
            log.add("drop view " + v.name());
            return;
        }
        List<String> available = v.sourceIsView()
                ? bp.view(v.source()).orElseThrow().outputColumns()
                : List.copyOf(bp.table(v.source()).orElseThrow().columnNames());
        ViewSpec changed = new ViewSpec(v.name(), v.source(), v.sourceIsView(), SchemaGen.subset(r, available),
                v.sourceIsView() || r.nextBoolean() ? v.whereColumn() : any(r, available),
                v.function(), v.functionColumn(), v.materialized());
        bp.views.set(bp.views.indexOf(v), changed);
        for (ViewSpec dependent : List.copyOf(bp.views)) {
            if (bp.views.contains(dependent) && dependent.sourceIsView() && dependent.source().equals(v.name())
                    && !changed.outputColumns().containsAll(dependent.tableColumns())) {
                bp.dropView(dependent.name());
            }
        }
        log.add("change view " + v.name() + " columns " + v.columns() + " -> " + changed.columns());
    }

    private void functionEdit(Random r) {
        FunctionSpec f = any(r, bp.functions);
        int k = r.nextInt(4);
        if (f == null || k == 0) {
            if (features.functions()) {
                FunctionSpec added = gen.addFunction(r, r.nextBoolean() ? FunctionKind.SQL_INTEGER : FunctionKind.PLPGSQL_TEXT);
                log.add("add function " + added.name());
            }
            return;
        }
        if (k == 1) {
            bp.dropFunction(f.name());
            log.add("drop function " + f.name());
            return;
        }
        int variant = f.variant() + 1 + r.nextInt(3);
        bp.functions.set(bp.functions.indexOf(f), new FunctionSpec(f.name(), f.kind(), variant));
        log.add("change function body " + f.name() + " variant " + f.variant() + " -> " + variant);
    }

    private void triggerEdit(Random r) {
        if (!bp.triggers.isEmpty() && r.nextBoolean()) {
            log.add("drop trigger " + bp.triggers.remove(r.nextInt(bp.triggers.size())).name());
        } else if (features.triggers()) {
            if (bp.functions.stream().noneMatch(f -> f.kind() == FunctionKind.TRIGGER)) {
                gen.addFunction(r, FunctionKind.TRIGGER);
            }
            gen.addTrigger(r);
            log.add("add trigger");
        }
    }

    private void policyEdit(Random r) {
        if (!bp.policies.isEmpty() && r.nextBoolean()) {
            log.add("drop policy " + bp.policies.remove(r.nextInt(bp.policies.size())).name());
        } else if (features.policies()) {
            gen.addPolicy(r);
            log.add("add policy");
        }
    }

    private void commentEdit(Random r) {
        TableSpec t = anyTable(r);
        if (t == null || !features.comments()) {
            return;
        }
        List<String> objects = bp.commentable();
        if (!objects.isEmpty() && r.nextInt(3) == 0) {
            String key = objects.get(r.nextInt(objects.size()));
            String comment = bp.objectComments.get(key);
            comment = comment == null ? "now on " + key : r.nextBoolean() ? null : comment + " (changed)";
            if (comment == null) {
                bp.objectComments.remove(key);
            } else {
                bp.objectComments.put(key, comment);
            }
            log.add("comment " + key + " -> " + comment);
        } else if (r.nextBoolean()) {
            t.comment = t.comment == null ? "now with a comment" : r.nextBoolean() ? null : t.comment + " (changed)";
            log.add("table comment " + t.name + " -> " + t.comment);
        } else {
            ColumnSpec c = any(r, t.columns);
            c.comment = c.comment == null ? "what " + c.name + " holds" : r.nextBoolean() ? null : "changed";
            log.add("column comment " + t.name + "." + c.name + " -> " + c.comment);
        }
    }

    private void collationEdit(Random r) {
        TableSpec t = anyTable(r);
        if (t == null || !features.collation()) {
            return;
        }
        ColumnSpec c = any(r, t.plainColumns().filter(col -> col.type.string())
                .filter(col -> !bp.keyColumn(t, col.name) && !bp.typeLocked(t, col)).toList());
        if (c != null) {
            c.collateC = !c.collateC;
            log.add("collation " + t.name + "." + c.name + (c.collateC ? " -> C" : " -> default"));
        }
    }

    private void sequenceEdit(Random r) {
        SequenceSpec s = any(r, bp.sequences);
        if (s == null) {
            if (features.sequences()) {
                gen.addSequence(r);
                log.add("add sequence");
            }
            return;
        }
        String use = "nextval(" + Identifiers.literal(Identifiers.quote(s.name()));
        boolean used = bp.tables.stream().flatMap(t -> t.columns.stream())
                .anyMatch(c -> c.defaultExpr != null && c.defaultExpr.startsWith(use));
        if (!used && r.nextBoolean()) {
            bp.sequences.remove(s);
            log.add("drop sequence " + s.name());
            return;
        }
        String type = r.nextBoolean() ? s.dataType() : List.of("bigint", "integer", "smallint").get(r.nextInt(3));
        String comment = r.nextBoolean() ? s.comment() : s.comment() == null ? "renumbered" : null;
        SequenceSpec changed = new SequenceSpec(s.name(), type, s.start() + r.nextInt(3),
                s.increment() + Long.signum(s.increment()), s.cache() == 1 ? 5 : 1, !s.cycle(), comment);
        bp.sequences.set(bp.sequences.indexOf(s), changed);
        log.add("alter sequence " + s.name());
    }
}
