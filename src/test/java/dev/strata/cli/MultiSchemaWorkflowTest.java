package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with two schemas besides the target one ({@code auth} with a table, a composite type and
 * a function returning it; {@code utils} with a domain that a target-schema column uses; a foreign
 * key from the target schema into {@code auth.users}) goes through print-ddl, make-all-migrations,
 * migrate, diff, a change in each schema, migrate-to back and migrate-to 0, on a real PostgreSQL.
 */
@WithPostgres
class MultiSchemaWorkflowTest {
    static final String MODELS = """
            {:auth {:type :schema :comment "Accounts and sessions"}
             :auth/users {:fields {:id {:type :bigint :primary-key true}
                                   :email {:type :text :null false :unique true}}}
             :auth/jwt-token {:type :composite :fields {:role {:type :text} :exp {:type :bigint}}}
             :utils/custom-text {:type :domain :base :text :checks [{:name "not_blank" :check [:raw "VALUE <> ''"]}]}
             :billing/status {:type :enum :choices ["open" "paid"]}
             :posts {:fields {:id {:type :bigint :primary-key true}
                              :author-id {:type :bigint :foreign-key [:auth/users :id] :on-delete :cascade}
                              :title {:type :utils/custom-text}
                              :status {:type :billing/status}}}}
            """;
    static final String FUNCTIONS = """
            {:jwt {:sql "CREATE FUNCTION auth.jwt() RETURNS auth.jwt_token LANGUAGE sql STABLE AS $$ SELECT ROW('anon', 0)::auth.jwt_token $$"}}
            """;
    static final String VIEWS = """
            {:post-authors {:sql "CREATE VIEW post_authors AS SELECT p.id, u.email FROM posts p JOIN auth.users u ON u.id = p.author_id"}}
            """;

    @Test
    void twoExtraSchemasMigrateConvergeAndRollBackToNothing(DevServer server, @TempDir Path dir) throws Exception {
        WorkflowProject p = WorkflowProject.create(dir, server);
        p.writeModel("shared/models.edn", MODELS);
        p.writeModel("shared/functions.edn", FUNCTIONS);
        p.writeModel("shared/views.edn", VIEWS);

        CliRun ddl = p.run("print-ddl");
        assertEquals(0, ddl.code(), ddl.err());
        assertTrue(ddl.out().indexOf("CREATE SCHEMA auth") < ddl.out().indexOf("CREATE TABLE auth.users"), ddl.out());
        assertTrue(ddl.out().contains("COMMENT ON SCHEMA auth IS 'Accounts and sessions'"), ddl.out());

        try (ScratchDatabase db = server.createScratch("multi")) {
            CliRun make = p.run("make-all-migrations");
            assertEquals(0, make.code(), make.err() + make.out());
            assertEquals(0, p.run(db, "migrate").code(), p.newest());
            CliRun diff = p.run(db, "diff");
            assertEquals(0, diff.code(), diff.out() + diff.err());
            Schema first = catalog(db);
            assertEquals(List.of("auth", "billing", "utils"), first.namespaceNames());

            // One change in each schema.
            p.edit("shared/models.edn", ":email {:type :text :null false :unique true}",
                    ":email {:type :text :null false :unique true} :name {:type :text}");
            p.edit("shared/models.edn", "VALUE <> ''", "length(VALUE) > 0");
            p.edit("shared/models.edn", "[\"open\" \"paid\"]", "[\"open\" \"paid\" \"void\"]");
            p.edit("shared/models.edn", ":status {:type :billing/status}",
                    ":status {:type :billing/status} :body {:type :text}");
            p.edit("shared/models.edn", "{:auth {:type :schema :comment \"Accounts and sessions\"}",
                    "{:auth {:type :schema :comment \"Accounts\"} :audit {:type :schema}");
            CliRun again = p.run("make-all-migrations");
            assertEquals(0, again.code(), again.err() + again.out());
            assertEquals(0, p.run(db, "migrate").code(), p.newest());
            CliRun converged = p.run(db, "diff");
            assertEquals(0, converged.code(), converged.out() + converged.err() + p.newest());
            assertTrue(catalog(db).namespaceNames().contains("audit"));

            int count = p.migrationFiles().size();
            CliRun back = p.run(db, "migrate-to", "1");
            assertEquals(0, back.code(), back.err() + p.newest());
            assertEquals(first, catalog(db), "the down of " + (count - 1) + " migrations restores the first state");

            CliRun zero = p.run(db, "migrate-to", "0");
            assertEquals(0, zero.code(), zero.err());
            assertEquals(List.of("public"), schemas(db), "migrate-to 0 leaves no schema behind");
            Schema empty = catalog(db);
            assertEquals(List.of("strata_migrations"), empty.tables().stream().map(t -> t.name().name()).toList());
            assertTrue(empty.enums().isEmpty() && empty.domains().isEmpty() && empty.functions().isEmpty());
        }
    }

