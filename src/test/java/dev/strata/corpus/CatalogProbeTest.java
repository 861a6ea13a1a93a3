package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithPostgres
class CatalogProbeTest {
    /** Every kind of object the model has: the probe must not call any of it unsupported. */
    private static final String MODELLED = """
            CREATE EXTENSION IF NOT EXISTS pgcrypto;
            CREATE TYPE status AS ENUM ('active', 'inactive');
            COMMENT ON TYPE status IS 'row status';
            CREATE SEQUENCE invoice_no START 100 INCREMENT 5;
            CREATE TABLE account (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text COLLATE "C" NOT NULL UNIQUE,
                status status NOT NULL DEFAULT 'active',
                token uuid DEFAULT gen_random_uuid(),
                price numeric(10, 2) CHECK (price > 0),
                total numeric GENERATED ALWAYS AS (price * 2) STORED,
                area circle,
                invoice bigint DEFAULT nextval('invoice_no'),
                EXCLUDE USING gist (area WITH &&)
            );
            ALTER SEQUENCE invoice_no OWNED BY account.invoice;
            CREATE TABLE item (
                id serial PRIMARY KEY,
                account_id bigint REFERENCES account (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                name text,
                UNIQUE NULLS NOT DISTINCT (account_id, name)
            );
            CREATE INDEX item_lower_name ON item (lower(name)) INCLUDE (id) WHERE name IS NOT NULL;
            COMMENT ON TABLE item IS 'items';
            COMMENT ON COLUMN item.name IS 'item name';
            CREATE VIEW active_account AS SELECT id, email FROM account WHERE status = 'active';
            CREATE MATERIALIZED VIEW item_count AS SELECT account_id, count(*) AS n FROM item GROUP BY account_id;
            CREATE UNIQUE INDEX item_count_account ON item_count (account_id);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE PROCEDURE noop() LANGUAGE sql AS $$ SELECT 1 $$;
            CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE item ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_items ON item USING (account_id = 1);
            CREATE UNLOGGED TABLE scratch (id int, code text) WITH (fillfactor = 70, autovacuum_enabled = false);
            ALTER TABLE scratch FORCE ROW LEVEL SECURITY;
            CREATE INDEX scratch_code ON scratch (code text_pattern_ops DESC NULLS LAST) WITH (fillfactor = 60);
            COMMENT ON INDEX scratch_code IS 'by code';
            CREATE MATERIALIZED VIEW scratch_codes WITH (fillfactor = 50) AS SELECT code FROM scratch WITH NO DATA;
            CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer);
            CREATE TYPE pair AS (a int, b int);
            COMMENT ON TYPE pair IS 'a pair';
            COMMENT ON VIEW active_account IS 'active ones';
            COMMENT ON MATERIALIZED VIEW scratch_codes IS 'codes';
            COMMENT ON FUNCTION touch() IS 'touches';
            COMMENT ON PROCEDURE noop() IS 'does nothing';
            COMMENT ON AGGREGATE total(integer) IS 'adds up';
            COMMENT ON TRIGGER item_touch ON item IS 'on update';
            COMMENT ON POLICY own_items ON item IS 'account one';
            COMMENT ON CONSTRAINT item_account_id_fkey ON item IS 'whose item';
            """;

    @Test
    void modelledObjectsAreNotReported(DevServer server) throws SQLException {
        try (ScratchDatabase db = server.createScratch("probe_ok")) {
            assertEquals(Map.of(), probe(db, MODELLED, "public"));
        }
    }

    @Test
    void unmodelledObjectsAreNamedWithTheirObjects(DevServer server) throws SQLException {
        try (ScratchDatabase db = server.createScratch("probe_bad")) {
            Map<String, List<String>> found = probe(db, """
                    CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
                    CREATE TYPE floatrange AS RANGE (subtype = float8);
                    CREATE TABLE measurement (id int, at date, CONSTRAINT id_ok CHECK (id > 0)) PARTITION BY RANGE (at);
                    COMMENT ON CONSTRAINT id_ok ON measurement IS 'why';
                    CREATE TABLE plain (id int) WITH (fillfactor = 70);
                    GRANT SELECT ON plain TO PUBLIC;
                    CREATE SCHEMA other;
                    CREATE TABLE other.t (id int);
                    CREATE VIEW v AS SELECT 1 AS one;
                    COMMENT ON VIEW v IS 'a view';
                    CREATE UNLOGGED TABLE scratch (id int);
                    CREATE TYPE pair AS (a int, b int);
                    CREATE TABLE keyed (id int CONSTRAINT keyed_pkey PRIMARY KEY WITH (fillfactor = 90));
                    COMMENT ON INDEX keyed_pkey IS 'the key';
                    CREATE DOMAIN pos AS integer CONSTRAINT pos_check CHECK (VALUE > 0);
                    COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'why';
                    CREATE AGGREGATE plain_sum(integer) (SFUNC = int4pl, STYPE = integer);
                    CREATE AGGREGATE ordered(integer) (SFUNC = int4pl, STYPE = integer,
                                                       MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer);
                    """, "public");
            assertEquals(null, found.get("domain"), "domains are modelled");
            assertEquals(null, found.get("range type"), "range types are modelled");
            assertEquals(null, found.get("cast"), "a range type's cast to its multirange comes with it");
            assertEquals(null, found.get("partition"), "partitioned tables are modelled");
            assertEquals(null, found.get("comment on constraint"), "constraint comments are in the model");
            assertEquals(null, found.get("storage parameter"), "table storage parameters are in the model");
            assertEquals(null, found.get("constraint index storage parameter"), "constraint index options are modelled");
            assertEquals(List.of("keyed_pkey"), found.get("comment on index"));
            assertEquals(List.of("plain"), found.get("privilege"));
            assertEquals(null, found.get("non-public schema"), "other schemas are read and compared");
            assertEquals(null, found.get("comment on view"), "view comments are in the model");
            assertEquals(null, found.get("comment on domain constraint"), "domain check comments are modelled");
            assertEquals(null, found.get("window function"), "aggregates of every kind are modelled");
            assertEquals(null, found.get("unlogged table"), "UNLOGGED is in the model");
            assertEquals(null, found.get("composite type"), "composite types are modelled");
        }
    }

    @Test
    void targetSchemaOtherThanPublicIsTheOneThatCounts(DevServer server) throws SQLException {
        try (ScratchDatabase db = server.createScratch("probe_foo")) {
            Map<String, List<String>> found = probe(db, """
                    CREATE SCHEMA foo;
                    CREATE TABLE foo.users (id int);
                    CREATE TABLE public.stray (id int);
                    """, "foo");
            assertEquals(Map.of(), found, "other schemas are read and compared");
        }
    }

    private static Map<String, List<String>> probe(ScratchDatabase db, String script, String schema)
            throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(script);
            Map<String, List<String>> found = CatalogProbe.unmodelled(c, schema);
            assertTrue(found.values().stream().noneMatch(List::isEmpty));
            return found;
        }
    }
}
