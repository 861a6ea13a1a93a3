package dev.strata.props;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.props.Blueprint.CheckSpec;
import dev.strata.props.Blueprint.ColumnSpec;
import dev.strata.props.Blueprint.EnumSpec;
import dev.strata.props.Blueprint.ExclusionSpec;
import dev.strata.props.Blueprint.FkSpec;
import dev.strata.props.Blueprint.FunctionKind;
import dev.strata.props.Blueprint.FunctionSpec;
import dev.strata.props.Blueprint.IndexSpec;
import dev.strata.props.Blueprint.KeySpec;
import dev.strata.props.Blueprint.PolicySpec;
import dev.strata.props.Blueprint.SequenceSpec;
import dev.strata.props.Blueprint.TableSpec;
import dev.strata.props.Blueprint.TriggerSpec;
import dev.strata.props.Blueprint.ViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * SchemaGen represents the building of random, valid blueprints. {@link #build} is deterministic in
 * its arguments; each table and each object family draws from its own random stream, so removing
 * a table or switching a family off (what shrinking does) leaves the rest of the schema as it was.
 */
final class SchemaGen {
    private final Blueprint bp;
    private final Features features;

    SchemaGen(Blueprint bp, Features features) {
        this.bp = bp;
        this.features = features;
    }

    /** A schema of {@code tableCount} tables with the families {@code features} allows. */
    static Blueprint build(long seed, int tableCount, Features features) {
        Blueprint bp = new Blueprint();
        SchemaGen gen = new SchemaGen(bp, features);
        if (features.enums()) {
            Random r = stream(seed, 1, 0);
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                gen.addEnum(stream(seed, 1, i + 1));
            }
        }
        if (features.sequences()) {
            Random r = stream(seed, 2, 0);
            if (r.nextBoolean()) {
                gen.addSequence(r);
            }
        }
        if (features.functions() || features.triggers()) {
            gen.addFunctions(stream(seed, 3, 0));
        }
        for (int i = 0; i < tableCount; i++) {
            gen.addTable(stream(seed, 4, i));
        }
        if (features.foreignKeys()) {
            for (int i = 0; i < bp.tables.size(); i++) {
                Random r = stream(seed, 5, i);
                int n = r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    gen.addForeignKey(r, bp.tables.get(i));
                }
            }
        }
        if (features.views()) {
            Random r = stream(seed, 6, 0);
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                gen.addView(r);
            }
        }
        if (features.triggers()) {
            Random r = stream(seed, 7, 0);
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                gen.addTrigger(r);
            }
        }
        if (features.policies()) {
            Random r = stream(seed, 8, 0);
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                gen.addPolicy(r);
            }
        }
        if (features.comments()) {
            Random r = stream(seed, 9, 0);
            for (String key : bp.commentable()) {
                if (r.nextInt(4) == 0) {
                    bp.objectComments.put(key, r.nextBoolean() ? "about " + key : "it's a \"comment\"");
                }
            }
        }
        return bp;
    }

    static Random stream(long seed, int purpose, int index) {
        // java.util.Random's first draws follow its seed closely; SplittableRandom mixes it first.
        return new Random(new java.util.SplittableRandom(seed ^ purpose * 0x9E3779B97F4A7C15L
                ^ (index + 1) * 0xC2B2AE3D27D4EB4FL).nextLong());
    }

    void addEnum(Random r) {
        String name = Names.fresh(r, Names.RELATIONS, bp.usedNames(), "enum_");
        List<String> pool = new ArrayList<>(Names.ENUM_LABELS);
        java.util.Collections.shuffle(pool, r);
        List<String> labels = pool.subList(0, 2 + r.nextInt(3));
        String comment = features.comments() && r.nextInt(3) == 0 ? "states of " + name + ", it's an enum" : null;
        bp.enums.add(new EnumSpec(name, labels, comment));
    }

    void addSequence(Random r) {
        String name = Names.fresh(r, Names.RELATIONS, bp.usedNames(), "seq_");
        String type = List.of("bigint", "integer", "smallint").get(r.nextInt(3));
        long increment = (1 + r.nextInt(5)) * (r.nextInt(4) == 0 ? -1 : 1);
        String comment = features.comments() && r.nextInt(3) == 0 ? "numbers of " + name + ", it's a sequence" : null;
        bp.sequences.add(new SequenceSpec(name, type, 1 + r.nextInt(100), increment, 1 + r.nextInt(2) * 9,
                r.nextInt(4) == 0, comment));
    }

    void addFunctions(Random r) {
        if (features.functions()) {
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                FunctionKind kind = r.nextBoolean() ? FunctionKind.SQL_INTEGER : FunctionKind.PLPGSQL_TEXT;
                addFunction(r, kind);
            }
            if (r.nextInt(3) == 0) {
                addFunction(r, FunctionKind.AGGREGATE);
            }
        }
        if (features.triggers()) {
            addFunction(r, FunctionKind.TRIGGER);
        }
    }

    FunctionSpec addFunction(Random r, FunctionKind kind) {
        FunctionSpec f = new FunctionSpec(Names.fresh(r, Names.RELATIONS, bp.usedNames(), "fn_"), kind, r.nextInt(5));
        bp.functions.add(f);
        return f;
    }

    TableSpec addTable(Random r) {
        TableSpec t = new TableSpec(Names.fresh(r, Names.RELATIONS, bp.usedNames(), "table_"));
        bp.tables.add(t);
        addPrimaryKey(r, t);
        int extra = 1 + r.nextInt(5);
        for (int i = 0; i < extra; i++) {
            addColumn(r, t);
        }
        if (features.generated() && r.nextInt(3) == 0) {
            addGeneratedColumn(r, t);
        }
        if (features.uniques() && r.nextInt(3) == 0) {
            addUnique(r, t);
        }
        if (features.checks()) {
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                addCheck(r, t);
            }
        }
        if (features.indexes()) {
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                addIndex(r, t);
            }
        }
        if (features.comments() && r.nextInt(3) == 0) {
            t.comment = r.nextBoolean() ? "the " + t.name + " table" : "it's \"quoted\"\nand on two lines";
        }
        if (features.storage()) {
            tableOptions(r, t);
            if (bp.partitionSplit == null && r.nextInt(8) == 0) {
                bp.partitionSplit = 100 + 100 * r.nextInt(5);
                bp.defaultPartition = r.nextBoolean();
                bp.noteDefault = noteDefault(r);
                bp.loNote = partitionNote(r);
                bp.hiNote = partitionNote(r);
            }
            if (bp.extras == null && r.nextInt(10) == 0) {
                bp.extras = Extras.random(r);
            }
        }
        return t;
    }

    /** The partitioned table's default on note: none, or one of two texts. */
    static String noteDefault(Random r) {
        int k = r.nextInt(3);
        return k == 0 ? null : k == 1 ? "'parent'::text" : "'other'::text";
    }

    /** A partition's own options on note: NOT NULL, a default (or none where the parent has one), a comment. */
    static dev.strata.model.DerivedColumn partitionNote(Random r) {
        int d = r.nextInt(4);
        return new dev.strata.model.DerivedColumn(r.nextInt(3) == 0, d == 1 ? "'own'::text" : null, d == 2,
                r.nextInt(3) == 0 ? "own note" : null);
    }

    /** UNLOGGED, a fillfactor, autovacuum off, FORCE ROW LEVEL SECURITY, each now and then. */
    void tableOptions(Random r, TableSpec t) {
        t.unlogged = r.nextInt(4) == 0;
        t.fillfactor = r.nextInt(3) == 0 ? 70 + 5 * r.nextInt(7) : null;
        t.autovacuumOff = r.nextInt(4) == 0;
        t.forceRowLevelSecurity = r.nextInt(4) == 0;
        t.replicaFull = r.nextInt(5) == 0;
        if (!t.columns.isEmpty() && r.nextInt(4) == 0) {
            t.columns.get(0).statistics = 100 + r.nextInt(900);
        }
    }

    /** The index with key options, a fillfactor and a comment, as the features allow. */
    private IndexSpec withKeyOptions(Random r, IndexSpec i) {
        boolean opclass = r.nextInt(3) == 0;
        boolean collateC = features.collation() && r.nextInt(3) == 0;
        Boolean nullsFirst = r.nextInt(3) == 0 ? r.nextBoolean() : null;
        Integer fillfactor = features.storage() && r.nextInt(3) == 0 ? 50 + 10 * r.nextInt(5) : null;
        String comment = features.comments() && r.nextInt(4) == 0 ? "index " + i.name() + ", it's here" : null;
        return new IndexSpec(i.name(), i.unique(), i.method(), i.columns(), i.expression(), i.partial(),
                i.descending(), opclass, collateC, nullsFirst, fillfactor, comment);
    }

    private void addPrimaryKey(Random r, TableSpec t) {
        int shape = r.nextInt(10);
        if (shape == 0) {
            return;
        }
        if (shape <= 2 && features.compositeKeys()) {
            ColumnSpec a = new ColumnSpec("region_id", Ty.of(Ty.Kind.INTEGER));
            ColumnSpec b = new ColumnSpec(r.nextBoolean() ? "code" : "Seq", r.nextBoolean() ? Ty.of(Ty.Kind.TEXT) : Ty.of(Ty.Kind.BIGINT));
            a.notNull = true;
            b.notNull = true;
            t.columns.add(a);
            t.columns.add(b);
            // A composite key is never referenced by a foreign key, so it may be DEFERRABLE.
            boolean deferrable = r.nextInt(4) == 0;
            t.primaryKey = new KeySpec(bp.nextName(t.name, "pk"), List.of(a.name, b.name), deferrable,
                    deferrable && r.nextBoolean(), false);
            return;
        }
        ColumnSpec id = new ColumnSpec("id", Ty.of(Ty.Kind.INTEGER));
        id.notNull = true;
        int kind = r.nextInt(4);
        if (kind == 0 && features.identity()) {
            id.type = Ty.of(r.nextBoolean() ? Ty.Kind.BIGINT : Ty.Kind.INTEGER);
            id.identity = r.nextBoolean() ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
            id.identityStart = r.nextInt(3) == 0 ? 100L + r.nextInt(900) : null;
        } else if (kind == 1) {
            id.type = Ty.of(Ty.Kind.UUID);
            id.defaultExpr = features.defaults() ? "gen_random_uuid()" : null;
        } else if (kind == 2) {
            id.type = Ty.of(Ty.Kind.BIGINT);
        } else if (!bp.sequences.isEmpty() && features.defaults()) {
            id.type = Ty.of(Ty.Kind.BIGINT);
            id.defaultExpr = "nextval(" + dev.strata.sql.Identifiers.literal(
                    dev.strata.sql.Identifiers.quote(bp.sequences.get(0).name())) + "::regclass)";
        }
        t.columns.add(id);
        t.primaryKey = new KeySpec(bp.nextName(t.name, "pkey"), List.of("id"));
    }

    Ty randomType(Random r) {
        int k = r.nextInt(bp.enums.isEmpty() ? 14 : 17);
        switch (k) {
            case 0: return Ty.of(Ty.Kind.SMALLINT);
            case 1: return Ty.of(Ty.Kind.INTEGER);
            case 2: return Ty.of(Ty.Kind.BIGINT);
            case 3: return Ty.numeric(8 + r.nextInt(8), r.nextInt(4));
            case 4: return Ty.of(Ty.Kind.TEXT);
            case 5: return Ty.varchar(10 * (1 + r.nextInt(10)));
            case 6: return Ty.of(Ty.Kind.BOOLEAN);
            case 7: return Ty.of(Ty.Kind.UUID);
            case 8: return Ty.of(Ty.Kind.DATE);
            case 9: return Ty.of(Ty.Kind.TIMESTAMPTZ);
            case 10: return Ty.of(Ty.Kind.JSONB);
            case 11: return Ty.of(Ty.Kind.BYTEA);
            case 12: return Ty.of(Ty.Kind.TEXT_ARRAY);
            case 13: return Ty.of(Ty.Kind.INTEGER_ARRAY);
            default: return Ty.enumOf(bp.enums.get(r.nextInt(bp.enums.size())).name());
        }
    }

    ColumnSpec addColumn(Random r, TableSpec t) {
        ColumnSpec c = new ColumnSpec(Names.fresh(r, Names.COLUMNS, t.columnNames(), "col_"), randomType(r));
        c.notNull = r.nextInt(3) == 0;
        if (features.defaults() && r.nextInt(2) == 0) {
            c.defaultExpr = c.type.randomDefault(r, bp.labels(c.type));
        }
        if (features.collation() && c.type.string() && r.nextInt(3) == 0) {
            c.collateC = true;
        }
        if (features.comments() && r.nextInt(4) == 0) {
            c.comment = r.nextBoolean() ? "column " + c.name : "it's a 'note'";
        }
        if (features.identity() && r.nextInt(12) == 0 && t.columns.stream().noneMatch(o -> o.identity != null)) {
            c.type = Ty.of(Ty.Kind.BIGINT);
            c.identity = Column.Identity.BY_DEFAULT;
            c.defaultExpr = null;
            c.collateC = false;
            c.notNull = true;
        }
        t.columns.add(c);
        return c;
    }

    void addGeneratedColumn(Random r, TableSpec t) {
        List<ColumnSpec> sources = t.plainColumns().filter(c -> c.type.integral() || c.type.string()).toList();
        if (sources.isEmpty()) {
            return;
        }
        ColumnSpec source = sources.get(r.nextInt(sources.size()));
        ColumnSpec c = new ColumnSpec(Names.fresh(r, Names.COLUMNS, t.columnNames(), "gen_"),
                source.type.string() ? Ty.of(Ty.Kind.TEXT) : Ty.of(Ty.Kind.BIGINT));
        c.generatedFrom = source.name;
        t.columns.add(c);
    }

    void addUnique(Random r, TableSpec t) {
        List<String> keys = pickColumns(r, t, 1 + r.nextInt(2), true);
        // PostgreSQL silently skips a UNIQUE that repeats the primary key or another UNIQUE.
        Set<String> keySet = Set.copyOf(keys);
        boolean repeats = t.primaryKey != null && Set.copyOf(t.primaryKey.columns()).equals(keySet)
                || t.uniques.stream().anyMatch(u -> Set.copyOf(u.columns()).equals(keySet));
        if (keys.isEmpty() || repeats) {
            return;
        }
        int options = r.nextInt(8);
        boolean deferrable = options == 1 || options == 2;
        if (r.nextInt(5) == 0 && keys.size() == 1) {
            t.exclusions.add(new ExclusionSpec(bp.nextName(t.name, "excl"), keys.get(0), deferrable, options == 2));
        } else {
            t.uniques.add(new KeySpec(bp.nextName(t.name, "key"), keys, deferrable, options == 2, options >= 3
                    && options <= 4));
        }
    }

    void addCheck(Random r, TableSpec t) {
        List<String> columns = pickColumns(r, t, r.nextInt(4) == 0 ? 2 : 1, false);
        if (!columns.isEmpty()) {
            int options = r.nextInt(8);
            t.checks.add(new CheckSpec(bp.nextName(t.name, "check"), columns, options == 1, options == 2));
        }
    }

    void addIndex(Random r, TableSpec t) {
        int shape = r.nextInt(6);
        if (shape == 0) {
            List<ColumnSpec> gin = t.columns.stream().filter(c -> c.type.gin()).toList();
            if (!gin.isEmpty()) {
                String col = gin.get(r.nextInt(gin.size())).name;
                t.indexes.add(withKeyOptions(r, new IndexSpec(bp.nextName(t.name, "gin"), false, "gin", List.of(col),
                        false, false, false)));
                return;
            }
        }
        if (shape == 1) {
            List<ColumnSpec> expr = t.columns.stream()
                    .filter(c -> c.type.string() || c.type.numericFamily()).toList();
            if (!expr.isEmpty()) {
                String col = expr.get(r.nextInt(expr.size())).name;
                t.indexes.add(withKeyOptions(r, new IndexSpec(bp.nextName(t.name, "expr"), r.nextInt(3) == 0, "btree",
                        List.of(col), true, r.nextBoolean(), false)));
                return;
            }
        }
        List<String> columns = pickColumns(r, t, shape == 2 ? 2 + r.nextInt(2) : 1, true);
        if (columns.isEmpty()) {
            return;
        }
        t.indexes.add(withKeyOptions(r, new IndexSpec(bp.nextName(t.name, "idx"), shape == 3, "btree", columns, false,
                shape == 4 || r.nextInt(5) == 0, shape == 5)));
    }

    void addForeignKey(Random r, TableSpec t) {
        // PostgreSQL refuses a foreign key to a DEFERRABLE key.
        List<TableSpec> targets = bp.tables.stream()
                .filter(o -> o.primaryKey != null && !o.primaryKey.deferrable()).toList();
        if (targets.isEmpty()) {
            return;
        }
        TableSpec target = targets.get(r.nextInt(targets.size()));
        List<String> columns = new ArrayList<>();
        Constraint.Action onDelete = Constraint.Action.values()[r.nextInt(Constraint.Action.values().length)];
        for (String refName : target.primaryKey.columns()) {
            ColumnSpec ref = target.column(refName).orElseThrow();
            String base = target.name.length() > 20 ? target.name.substring(0, 20) : target.name;
            ColumnSpec c = new ColumnSpec(Names.fresh(r, List.of(base + "_" + refName), t.columnNames(),
                    base + "_" + refName + "_"), ref.type);
            c.notNull = onDelete != Constraint.Action.SET_NULL && r.nextInt(3) == 0;
            t.columns.add(c);
            columns.add(c.name);
        }
        Constraint.Action onUpdate = r.nextInt(3) == 0 ? Constraint.Action.CASCADE : Constraint.Action.NO_ACTION;
        boolean deferrable = r.nextInt(6) == 0;
        int options = r.nextInt(6);
        t.foreignKeys.add(new FkSpec(bp.nextName(t.name, "fkey"), columns, target.name, target.primaryKey.columns(),
                onDelete, onUpdate, deferrable, deferrable && r.nextBoolean(), options == 1, options == 2));
        if (features.indexes() && r.nextBoolean()) {
            t.indexes.add(new IndexSpec(bp.nextName(t.name, "fk_idx"), false, "btree", columns, false, false, false));
        }
    }

    void addView(Random r) {
        String name = Names.fresh(r, Names.RELATIONS, bp.usedNames(), "view_");
        List<ViewSpec> overViews = bp.views.stream().filter(v -> !v.materialized() && !v.outputColumns().isEmpty()).toList();
        if (!overViews.isEmpty() && r.nextInt(4) == 0) {
            ViewSpec source = overViews.get(r.nextInt(overViews.size()));
            List<String> columns = subset(r, source.outputColumns());
            bp.views.add(new ViewSpec(name, source.name(), true, columns, null, null, null, false));
            return;
        }
        if (bp.tables.isEmpty()) {
            return;
        }
        TableSpec t = bp.tables.get(r.nextInt(bp.tables.size()));
        List<String> columns = subset(r, List.copyOf(t.columnNames()));
        String where = r.nextBoolean() ? t.columns.get(r.nextInt(t.columns.size())).name : null;
        String function = null;
        String functionColumn = null;
        List<FunctionSpec> sqlFunctions = bp.functions.stream().filter(f -> f.kind() == FunctionKind.SQL_INTEGER).toList();
        List<ColumnSpec> intColumns = t.columns.stream()
                .filter(c -> c.type.kind() == Ty.Kind.INTEGER || c.type.kind() == Ty.Kind.SMALLINT)
                .filter(c -> !t.columnNames().contains(c.name + "_fn"))
                .toList();
        if (!sqlFunctions.isEmpty() && !intColumns.isEmpty() && r.nextBoolean()) {
            function = sqlFunctions.get(r.nextInt(sqlFunctions.size())).name();
            functionColumn = intColumns.get(r.nextInt(intColumns.size())).name;
        }
        bp.views.add(new ViewSpec(name, t.name, false, columns, where, function, functionColumn, r.nextInt(6) == 0));
    }

    void addTrigger(Random r) {
        List<FunctionSpec> fns = bp.functions.stream().filter(f -> f.kind() == FunctionKind.TRIGGER).toList();
        if (fns.isEmpty() || bp.tables.isEmpty()) {
            return;
        }
        TableSpec t = bp.tables.get(r.nextInt(bp.tables.size()));
        boolean row = r.nextInt(4) != 0;
        List<String> events = new ArrayList<>();
        for (String e : List.of("INSERT", "UPDATE", "DELETE")) {
            if (r.nextBoolean()) {
                events.add(e);
            }
        }
        if (events.isEmpty()) {
            events.add("UPDATE");
        }
        String of = events.contains("UPDATE") && r.nextInt(3) == 0
                ? t.columns.get(r.nextInt(t.columns.size())).name : null;
        String name = bp.nextName(r.nextBoolean() ? "trg" : "Trg", "t");
        bp.triggers.add(new TriggerSpec(name, t.name, fns.get(r.nextInt(fns.size())).name(), r.nextBoolean(), row,
                events, of));
    }

    void addPolicy(Random r) {
        if (bp.tables.isEmpty()) {
            return;
        }
        TableSpec t = bp.tables.get(r.nextInt(bp.tables.size()));
        String command = List.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE").get(r.nextInt(5));
        String using = command.equals("INSERT") || r.nextInt(3) == 0 ? null : t.columns.get(r.nextInt(t.columns.size())).name;
        boolean withCheck = command.equals("ALL") || command.equals("INSERT") || command.equals("UPDATE");
        String check = !withCheck || r.nextInt(3) == 0 ? null : t.columns.get(r.nextInt(t.columns.size())).name;
        String name = bp.nextName(r.nextBoolean() ? "pol" : "Policy", "p");
        bp.policies.add(new PolicySpec(name, t.name, command, r.nextInt(4) == 0, using, check));
    }

    /** Up to {@code n} distinct columns, btree-indexable ones only when {@code btree}. */
    private static List<String> pickColumns(Random r, TableSpec t, int n, boolean btree) {
        List<String> candidates = new ArrayList<>(t.columns.stream().filter(c -> !btree || c.type.btree())
                .map(c -> c.name).toList());
        java.util.Collections.shuffle(candidates, r);
        return List.copyOf(candidates.subList(0, Math.min(n, candidates.size())));
    }

    /** A non-empty subset in the original order. */
    static List<String> subset(Random r, List<String> all) {
        List<String> picked = new ArrayList<>();
        for (String s : all) {
            if (r.nextInt(3) != 0) {
                picked.add(s);
            }
        }
        if (picked.isEmpty() && !all.isEmpty()) {
            picked.add(all.get(r.nextInt(all.size())));
        }
        return picked;
    }
}
