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
 * Domains and composite types are written to models.edn, with the columns that use them as
 * {@code :type :name}, and come back the same through load, compile and apply.
 */
@WithPostgres
class InspectUserTypesTest {
    @Test
    void pagilaYearDomainSurvivesTheRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_types"); Connection c = db.connect();
             var st = c.createStatement()) {
            st.execute("CREATE SCHEMA app; SET search_path TO app;"
                    + "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));"
                    + "CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');"
                    + "CREATE DOMAIN family_rating AS mpaa_rating NOT NULL DEFAULT 'G' CHECK (VALUE <> 'NC-17');"
                    + "CREATE DOMAIN code AS varchar(10) COLLATE \"C\";"
                    + "COMMENT ON DOMAIN code IS 'a code';"
                    + "CREATE DOMAIN codes AS code[];"
                    + "CREATE TYPE address AS (street text, zip varchar(10), y year, tags text[] COLLATE \"C\");"
                    + "COMMENT ON TYPE address IS 'postal';"
                    + "CREATE TABLE film (film_id serial PRIMARY KEY, release_year year, rating family_rating,"
                    + " home address, history address[], c codes);"
                    + "CREATE FUNCTION next_year(y year) RETURNS year LANGUAGE sql AS $$SELECT (y + 1)::year$$;");
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "domains and composite types are modelled");
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared/models.edn"));
        assertTrue(models.contains(":year {:type :domain\n"), models);
        assertTrue(models.contains(":base :integer"), models);
        assertTrue(models.contains(":checks [{:name \"year_check\" :check [:raw \"(VALUE >= 1901) AND (VALUE <= 2155)\"]}]"),
                models);
        assertTrue(models.contains(":release-year {:type :year}"), models);
        assertTrue(models.contains(":address {:type :composite"), models);
        assertTrue(models.contains(":home {:type :address}"), models);
        Schema original = inspection.schema();
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        RoundTrip.assertSameSchema(original, back);
    }
}
