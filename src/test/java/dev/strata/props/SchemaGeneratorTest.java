package dev.strata.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.sql.Identifiers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** Checks that the generator reaches every feature it promises, deterministically. */
class SchemaGeneratorTest {
    private static final int SAMPLES = 300;

    private static List<Schema> sample() {
        return java.util.stream.LongStream.range(0, SAMPLES)
                .mapToObj(seed -> SchemaGen.build(seed, 1 + (int) (seed % SchemaArbitraries.MAX_TABLES), Features.all())
                        .toSchema())
                .toList();
    }

    @Test
    void sameArgumentsGiveTheSameSchema() {
        Features f = Features.all();
        assertEquals(SchemaGen.build(42, 4, f).toSchema(), SchemaGen.build(42, 4, f).toSchema());
        assertNotEquals(SchemaGen.build(42, 4, f).toSchema(), SchemaGen.build(43, 4, f).toSchema());
    }

    @Test
    void removingATableKeepsTheOthers() {
        Features f = Features.all();
        Schema three = SchemaGen.build(7, 3, f).toSchema();
        Schema two = SchemaGen.build(7, 2, f).toSchema();
        // Foreign keys are drawn after all tables exist, so compare column names of the tables both share.
        for (Table t : two.tables()) {
            if (t.lineage().isPartition()) {
                continue;
            }
            Table same = three.table(t.name().name()).orElseThrow();
            assertEquals(t.columns().get(0), same.columns().get(0), t.name().toString());
        }
    }

