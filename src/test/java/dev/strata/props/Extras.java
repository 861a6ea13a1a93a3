package dev.strata.props;

import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.DerivedColumn;
import dev.strata.model.Domain;
import dev.strata.model.Function;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.TableLineage;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Extras represents a fixed group of objects the random blueprints add now and then, each in a
 * variant the edits change: a domain with a named CHECK, default and NOT NULL used by a column;
 * an inheritance parent with two children, one with a column of its own and options of its own on
 * an inherited column ({@code :column-options}); a procedure; a view with options
 * (security_barrier, security_invoker, check option); a materialized view WITH NO DATA or WITH
 * DATA; a trigger with its enablement and a deferrable constraint trigger.
 *
 * @param domain   0 to 2: the domain's check bound, default and NOT NULL
 * @param child    options of {@code zz_dog} on the inherited {@code name}
 * @param parentDefault the parent's default on {@code name} (PostgreSQL's SET DEFAULT recurses)
 * @param procedure the procedure's body variant
 * @param viewOptions 0: none, 1: security_barrier, 2: security_invoker, 3: WITH LOCAL CHECK OPTION
 * @param populated the materialized view WITH DATA
 * @param enablement the trigger's enablement
 * @param constraintTrigger whether the constraint trigger is there
 * @param statistics 0: no extended statistics on the parent, 1: on (id, name), 2: dependencies on (name, legs)
 *                   with a target, 3: the same with a comment and all kinds
 */
