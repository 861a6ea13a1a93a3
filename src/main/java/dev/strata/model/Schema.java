package dev.strata.model;

import java.util.List;

/**
 * Schema represents every object Strata manages in one PostgreSQL schema. The EDN loader and the
 * catalog reader both produce it; lists are kept in a stable order (by name) so that two schemas
 * with the same objects are equal.
 */
public record Schema(
        List<Extension> extensions,
        List<EnumType> enums,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Function> functions,
        List<Trigger> triggers,
        List<Policy> policies) {

    public Schema {
        extensions = List.copyOf(extensions);
        enums = List.copyOf(enums);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        functions = List.copyOf(functions);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
    }

    public static Schema empty() {
        return new Schema(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public java.util.Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().name().equals(name)).findFirst();
    }

    public java.util.Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().name().equals(name)).findFirst();
    }
}
