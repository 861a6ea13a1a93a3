package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.RangeType;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Range types ({@code CREATE TYPE ... AS RANGE}): carried from the model to PostgreSQL and back. */
@WithPostgres
class RangeTypePostgresTest {
    @Test
    void createdUsedChangedAndDropped(DevServer server) throws Exception {
        String a = "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);"
                + "CREATE TYPE textrange1 AS RANGE (subtype = text, collation = \"C\");"
                + "CREATE TABLE booking (id int, during floatrange);";
        String b = "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);"
                + "COMMENT ON TYPE floatrange IS 'hours';"
                + "CREATE TYPE textrange1 AS RANGE (subtype = text);"
                + "CREATE FUNCTION width(r floatrange) RETURNS float8 LANGUAGE sql AS $$SELECT upper(r) - lower(r)$$;"
                + "CREATE TABLE booking (id int, during floatrange, span textrange1);";
        PairCheck.Result r = PairCheck.run(server, a, b, (c, m) -> { });
        RangeType text = r.before().rangeTypes().stream().filter(t -> t.name().name().equals("textrange1")).findFirst()
                .orElseThrow();
        assertEquals("\"C\"", text.collation());
        assertEquals("float8mi", r.before().rangeTypes().get(0).subtypeDiff());
        assertEquals(null, r.before().rangeTypes().get(0).multirange(), "the default multirange name is not read");
        PairCheck.run(server, b, "", (c, m) -> { });
    }

    @Test
    void aRangeTypeInUseIsNotRecreated(DevServer server) throws Exception {
        String a = "CREATE TYPE vr AS RANGE (subtype = varchar, collation = \"C\"); CREATE TABLE t (d vr);";
        String b = "CREATE TYPE vr AS RANGE (subtype = varchar, collation = \"POSIX\"); CREATE TABLE t (d vr);";
        StrataException e = assertThrows(StrataException.class, () -> PairCheck.run(server, a, b, (c, m) -> { }));
        assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
        assertTrue(e.getMessage().contains("PostgreSQL cannot alter a range type") && e.getMessage().contains("column t.d"),
                e.getMessage());
    }

    @Test
    void theModelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:floatrange {:type :range :subtype :double-precision :subtype-diff :float8mi :comment "hours"}
                 :textrange1 {:type :range :subtype :text :collation "C" :multirange-type-name :text-multi}
                 :booking {:fields {:id {:type :integer} :during {:type :floatrange}}}}
                """);
        ModelApply.Result r = ModelApply.run(server, "range_m", root);
        assertEquals(List.of("floatrange", "textrange1"), r.read().rangeTypes().stream().map(t -> t.name().name()).toList());
        assertEquals(List.of(), Differ.diff(r.read(), r.model(), dev.strata.model.Hints.none()).stream()
                .filter(c -> c instanceof Change.CreateRangeType || c instanceof Change.DropRangeType).toList());
        assertEquals(List.of(), r.inspection().unsupported());
        String models = r.file("models.edn");
        assertTrue(models.contains(":type :range") && models.contains(":subtype-diff :float8mi")
                && models.contains(":collation \"C\"") && models.contains(":multirange-type-name :text-multi")
                && models.contains(":type :floatrange"), models);
    }
}
