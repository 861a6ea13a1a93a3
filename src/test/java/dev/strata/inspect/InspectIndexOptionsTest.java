package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index keys with operator classes (with parameters), COLLATE, DESC and NULLS, storage parameters,
 * index comments, UNLOGGED, FORCE ROW LEVEL SECURITY and a materialized view's storage parameters
 * are written by inspect and come back whole; a unique index a foreign key depends on is kept.
 */
@WithPostgres
class InspectIndexOptionsTest {
    private static final String PRELUDE = "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public";

    @Test
    void aForeignKeyGoesWithTheUniqueIndexItNeeds(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_idx_fk"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", """
                    CREATE TYPE note;
                    CREATE FUNCTION note_in(cstring) RETURNS note LANGUAGE internal IMMUTABLE STRICT AS 'textin';
                    CREATE FUNCTION note_out(note) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
                    CREATE TYPE note (INPUT = note_in, OUTPUT = note_out, LIKE = text);
                    CREATE TABLE accounts (code text NOT NULL, memo note);
                    CREATE UNIQUE INDEX accounts_code_key ON accounts (code text_pattern_ops DESC) INCLUDE (memo);
                    CREATE TABLE invoices (account_code text REFERENCES accounts (code));
                    """);
            inspection = Inspector.inspect(c, "app");
        }
        List<String> report = inspection.unsupported().stream()
                .map(u -> (u.leftOut() ? "- " : "~ ") + u.kind() + " " + u.object() + ": " + u.reason()).sorted().toList();
        assertEquals(List.of(
                "- base type note: base and shell types have no model syntax",
                "- column accounts.memo: it uses base type note, which is left out",
                "- constraint invoices.invoices_account_code_fkey: it references the columns of unique index"
                        + " accounts.accounts_code_key, which is left out",
                "- function note_in(cstring): it uses base type note, which is left out",
                "- function note_out(note): it uses base type note, which is left out",
                "- index accounts.accounts_code_key: it uses column accounts.memo, which is left out"), report);
        inspection.writeTo(out, false);
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        assertEquals(List.of(), back.table("invoices").orElseThrow().constraints(), "the tree applies without the key");
    }

    @Test
    void keyOptionsAndStorageRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_idx"); Connection c = db.connect()) {
            try (var s = c.createStatement()) {
                s.execute(PRELUDE);
            }
            InspectFixtures.run(c, "app", InspectFixtures.resource("index_options.sql"));
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "everything here is in the model");
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared/models.edn"));
        assertTrue(models.contains("{:field :code :opclass :text-pattern-ops :order :desc}"), models);
        assertTrue(models.contains("{:field :region :collate \"C\" :nulls :first}"), models);
        assertTrue(models.contains("{:expression [:raw \"lower(name)\"] :opclass :text-pattern-ops}"), models);
        assertTrue(models.contains("{:field :name :opclass \"public.gist_trgm_ops (siglen='32')\"}"), models);
        assertTrue(models.contains(":with {:autovacuum_enabled false :autovacuum_vacuum_scale_factor 0.2 :fillfactor 80}"),
                models);
        assertTrue(models.contains(":unlogged true"), models);
        assertTrue(models.contains(":force-row-level-security true"), models);
        assertTrue(models.contains(":comment \"invoices reference this\""), models);

        Schema original = inspection.schema();
        Schema back;
        try {
            back = RoundTrip.applyAndRead(server, out, "app", PRELUDE);
        } catch (dev.strata.StrataException e) {
            throw new AssertionError(e.getMessage() + ": " + e.problems() + "\n" + models, e);
        }
        RoundTrip.assertSameSchema(original, back);
        assertEquals(List.of("code text_pattern_ops DESC", "region COLLATE \"C\" NULLS FIRST"),
                back.table("accounts").orElseThrow().indexes().stream()
                        .filter(i -> i.name().equals("accounts_code_region_key")).findFirst().orElseThrow().keys());
        assertEquals(1, back.table("invoices").orElseThrow().constraints(dev.strata.model.Constraint.ForeignKey.class)
                .size(), "the foreign key on the unique index came back");
    }
}
