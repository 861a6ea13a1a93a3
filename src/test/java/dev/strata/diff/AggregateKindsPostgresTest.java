package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Aggregate;
import dev.strata.model.Function;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordered-set, hypothetical-set and moving-mode aggregates, from the model to PostgreSQL and back. */
@WithPostgres
class AggregateKindsPostgresTest {
    private static final String SUPPORT = """
            CREATE FUNCTION os_step(internal, VARIADIC "any") RETURNS internal LANGUAGE internal IMMUTABLE
                AS 'ordered_set_transition_multi';
            CREATE FUNCTION os_rank(internal, VARIADIC "any") RETURNS bigint LANGUAGE internal IMMUTABLE
                AS 'hypothetical_rank_final';
            CREATE FUNCTION pct_step(internal, double precision) RETURNS internal LANGUAGE internal IMMUTABLE
                AS 'ordered_set_transition';
            CREATE FUNCTION pct_final(internal, double precision) RETURNS double precision LANGUAGE internal IMMUTABLE
                AS 'percentile_disc_final';
            """;

    @Test
    void everyKindIsCreatedChangedAndDropped(DevServer server) throws Exception {
        String before = SUPPORT + """
                CREATE AGGREGATE my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (SFUNC = os_step, STYPE = internal,
                    FINALFUNC = os_rank, FINALFUNC_EXTRA, HYPOTHETICAL);
                CREATE AGGREGATE running(integer) (SFUNC = int4pl, STYPE = integer,
                    MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '0');
                """;
        String after = SUPPORT + """
                CREATE AGGREGATE my_median(double precision ORDER BY double precision) (SFUNC = pct_step,
                    STYPE = internal, FINALFUNC = pct_final, FINALFUNC_MODIFY = READ_ONLY);
                CREATE AGGREGATE running(integer) (SFUNC = int4pl, STYPE = integer,
                    MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '1', MSSPACE = 8);
                COMMENT ON AGGREGATE my_median(double precision ORDER BY double precision) IS 'the middle';
                """;
        PairCheck.Result r = PairCheck.run(server, before, after, (c, m) -> { });
        Function median = r.desired().functions().stream().filter(f -> f.name().name().equals("my_median")).findFirst()
                .orElseThrow();
        assertEquals("double precision ORDER BY double precision", median.aggregate().arguments());
        assertEquals("READ_ONLY", median.aggregate().finalfuncModify(), "not the ordered-set default");
        Aggregate running = r.desired().functions().stream().filter(f -> f.name().name().equals("running"))
                .findFirst().orElseThrow().aggregate();
        assertEquals(new Aggregate.Moving("int4pl", "int4mi", "integer", 8, null, false, null, "1"), running.moving());
        assertTrue(r.before().functions().stream().anyMatch(f -> f.isAggregate() && f.aggregate().hypothetical()));
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "functions.edn", """
                {:pct-step {:sql "CREATE FUNCTION pct_step(internal, double precision) RETURNS internal LANGUAGE internal IMMUTABLE AS 'ordered_set_transition'"}
                 :pct-final {:sql "CREATE FUNCTION pct_final(internal, double precision) RETURNS double precision LANGUAGE internal IMMUTABLE AS 'percentile_disc_final'"}
                 :my-median {:type :aggregate :args [:double-precision] :order-by [:double-precision]
                             :sfunc :pct-step :stype "internal" :finalfunc :pct-final :finalfunc-modify :read-only}
                 :running {:type :aggregate :args [:integer] :sfunc :int4pl :stype :integer
                           :msfunc :int4pl :minvfunc :int4mi :mstype :integer :minitcond "0"}}
                """);
        ModelApply.Result r = ModelApply.run(server, "aggk_m", root);
        Schema model = r.model();
        Schema read = r.read();
        assertEquals(List.of("my_median", "pct_final", "pct_step", "running"),
                read.functions().stream().map(f -> f.name().name()).toList());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported(), "aggregates are carried, not reported");
        String functions = inspection.files().get("shared/functions.edn");
        assertTrue(functions.contains(":order-by [\"double precision\"]") && functions.contains(":minvfunc :int4mi")
                && functions.contains(":finalfunc-modify :read-only"), functions);
    }

    @Test
    void partialMovingModeAndLoneHypotheticalAreInvalid(@TempDir Path root) throws Exception {
        ModelApply.write(root, "functions.edn",
                "{:a {:type :aggregate :args [:integer] :sfunc :int4pl :stype :integer :msfunc :int4pl}\n"
                        + " :b {:type :aggregate :args [:integer] :sfunc :int4pl :stype :integer :hypothetical true}}\n");
        StrataException e = org.junit.jupiter.api.Assertions.assertThrows(StrataException.class, () -> ModelLoader.load(root));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("needs :msfunc, :minvfunc and :mstype together (given: :msfunc)")
                && problems.contains(":hypothetical needs :order-by"), problems);
    }
}
