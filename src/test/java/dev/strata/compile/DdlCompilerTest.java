package dev.strata.compile;

import static dev.strata.compile.SchemaBuilder.col;
import static dev.strata.compile.SchemaBuilder.index;
import static dev.strata.compile.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Schema;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DdlCompilerTest {

    private static List<String> viewNames(Schema schema) {
        return DdlCompiler.orderViews(schema.views()).stream().map(v -> v.name().name()).toList();
    }

    @Test
    void emptySchemaOnlyTurnsOffBodyChecks() {
        assertEquals(List.of("SET check_function_bodies = false"), DdlCompiler.compile(Schema.empty()));
        assertEquals("SET check_function_bodies = false;\n", DdlCompiler.script(Schema.empty()));
    }

    @Test
    void everySectionInItsPlace() {
        Schema schema = new SchemaBuilder()
                .policy("p", "b", "CREATE POLICY p ON b USING (true);")
                .trigger("t", "b", "CREATE TRIGGER t BEFORE UPDATE ON b FOR EACH ROW EXECUTE FUNCTION f()")
                .materializedView("mv", "CREATE MATERIALIZED VIEW mv AS SELECT * FROM v",
                        List.of(index("mv_idx", "mv", "btree", "x")))
                .view("v", "CREATE VIEW v AS SELECT x FROM b")
                .table(table("b")
                        .col(col("x", "integer").comment("the x"))
                        .col(col("a_id", "integer"))
                        .pk("b_pkey", "x")
                        .fk("b_a_fkey", "a_id", "a", "id")
                        .index(index("b_a_idx", "b", "btree", "a_id"))
                        .rowLevelSecurity()
                        .comment("bees"))
                .table(table("a")
                        .col(col("id", "integer").notNull().defaultTo("nextval('a_seq'::regclass)"))
                        .col(col("b_x", "integer"))
                        .pk("a_pkey", "id")
                        .fk("a_b_fkey", "b_x", "b", "x"))
                .sequence("a_seq", 1, false, "a.id")
                .function("f", "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n")
                .enumType("mood", "how it feels", "ok")
                .extension("citext")
                .build();
        assertEquals(List.of(
                "SET check_function_bodies = false",
                "CREATE EXTENSION IF NOT EXISTS citext",
                "CREATE TYPE mood AS ENUM ('ok')",
                "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                "CREATE SEQUENCE a_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807"
                        + " START WITH 1 CACHE 1 NO CYCLE",
                "CREATE TABLE a (\n    id integer DEFAULT nextval('a_seq'::regclass) NOT NULL,\n    b_x integer,\n"
                        + "    CONSTRAINT a_pkey PRIMARY KEY (id)\n)",
                "CREATE TABLE b (\n    x integer,\n    a_id integer,\n    CONSTRAINT b_pkey PRIMARY KEY (x)\n)",
                "CREATE INDEX b_a_idx ON b USING btree (a_id)",
                "ALTER TABLE a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_x) REFERENCES b (x)",
                "ALTER TABLE b ADD CONSTRAINT b_a_fkey FOREIGN KEY (a_id) REFERENCES a (id)",
                "ALTER SEQUENCE a_seq OWNED BY a.id",
                "COMMENT ON TYPE mood IS 'how it feels'",
                "COMMENT ON TABLE b IS 'bees'",
                "COMMENT ON COLUMN b.x IS 'the x'",
                "CREATE VIEW v AS SELECT x FROM b",
                "CREATE MATERIALIZED VIEW mv AS SELECT * FROM v",
                "CREATE INDEX mv_idx ON mv USING btree (x)",
                "CREATE TRIGGER t BEFORE UPDATE ON b FOR EACH ROW EXECUTE FUNCTION f()",
                "ALTER TABLE b ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY p ON b USING (true)"), DdlCompiler.compile(schema));
    }

    @Test
    void scriptJoinsStatementsForPsql() {
        Schema schema = new SchemaBuilder().extension("citext").enumType("mood", null, "a").build();
        assertEquals("SET check_function_bodies = false;\n\nCREATE EXTENSION IF NOT EXISTS citext;\n\n"
                + "CREATE TYPE mood AS ENUM ('a');\n", DdlCompiler.script(schema));
    }

    @Test
    void sequenceOfASerialColumnIsLeftToCreateTable() {
        Schema schema = new SchemaBuilder()
                .table(table("t").col(col("id", "serial")).col(col("n", "BIGSERIAL")).col(col("m", "integer")))
                .sequence("t_id_seq", 1, false, "t.id")
                .sequence("t_n_seq", 1, false, "t.n")
                .sequence("t_m_seq", 1, false, "t.m")
                .build();
        List<String> statements = DdlCompiler.compile(schema);
        assertEquals(List.of("t_m_seq"), statements.stream()
                .filter(s -> s.startsWith("CREATE SEQUENCE"))
                .map(s -> s.split(" ")[2])
                .toList());
        assertTrue(statements.contains("ALTER SEQUENCE t_m_seq OWNED BY t.m"));
        assertTrue(statements.stream().noneMatch(s -> s.contains("t_id_seq") || s.contains("t_n_seq")));
    }

    @Test
    void viewsFollowTheViewsTheyName() {
        Schema schema = new SchemaBuilder()
                .view("a_top", "CREATE VIEW a_top AS SELECT * FROM m_middle")
                .view("m_middle", "CREATE VIEW m_middle AS SELECT * FROM \"Z_Base\" WHERE true")
                .view("Z_Base", "CREATE VIEW \"Z_Base\" AS SELECT 1 AS one")
                .view("b_alone", "CREATE VIEW b_alone AS SELECT 2 AS two")
                .build();
        assertEquals(List.of("Z_Base", "b_alone", "m_middle", "a_top"), viewNames(schema));
    }

    @Test
    void unquotedReferenceMatchesWhateverItsCase() {
        Schema schema = new SchemaBuilder()
                .view("a", "create view a as select * from BASE_V")
                .view("base_v", "create view base_v as select 1")
                .build();
        assertEquals(List.of("base_v", "a"), viewNames(schema));
    }

    @Test
    void namesMatchOnlyAsWholeWords() {
        // Were "stats" found inside "stats_daily", a_report would depend on stats: a cycle.
        Schema schema = new SchemaBuilder()
                .view("stats", "CREATE VIEW stats AS SELECT * FROM a_report")
                .view("a_report", "CREATE VIEW a_report AS SELECT * FROM stats_daily, stats$x")
                .view("stats_daily", "CREATE VIEW stats_daily AS SELECT 1 AS n")
                .build();
        assertEquals(List.of("stats_daily", "a_report", "stats"), viewNames(schema));
    }

    @Test
    void dependsOnReplacesTextDetection() {
        Schema schema = new SchemaBuilder()
                .view("a", "CREATE VIEW a AS SELECT 'mentions b only in a string' AS s", "z", "some_table")
                .view("b", "CREATE VIEW b AS SELECT 1 AS n")
                .view("z", "CREATE VIEW z AS SELECT 1 AS n")
                .build();
        assertEquals(List.of("b", "z", "a"), viewNames(schema));
    }

    @Test
    void viewCycleIsAnErrorNamingTheViews() {
        Schema schema = new SchemaBuilder()
                .view("p", "CREATE VIEW p AS SELECT * FROM q")
                .view("q", "CREATE VIEW q AS SELECT * FROM p")
                .view("r", "CREATE VIEW r AS SELECT * FROM p")
                .build();
        StrataException e = assertThrows(StrataException.class, () -> DdlCompiler.compile(schema));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        assertTrue(e.getMessage().contains("cycle: p, q."), e.getMessage());
    }

    @Test
    void sameSchemaGivesTheSameScriptWhateverTheListOrder() {
        Schema schema = DdlCompilerPostgresTest.fullSchema();
        String first = DdlCompiler.script(schema);
        assertEquals(first, DdlCompiler.script(DdlCompilerPostgresTest.fullSchema()));
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            Schema shuffled = new Schema(shuffle(schema.extensions(), random), shuffle(schema.enums(), random),
                    shuffle(schema.sequences(), random), shuffle(schema.tables(), random),
                    shuffle(schema.views(), random), shuffle(schema.functions(), random),
                    shuffle(schema.triggers(), random), shuffle(schema.policies(), random));
            assertEquals(first, DdlCompiler.script(shuffled));
        }
    }

    @Test
    void viewOrderIsStableWithoutDependencies() {
        List<View> views = new SchemaBuilder()
                .view("c", "CREATE VIEW c AS SELECT 1")
                .view("a", "CREATE VIEW a AS SELECT 1")
                .view("b", "CREATE VIEW b AS SELECT 1")
                .build().views();
        assertEquals(List.of("a", "b", "c"),
                DdlCompiler.orderViews(views).stream().map(v -> v.name().name()).toList());
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