    @Test
    void extensionSchemaAndVersionAreCreatedUpdatedMovedAndRestored(DevServer server, @TempDir Path dir) throws Exception {
        WorkflowProject p = WorkflowProject.create(dir, server);
        p.writeModel("shared/models.edn", """
                {:citext {:type :extension :schema :extensions :version "1.4"}
                 :people {:fields {:id {:type :bigint :primary-key true}
                                   :email {:type [:raw "extensions.citext"]}}}}
                """);
        try (ScratchDatabase db = server.createScratch("ext")) {
            CliRun make = p.run("make-all-migrations");
            assertEquals(0, make.code(), make.err() + make.out());
            assertTrue(p.newest().contains("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA extensions VERSION '1.4'"),
                    p.newest());
            assertEquals(0, p.run(db, "migrate").code(), p.newest());
            assertEquals(0, p.run(db, "diff").code());
            Schema first = catalog(db);
            assertEquals(List.of(new dev.strata.model.Extension("citext", "extensions", "1.4")), first.extensions());

            p.edit("shared/models.edn", ":schema :extensions", ":schema :ext2");
            p.edit("shared/models.edn", "extensions.citext", "ext2.citext");
            CliRun moved = p.run("make-all-migrations");
            assertEquals(0, moved.code(), moved.err() + moved.out());
            String second = p.newest();
            assertTrue(second.contains("ALTER EXTENSION citext SET SCHEMA ext2")
                    && second.contains("ALTER EXTENSION citext SET SCHEMA extensions")
                    && second.contains("DROP SCHEMA extensions") && !second.contains("ALTER COLUMN"), second);
            assertEquals(0, p.run(db, "migrate").code(), second);
            CliRun converged = p.run(db, "diff");
            assertEquals(0, converged.code(), converged.out() + converged.err());
            assertEquals(List.of(new dev.strata.model.Extension("citext", "ext2", "1.4")), catalog(db).extensions());
            CliRun back = p.run(db, "migrate-to", "1");
            assertEquals(0, back.code(), back.err() + back.out());
            assertEquals(first, catalog(db), "the down moves the extension back");
            assertEquals(0, p.run(db, "migrate").code());

            p.edit("shared/models.edn", ":version \"1.4\"", ":version \"1.6\"");
            CliRun updated = p.run("make-all-migrations");
            assertEquals(0, updated.code(), updated.err() + updated.out());
            String third = p.newest();
            assertTrue(third.contains("ALTER EXTENSION citext UPDATE TO '1.6'")
                    && third.contains("pg_extension_update_paths"), third);
            assertEquals(0, p.run(db, "migrate").code(), third);
            assertEquals(0, p.run(db, "diff").code());
            assertEquals(List.of(new dev.strata.model.Extension("citext", "ext2", "1.6")), catalog(db).extensions());
            // citext ships no downgrade script: the down says so instead of leaving 1.6 in place unnoticed.
            CliRun refused = p.run(db, "migrate-to", "2");
            assertEquals(5, refused.code(), refused.err());
            assertTrue(refused.err().contains("has no update path from version 1.6 back to 1.4"), refused.err());
        }
    }

    private static Schema catalog(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogReader.inspect(c, "public", CatalogReader.userSchemas(c)).schema();
        }
    }

    private static List<String> schemas(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogReader.userSchemas(c);
        }
    }
}
