package dev.strata.props;

import dev.strata.model.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * SchemaArbitraries represents the jqwik generators of random PostgreSQL schemas
 * ({@link #schemas()}) and of schema pairs where the second is the first after random edits
 * ({@link #pairs()}). A schema is built deterministically from a seed, a table count and a set of
 * object families, so jqwik shrinks a failure to fewer tables, fewer families and fewer edits.
 */
public final class SchemaArbitraries {
    static final int MAX_TABLES = 5;
    static final int MAX_EDITS = 8;

    private SchemaArbitraries() {
    }

    /** Random valid schemas. */
    public static Arbitrary<Schema> schemas() {
        return Combinators.combine(seeds(), tableCounts(), features()).as(SchemaGen::build).map(Blueprint::toSchema);
    }

    /** Random pairs (A, B) with B derived from A by one to {@value #MAX_EDITS} edits. */
    public static Arbitrary<SchemaPair> pairs() {
        return pairs(KnownGaps.NONE);
    }

    /** Random pairs that avoid the given engine gaps. */
    static Arbitrary<SchemaPair> pairs(KnownGaps gaps) {
        return Combinators.combine(seeds(), tableCounts(), features(), seeds(),
                        Arbitraries.integers().between(1, MAX_EDITS))
                .as((seed, tables, features, editSeed, edits) -> pair(seed, tables, features, editSeed, edits, gaps));
    }

    static SchemaPair pair(long seed, int tables, Features features, long editSeed, int edits, KnownGaps gaps) {
        Features allowed = gaps.collation() ? features.withoutCollation() : features;
        Blueprint a = SchemaGen.build(seed, tables, allowed);
        SchemaEdits.Result b = SchemaEdits.derive(a, allowed, editSeed, edits, gaps);
        return new SchemaPair(a.toSchema(), b.blueprint().toSchema(), b.log());
    }

    private static Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static Arbitrary<Integer> tableCounts() {
        return Arbitraries.integers().between(1, MAX_TABLES);
    }

    /** Each family on four times in five, shrinking towards off. */
    static Arbitrary<Features> features() {
        return Arbitraries.integers().between(0, 4).map(i -> i > 0).list().ofSize(Features.COUNT).map(Features::of);
    }
}
