package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Operator;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators ({@code CREATE OPERATOR}), from the model to PostgreSQL and back. */
@WithPostgres
class OperatorPostgresTest {
    private static final String FN = "CREATE FUNCTION both_set(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE"
            + " AS $$ SELECT $1 IS NOT NULL AND $2 IS NOT NULL $$;"
            + "CREATE FUNCTION negate(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT -$1 $$;";

    @Test
    void operatorsWithCommutatorsAndShellsConverge(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, FN,
                FN + "CREATE OPERATOR ||++ (FUNCTION = both_set, LEFTARG = text, RIGHTARG = text,"
                        + " COMMUTATOR = OPERATOR(||+++), NEGATOR = ||+-+, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);"
                        + "CREATE OPERATOR ~~- (FUNCTION = negate, RIGHTARG = integer);"
                        + "COMMENT ON OPERATOR ||++ (text, text) IS 'both set';",
                (c, m) -> { });
        assertEquals(List.of("||++(text, text)", "~~-(NONE, integer)"),
                r.desired().operators().stream().map(o -> o.identity().name()).toList(), "shells are not operators");
        Operator op = r.desired().operators().get(0);
        assertEquals("||+++", op.commutator());
        assertEquals("both set", op.comment());
        PairCheck.run(server, FN + "CREATE OPERATOR ||++ (FUNCTION = both_set, LEFTARG = text, RIGHTARG = text, HASHES);",
                FN + "CREATE OPERATOR ||++ (FUNCTION = both_set, LEFTARG = text, RIGHTARG = text, MERGES);"
                        + "COMMENT ON OPERATOR ||++ (text, text) IS 'merges';", (c, m) -> { });
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "functions.edn", "{:both-set {:sql \"CREATE FUNCTION both_set(text, text)"
                + " RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 IS NOT NULL AND $2 IS NOT NULL $$\"}}\n");
        ModelApply.write(root, "models.edn", "{:both {:type :operator :name \"||++\" :left :text :right :text"
                + " :function :both-set :commutator \"||++\" :restrict :eqsel :comment \"both\"}}\n");
        ModelApply.Result r = ModelApply.run(server, "op_m", root);
        Schema model = r.model();
        Schema read = r.read();
        assertEquals(model.operators(), read.operators());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported());
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":type :operator") && models.contains(":name \"||++\"")
                && models.contains(":function :both-set"), models);
    }

    @Test
    void badOperatorsAreInvalidModels(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", "{:a {:type :operator :name \"plus\" :right :integer :function :f}\n"
                + " :b {:type :operator :name \"+++\" :right :integer :commutator 5}}\n");
        StrataException e = assertThrows(StrataException.class, () -> ModelLoader.load(root));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("bad operator :name \"plus\"") && problems.contains("operator has no :function")
                && problems.contains("bad :commutator 5"), problems);
    }
}