    @Test
    void everyFeatureAppears() {
        List<Schema> schemas = sample();
        Map<String, Predicate<Schema>> features = new HashMap<>();
        for (String type : List.of("smallint", "integer", "bigint", "text", "boolean", "uuid", "date",
                "timestamp with time zone", "jsonb", "bytea", "text[]", "integer[]")) {
            features.put("type " + type, s -> columns(s).stream().anyMatch(c -> c.type().sql().equals(type)));
        }
        features.put("type varchar(n)", s -> columns(s).stream().anyMatch(c -> c.type().sql().startsWith("character varying(")));
        features.put("type numeric(p,s)", s -> columns(s).stream().anyMatch(c -> c.type().sql().startsWith("numeric(")));
        features.put("enum column", s -> columns(s).stream().anyMatch(c -> c.type().userType() != null));
        features.put("enum default", s -> columns(s).stream().anyMatch(c -> c.type().userType() != null && c.defaultExpr() != null));
        features.put("not null", s -> columns(s).stream().anyMatch(c -> c.notNull() && c.identity() == null));
        features.put("default now()", s -> columns(s).stream().anyMatch(c -> "now()".equals(c.defaultExpr())));
        features.put("default gen_random_uuid()", s -> columns(s).stream().anyMatch(c -> "gen_random_uuid()".equals(c.defaultExpr())));
        features.put("default nextval", s -> columns(s).stream().anyMatch(c -> c.defaultExpr() != null && c.defaultExpr().startsWith("nextval(")));
        features.put("identity always", s -> columns(s).stream().anyMatch(c -> c.identity() == Column.Identity.ALWAYS));
        features.put("identity by default", s -> columns(s).stream().anyMatch(c -> c.identity() == Column.Identity.BY_DEFAULT));
        features.put("generated column", s -> columns(s).stream().anyMatch(c -> c.generatedExpr() != null));
        features.put("collation C", s -> columns(s).stream().anyMatch(c -> "\"C\"".equals(c.collation())));
        features.put("column comment", s -> columns(s).stream().anyMatch(c -> c.comment() != null));
        features.put("table comment", s -> s.tables().stream().anyMatch(t -> t.comment() != null));
        features.put("single primary key", s -> constraints(s, Constraint.PrimaryKey.class).stream().anyMatch(k -> k.columns().size() == 1));
        features.put("composite primary key", s -> constraints(s, Constraint.PrimaryKey.class).stream().anyMatch(k -> k.columns().size() == 2));
        features.put("table without primary key", s -> s.tables().stream().anyMatch(t -> t.primaryKey().isEmpty()));
        features.put("unique", s -> !constraints(s, Constraint.Unique.class).isEmpty());
        features.put("check", s -> !constraints(s, Constraint.Check.class).isEmpty());
        features.put("exclusion", s -> !constraints(s, Constraint.Exclusion.class).isEmpty());
        features.put("foreign key", s -> !constraints(s, Constraint.ForeignKey.class).isEmpty());
        features.put("composite foreign key", s -> constraints(s, Constraint.ForeignKey.class).stream().anyMatch(k -> k.columns().size() == 2));
        features.put("self-referencing foreign key", s -> s.tables().stream().anyMatch(t ->
                t.constraints(Constraint.ForeignKey.class).stream().anyMatch(fk -> fk.refTable().equals(t.name()))));
        features.put("foreign-key cycle between tables", SchemaGeneratorTest::hasForeignKeyCycle);
        features.put("deferrable foreign key", s -> constraints(s, Constraint.ForeignKey.class).stream().anyMatch(Constraint.ForeignKey::deferrable));
        for (Constraint.Action action : Constraint.Action.values()) {
            features.put("on delete " + action, s -> constraints(s, Constraint.ForeignKey.class).stream().anyMatch(k -> k.onDelete() == action));
        }
        features.put("unique index", s -> indexes(s).stream().anyMatch(Index::unique));
        features.put("partial index", s -> indexes(s).stream().anyMatch(i -> i.where() != null));
        features.put("expression index", s -> indexes(s).stream().anyMatch(i -> i.keys().stream().anyMatch(k -> k.startsWith("("))));
        features.put("multi-column index", s -> indexes(s).stream().anyMatch(i -> i.keys().size() > 1));
        features.put("descending index", s -> indexes(s).stream().anyMatch(i -> i.keys().stream().anyMatch(k -> k.endsWith(" DESC"))));
        features.put("gin on jsonb", s -> s.tables().stream().anyMatch(t -> t.indexes().stream().anyMatch(i -> i.method().equals("gin")
                && t.column(Identifiers.quote(i.keys().get(0)).equals(i.keys().get(0)) ? i.keys().get(0) : unquote(i.keys().get(0)))
                        .map(c -> c.type().sql().equals("jsonb")).orElse(false))));
        features.put("deferrable primary key", s -> constraints(s, Constraint.PrimaryKey.class).stream()
                .anyMatch(Constraint.PrimaryKey::deferrable));
        features.put("deferrable unique, initially deferred", s -> constraints(s, Constraint.Unique.class).stream()
                .anyMatch(Constraint.Unique::initiallyDeferred));
        features.put("unique NULLS NOT DISTINCT", s -> constraints(s, Constraint.Unique.class).stream()
                .anyMatch(Constraint.Unique::nullsNotDistinct));
        features.put("deferrable exclusion", s -> constraints(s, Constraint.Exclusion.class).stream()
                .anyMatch(Constraint.Exclusion::deferrable));
        features.put("partitioned table", s -> s.tables().stream().anyMatch(t -> t.lineage().isPartitioned()));
        features.put("domain", s -> !s.domains().isEmpty());
        features.put("inheritance child with column options", s -> s.tables().stream()
                .anyMatch(t -> !t.lineage().inherits().isEmpty() && !t.lineage().columnOptions().isEmpty()));
        features.put("procedure", s -> s.functions().stream().anyMatch(f -> f.definition().startsWith("CREATE PROCEDURE")));
        features.put("view with options", s -> s.views().stream().anyMatch(v -> v.definition().contains(" WITH (")
                || v.definition().contains("CHECK OPTION")));
        features.put("materialized view WITH NO DATA", s -> s.views().stream()
                .anyMatch(v -> v.definition().endsWith("WITH NO DATA")));
        features.put("constraint trigger", s -> s.triggers().stream()
                .anyMatch(t -> t.definition().startsWith("CREATE CONSTRAINT TRIGGER")));
        features.put("disabled trigger", s -> s.triggers().stream()
                .anyMatch(t -> t.enablement() == dev.strata.model.Trigger.Enablement.DISABLED));
        features.put("partition column options", s -> s.tables().stream()
                .anyMatch(t -> !t.lineage().columnOptions().isEmpty()));
        features.put("check NO INHERIT", s -> constraints(s, Constraint.Check.class).stream()
                .anyMatch(Constraint.Check::noInherit));
        features.put("check NOT VALID", s -> constraints(s, Constraint.Check.class).stream()
                .anyMatch(Constraint.Check::notValid));
        features.put("foreign key MATCH FULL", s -> constraints(s, Constraint.ForeignKey.class).stream()
                .anyMatch(fk -> fk.match() == Constraint.Match.FULL));
        features.put("foreign key NOT VALID", s -> constraints(s, Constraint.ForeignKey.class).stream()
                .anyMatch(Constraint.ForeignKey::notValid));
        features.put("enum type", s -> !s.enums().isEmpty());
        features.put("enum label needing quotes", s -> s.enums().stream().anyMatch(e -> e.labels().contains("it's")));
        features.put("sequence", s -> !s.sequences().isEmpty());
        features.put("descending sequence", s -> s.sequences().stream().anyMatch(q -> q.increment() < 0));
        features.put("integer sequence", s -> s.sequences().stream().anyMatch(q -> "integer".equals(q.dataType())));
        features.put("sequence comment", s -> s.sequences().stream().anyMatch(q -> q.comment() != null));
        features.put("view", s -> s.views().stream().anyMatch(v -> !v.materialized()));
        features.put("materialized view", s -> s.views().stream().anyMatch(v -> v.materialized()));
        features.put("view over a view", s -> s.views().stream().anyMatch(v -> v.dependsOn().stream()
                .anyMatch(d -> s.views().stream().anyMatch(o -> o.name().equals(d)))));
        features.put("view calling a function", s -> s.views().stream().anyMatch(v -> v.dependsOn().size() > 1));
        features.put("sql function", s -> s.functions().stream().anyMatch(f -> f.definition().contains("LANGUAGE sql")));
        features.put("plpgsql function", s -> s.functions().stream().anyMatch(f -> f.definition().contains("LANGUAGE plpgsql")
                && !f.definition().contains("RETURNS trigger")));
        features.put("trigger function", s -> s.functions().stream().anyMatch(f -> f.definition().contains("RETURNS trigger")));
        features.put("trigger", s -> !s.triggers().isEmpty());
        features.put("trigger UPDATE OF column", s -> s.triggers().stream().anyMatch(t -> t.definition().contains("UPDATE OF")));
        features.put("policy with row level security", s -> !s.policies().isEmpty()
                && s.policies().stream().allMatch(p -> s.table(p.table().name()).orElseThrow().rowLevelSecurity()));
        features.put("restrictive policy", s -> s.policies().stream().anyMatch(p -> p.definition().contains("AS RESTRICTIVE")));
        for (String name : List.of("user", "order", "Mixed")) {
            features.put("table named " + name, s -> s.table(name).isPresent());
            features.put("column named " + name, s -> columns(s).stream().anyMatch(c -> c.name().equals(name)));
        }
        features.put("columns mixed and mixed", s -> s.tables().stream().anyMatch(t -> t.column("Mixed").isPresent() && t.column("mixed").isPresent()));
        features.put("name with a space", s -> s.tables().stream().anyMatch(t -> t.name().name().contains(" ")));

        Set<String> missing = new TreeSet<>();
        features.forEach((name, test) -> {
            if (schemas.stream().noneMatch(test)) {
                missing.add(name);
            }
        });
        assertEquals(Set.of(), missing, "features no generated schema of " + SAMPLES + " had");
    }

