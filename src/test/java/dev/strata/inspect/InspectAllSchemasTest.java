package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect --all-schemas} writes one tree for a database with three schemas (public, auth,
 * utils) whose objects refer to each other; the tree, compiled and applied to a fresh database,
 * reads back equal. Without {@code --all-schemas}, what the target's objects use in other schemas
 * is reported.
 */
@WithPostgres
class InspectAllSchemasTest {
    static final String DDL = """
            CREATE SCHEMA auth;
            COMMENT ON SCHEMA auth IS 'accounts';
            CREATE SCHEMA utils;
            CREATE SCHEMA empty_one;
            CREATE DOMAIN utils.custom_text AS text CONSTRAINT not_blank CHECK (VALUE <> '');
            CREATE TYPE utils.mood AS ENUM ('ok', 'meh');
            CREATE TABLE auth.users (id bigserial PRIMARY KEY, email utils.custom_text NOT NULL UNIQUE, mood utils.mood);
            CREATE TYPE auth.jwt_token AS (role text, exp bigint);
            CREATE FUNCTION auth.jwt() RETURNS auth.jwt_token LANGUAGE sql STABLE AS $$ SELECT ROW('anon', 0)::auth.jwt_token $$;
            CREATE SEQUENCE auth.ticket START 100;
            CREATE TABLE public.posts (id bigint PRIMARY KEY, author_id bigint REFERENCES auth.users (id) ON DELETE CASCADE,
                                       title utils.custom_text);
            CREATE INDEX posts_title_idx ON public.posts (title);
            CREATE VIEW public.post_authors AS SELECT p.id, u.email FROM public.posts p JOIN auth.users u ON u.id = p.author_id;
            CREATE VIEW auth.active AS SELECT id FROM auth.users WHERE mood = 'ok';
            """;

    @Test
    void threeSchemasRoundTrip(DevServer server, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = server.createScratch("allschemas"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute(DDL);
            Inspection inspection = Inspector.inspectAll(c, "public", Set.of());
            assertEquals(List.of(), inspection.unsupported(), "nothing is left out");
            inspection.writeTo(dir, false);
            String models = Files.readString(dir.resolve(Inspection.LAYER).resolve("models.edn"));
            assertTrue(models.contains(":auth/users"), models);
            assertTrue(models.contains(":type :utils/custom-text"), models);
            assertTrue(models.contains(":empty-one {:type :schema}"), models);
            Schema original = CatalogReader.inspect(c, "public", CatalogReader.userSchemas(c)).schema();

            Schema model = ModelLoader.load(dir).schema();
            try (ScratchDatabase fresh = server.createScratch("allschemas_back"); Connection b = fresh.connect();
                 Statement bs = b.createStatement()) {
                for (String sql : DdlCompiler.compile(model)) {
                    bs.execute(sql);
                }
                Schema back = CatalogReader.inspect(b, "public", CatalogReader.userSchemas(b)).schema();
                assertEquals(original.namespaces(), back.namespaces());
                RoundTrip.assertSameSchema(original, back);
            }

            Inspection targetOnly = Inspector.inspect(c, "public", Set.of());
            String report = targetOnly.unsupported().toString();
            assertTrue(report.contains("auth.users") && report.contains("utils.custom_text"), report);
        }
    }
}