record Extras(int domain, DerivedColumn child, String parentDefault, int procedure, int viewOptions, boolean populated,
              Trigger.Enablement enablement, boolean constraintTrigger, int statistics) {
    static final String PARENT = "zz_animal";
    static final List<String> NAMES = List.of("zz_legs", PARENT, "zz_dog", "zz_cat", "zz_feed", "zz_animals",
            "zz_counts", "zz_touch");

    static Extras random(Random r) {
        Trigger.Enablement[] e = Trigger.Enablement.values();
        return new Extras(r.nextInt(3), childOptions(r), r.nextBoolean() ? "'rex'::text" : null, r.nextInt(3),
                r.nextInt(4), r.nextBoolean(), e[r.nextInt(e.length)], r.nextBoolean(), r.nextInt(4));
    }

    /** This group with one part changed. */
    Extras edit(Random r) {
        Trigger.Enablement[] e = Trigger.Enablement.values();
        if (r.nextInt(8) == 7) {
            return new Extras(domain, child, parentDefault, procedure, viewOptions, populated, enablement,
                    constraintTrigger, (statistics + 1 + r.nextInt(3)) % 4);
        }
        return switch (r.nextInt(7)) {
            case 0 -> new Extras((domain + 1) % 3, child, parentDefault, procedure, viewOptions, populated, enablement,
                    constraintTrigger, statistics);
            case 1 -> new Extras(domain, childOptions(r), parentDefault, procedure, viewOptions, populated, enablement,
                    constraintTrigger, statistics);
            case 2 -> new Extras(domain, child, parentDefault == null ? "'felix'::text" : null, procedure, viewOptions,
                    populated, enablement, constraintTrigger, statistics);
            case 3 -> new Extras(domain, child, parentDefault, (procedure + 1) % 3, viewOptions, populated, enablement,
                    constraintTrigger, statistics);
            case 4 -> new Extras(domain, child, parentDefault, procedure, (viewOptions + 1) % 4, !populated, enablement,
                    constraintTrigger, statistics);
            case 5 -> new Extras(domain, child, parentDefault, procedure, viewOptions, populated, e[r.nextInt(e.length)],
                    constraintTrigger, statistics);
            default -> new Extras(domain, child, parentDefault, procedure, viewOptions, populated, enablement,
                    !constraintTrigger, statistics);
        };
    }

    private static DerivedColumn childOptions(Random r) {
        int d = r.nextInt(4);
        return new DerivedColumn(r.nextInt(3) == 0, d == 1 ? "'fido'::text" : null, d == 2,
                r.nextInt(3) == 0 ? "the dog's name" : null);
    }

    /** {@code schema} with this group's objects added. */
    Schema addTo(Schema schema) {
        QualifiedName legs = QualifiedName.of("zz_legs");
        Domain d = new Domain(legs, ColumnType.builtin("integer"), null, domain == 2, domain == 0 ? null : Integer.toString(domain * 2),
                List.of(new Domain.Check("zz_legs_range", "CHECK (VALUE >= 0 AND VALUE <= " + (8 + domain) + ")", false)),
                domain == 1 ? "legs, counted" : null);
        QualifiedName parent = QualifiedName.of(PARENT);
        Table animal = new Table(parent, List.of(
                new Column("id", ColumnType.builtin("integer"), true, null, null, null, null, null),
                new Column("name", ColumnType.builtin("text"), false, parentDefault, null, null, null, null),
                new Column("legs", new ColumnType("zz_legs", legs), false, null, null, null, null, null)),
                List.of(new Constraint.PrimaryKey(PARENT + "_pkey", List.of("id"), false, false)), List.of(), false, null);
        DerivedColumn own = child;
        if (own.noDefault() && parentDefault == null || own.defaultExpr() != null && own.defaultExpr().equals(parentDefault)) {
            own = new DerivedColumn(own.notNull(), null, false, own.comment());
        }
        Table dog = new Table(QualifiedName.of("zz_dog"), List.of(
                new Column("breed", ColumnType.builtin("text"), false, null, null, null, null, null)), List.of(), List.of(),
                false, null).withLineage(new TableLineage(null, null, null, List.of(parent), null)
                .withColumnOptions(Map.of("name", own)));
        Table cat = new Table(QualifiedName.of("zz_cat"), List.of(), List.of(), List.of(), false, null)
                .withLineage(new TableLineage(null, null, null, List.of(parent), null));
        String withOptions = switch (viewOptions) {
            case 1 -> " WITH (security_barrier)";
            case 2 -> " WITH (security_invoker=true)";
            default -> "";
        };
        View animals = new View(QualifiedName.of("zz_animals"), false, "CREATE VIEW zz_animals" + withOptions
                + " AS SELECT id, name FROM zz_animal WHERE legs IS NOT NULL" + (viewOptions == 3 ? " WITH LOCAL CHECK OPTION" : ""),
                null, List.of(), List.of(parent));
        View counts = new View(QualifiedName.of("zz_counts"), true, "CREATE MATERIALIZED VIEW zz_counts AS SELECT legs, count(*) AS n"
                + " FROM zz_animal GROUP BY legs" + (populated ? "" : " WITH NO DATA"), null, List.of(), List.of(parent));
        Function feed = new Function(QualifiedName.of("zz_feed"), null, false,
                "CREATE PROCEDURE zz_feed(n integer) LANGUAGE sql AS $$UPDATE zz_animal SET legs = legs WHERE id = n + "
                        + procedure + "$$", null);
        Function touch = new Function(QualifiedName.of("zz_touch"), null, false,
                "CREATE FUNCTION zz_touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NEW;\nEND\n$$", null);
        List<Trigger> triggers = new ArrayList<>(schema.triggers());
        triggers.add(new Trigger("zz_touch_row", parent, "CREATE TRIGGER zz_touch_row BEFORE UPDATE ON zz_animal FOR EACH ROW"
                + " EXECUTE FUNCTION zz_touch()", null, enablement));
        if (constraintTrigger) {
            triggers.add(new Trigger("zz_check_later", parent, "CREATE CONSTRAINT TRIGGER zz_check_later AFTER INSERT ON"
                    + " zz_animal DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zz_touch()", null));
        }
        Schema out = new Schema(schema.extensions(), schema.enums(), schema.sequences(),
                sorted(Stream.concat(schema.tables().stream(), Stream.of(animal, dog, cat)), Comparator.comparing(Table::name)),
                sorted(Stream.concat(schema.views().stream(), Stream.of(animals, counts)), Comparator.comparing(View::name)),
                sorted(Stream.concat(schema.functions().stream(), Stream.of(feed, touch)), Comparator.comparing(Function::name)),
                sorted(triggers.stream(), Comparator.comparing(Trigger::table).thenComparing(Trigger::name)),
                schema.policies());
        List<dev.strata.model.Statistics> stats = switch (statistics) {
            case 1 -> List.of(new dev.strata.model.Statistics(QualifiedName.of("zz_animal_stats"), parent, List.of(),
                    "id, name", List.of(), null, null));
            case 2 -> List.of(new dev.strata.model.Statistics(QualifiedName.of("zz_animal_stats"), parent,
                    List.of("dependencies"), "name, legs", List.of(), 200, null));
            case 3 -> List.of(new dev.strata.model.Statistics(QualifiedName.of("zz_animal_stats"), parent, List.of(),
                    "name, legs", List.of(), 200, "names and legs go together"));
            default -> List.<dev.strata.model.Statistics>of();
        };
        return out.withTypes(sorted(Stream.concat(schema.domains().stream(), Stream.of(d)), Comparator.comparing(Domain::name)),
                schema.compositeTypes()).withStatistics(stats);
    }

    private static <T> List<T> sorted(Stream<T> items, Comparator<T> order) {
        return items.sorted(order).toList();
    }
}