    @Test
    void pairsExerciseEveryEdit() {
        Set<String> seen = new HashSet<>();
        int changed = 0;
        for (long seed = 0; seed < SAMPLES; seed++) {
            SchemaPair p = SchemaArbitraries.pair(seed, 3, Features.all(), seed * 31, SchemaArbitraries.MAX_EDITS, KnownGaps.NONE);
            if (!p.a().equals(p.b())) {
                changed++;
            }
            p.edits().forEach(e -> seen.add(e.replaceAll("^((?:add|drop|change|set|enum|alter|table|column)\\s?\\w*).*", "$1")));
        }
        assertTrue(changed > SAMPLES * 9 / 10, "only " + changed + " of " + SAMPLES + " pairs differ");
        Set<String> expected = Set.of("add column", "drop column", "change type", "set not", "drop not", "default",
                "add table", "drop table", "add foreign", "add unique", "add check", "drop constraint", "add index",
                "drop index", "enum", "add enum", "add view", "drop view", "change view", "add function",
                "drop function", "change function", "add trigger", "drop trigger", "add policy", "drop policy",
                "table comment", "column comment", "collation", "add sequence", "alter sequence",
                "rename constraint", "alter constraint");
        Set<String> missing = new TreeSet<>(expected);
        missing.removeIf(e -> seen.stream().anyMatch(s -> s.startsWith(e)));
        assertEquals(Set.of(), missing, "edits never made; seen: " + new TreeSet<>(seen));
    }

    @Test
    void pairsMakeTheDifferRenameAndAlterConstraints() {
        Set<String> kinds = new TreeSet<>();
        for (long seed = 0; seed < SAMPLES; seed++) {
            SchemaPair p = SchemaArbitraries.pair(seed, 3, Features.all(), seed * 31, SchemaArbitraries.MAX_EDITS,
                    KnownGaps.NONE);
            dev.strata.diff.Differ.diff(p.a(), p.b(), dev.strata.model.Hints.none())
                    .forEach(c -> kinds.add(c.getClass().getSimpleName()));
        }
        assertTrue(kinds.containsAll(Set.of("RenameConstraint", "AlterConstraint")), kinds.toString());
    }

    private static String unquote(String key) {
        return key.substring(1, key.length() - 1).replace("\"\"", "\"");
    }

    private static boolean hasForeignKeyCycle(Schema s) {
        DefaultDirectedGraph<QualifiedName, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        s.tables().forEach(t -> g.addVertex(t.name()));
        for (Table t : s.tables()) {
            for (Constraint.ForeignKey fk : t.constraints(Constraint.ForeignKey.class)) {
                if (!fk.refTable().equals(t.name())) {
                    g.addEdge(t.name(), fk.refTable());
                }
            }
        }
        return new CycleDetector<>(g).detectCycles();
    }

    static List<Column> columns(Schema s) {
        return s.tables().stream().flatMap(t -> t.columns().stream()).toList();
    }

    static List<Index> indexes(Schema s) {
        return s.tables().stream().flatMap(t -> t.indexes().stream()).toList();
    }

    static <T extends Constraint> List<T> constraints(Schema s, Class<T> kind) {
        return s.tables().stream().flatMap(t -> t.constraints(kind).stream()).toList();
    }
}
