package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants of DESIGN.md on a real PostgreSQL: for schemas A and B given as SQL, read both,
 * apply the up of diff(A, B) to A's database and re-read: no difference to B; apply the down: no
 * difference to A as read before; diff(A, A) and diff(B, B) are empty.
 */
@WithPostgres
class DiffInvariantsPostgresTest {
    private static final String SCHEMA = "app";

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("columns: add, NOT NULL, default, type change under a view",
                        "CREATE TABLE orders (id serial PRIMARY KEY, amount integer, note text DEFAULT 'a');"
                                + "CREATE VIEW big AS SELECT id, amount FROM orders WHERE amount > 10;"
                                + "CREATE VIEW bigger AS SELECT id FROM big WHERE amount > 100;",
                        "CREATE TABLE orders (id serial PRIMARY KEY, amount bigint NOT NULL, note text DEFAULT 'b',"
                                + " created_at timestamptz DEFAULT now());"
                                + "CREATE VIEW big AS SELECT id, amount FROM orders WHERE amount > 10;"
                                + "CREATE VIEW bigger AS SELECT id FROM big WHERE amount > 100;",
                        Hints.none()),
                Arguments.of("enum labels added first, middle, last and used by a default",
                        "CREATE TYPE status AS ENUM ('active', 'done');"
                                + "CREATE TABLE t (id int PRIMARY KEY, s status DEFAULT 'active');"
                                + "INSERT INTO t VALUES (1, 'done');",
                        "CREATE TYPE status AS ENUM ('draft', 'active', 'paused', 'done', 'archived');"
                                + "CREATE TABLE t (id int PRIMARY KEY, s status DEFAULT 'paused');",
                        Hints.none()),
                Arguments.of("foreign-key cycle between new tables, a dropped referenced table",
                        "CREATE TABLE legacy (id int PRIMARY KEY);"
                                + "CREATE TABLE users (id int PRIMARY KEY, legacy_id int REFERENCES legacy);",
                        "CREATE TABLE users (id int PRIMARY KEY);"
                                + "CREATE TABLE a (id int PRIMARY KEY, b_id int);"
                                + "CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);"
                                + "ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;",
                        Hints.none()),
                Arguments.of("functions, triggers, policies, row level security, comments, indexes",
                        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE FUNCTION code(x integer) RETURNS text LANGUAGE sql AS $$SELECT 'c' || x$$;"
                                + "CREATE TABLE \"Doc\" (id int PRIMARY KEY, owner text, code text DEFAULT code(1));"
                                + "CREATE TRIGGER doc_touch BEFORE UPDATE ON \"Doc\" FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "ALTER TABLE \"Doc\" ENABLE ROW LEVEL SECURITY;"
                                + "CREATE POLICY own ON \"Doc\" USING (owner = current_user);",
                        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.owner := 'x'; RETURN NEW; END$$;"
                                + "CREATE FUNCTION code(x integer) RETURNS text LANGUAGE sql AS $$SELECT 'd' || x$$;"
                                + "CREATE TABLE \"Doc\" (id int PRIMARY KEY, owner text, code text DEFAULT code(2));"
                                + "COMMENT ON TABLE \"Doc\" IS 'documents';"
                                + "COMMENT ON COLUMN \"Doc\".owner IS 'who';"
                                + "CREATE INDEX doc_owner ON \"Doc\" (lower(owner)) WHERE owner IS NOT NULL;"
                                + "CREATE TRIGGER doc_touch BEFORE INSERT OR UPDATE ON \"Doc\" FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE POLICY own ON \"Doc\" FOR SELECT USING (owner = current_user);",
                        Hints.none()),
                Arguments.of("serial, identity, generated column, materialized view with index",
                        "CREATE TABLE keep (id int);",
                        "CREATE TABLE keep (id int);"
                                + "CREATE TABLE items (id serial PRIMARY KEY, n bigint GENERATED ALWAYS AS IDENTITY,"
                                + " price numeric(10,2) CHECK (price >= 0), double numeric GENERATED ALWAYS AS (price * 2) STORED,"
                                + " sku text UNIQUE);"
                                + "CREATE MATERIALIZED VIEW item_totals AS SELECT sku, sum(price) AS total FROM items GROUP BY sku;"
                                + "CREATE UNIQUE INDEX item_totals_sku ON item_totals (sku);"
                                + "CREATE SEQUENCE tickets START 100 INCREMENT 5;",
                        Hints.none()),
                Arguments.of("renames by hint: table, column, enum label",
                        "CREATE TYPE mood AS ENUM ('ok', 'meh');"
                                + "CREATE TABLE client (id int PRIMARY KEY, mail text, m mood);"
                                + "INSERT INTO client VALUES (1, 'a@b', 'meh');",
                        "CREATE TYPE mood AS ENUM ('ok', 'so-so');"
                                + "CREATE TABLE customer (id int PRIMARY KEY, email text, m mood);"
                                + "ALTER TABLE customer RENAME CONSTRAINT customer_pkey TO client_pkey;",
                        new Hints(Map.of(Fixtures.n("customer"), "client"),
                                Map.of(new Hints.ColumnKey(Fixtures.n("customer"), "email"), "mail"),
                                Map.of(), Map.of(Fixtures.n("mood"), Map.of("so-so", "meh")))),
                Arguments.of("type change with a USING hint, sequence options, dropped column, identity change",
                        "CREATE TABLE prices (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, amount text,"
                                + " legacy int, seq_owned serial);"
                                + "INSERT INTO prices (amount, legacy) VALUES ('1,50', 1);"
                                + "CREATE SEQUENCE counter INCREMENT 1;",
                        "CREATE TABLE prices (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount numeric(10,2),"
                                + " seq_owned serial);"
                                + "CREATE SEQUENCE counter INCREMENT 10 MAXVALUE 1000 CYCLE;",
                        new Hints(Map.of(), Map.of(), Map.of(new Hints.ColumnKey(Fixtures.n("prices"), "amount"),
                                "replace(amount, ',', '.')::numeric(10,2)"), Map.of())),
                Arguments.of("a dropped table comes back whole: serial, comments, index, trigger, policy, RLS",
                        "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TYPE kind AS ENUM ('a', 'b');"
                                + "CREATE TABLE parent (id int PRIMARY KEY);"
                                + "CREATE TABLE notes (id serial PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE,"
                                + " k kind NOT NULL DEFAULT 'b', body text CHECK (length(body) < 100));"
                                + "COMMENT ON TABLE notes IS 'notes';"
                                + "COMMENT ON COLUMN notes.body IS 'the text';"
                                + "CREATE INDEX notes_body ON notes (body);"
                                + "CREATE TRIGGER notes_stamp BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION stamp();"
                                + "ALTER TABLE notes ENABLE ROW LEVEL SECURITY;"
                                + "CREATE POLICY mine ON notes USING (k = 'a');"
                                + "CREATE VIEW note_bodies AS SELECT body FROM notes;",
                        "CREATE TABLE parent (id int PRIMARY KEY);",
                        Hints.none()),
                Arguments.of("enum to enum, plain to generated, primary key widened under a foreign key",
                        "CREATE TYPE old_kind AS ENUM ('a', 'b');"
                                + "CREATE TABLE p (id int NOT NULL, code text NOT NULL, k old_kind DEFAULT 'a',"
                                + " total int, CONSTRAINT p_pkey PRIMARY KEY (id), CONSTRAINT p_id_key UNIQUE (id));"
                                + "CREATE TABLE c (p_id int CONSTRAINT c_p_fkey REFERENCES p (id));",
                        "CREATE TYPE new_kind AS ENUM ('a', 'b', 'c');"
                                + "CREATE TABLE p (id int NOT NULL, code text NOT NULL, k new_kind DEFAULT 'a',"
                                + " total int GENERATED ALWAYS AS (id * 2) STORED,"
                                + " CONSTRAINT p_pkey PRIMARY KEY (id, code), CONSTRAINT p_id_key UNIQUE (id));"
                                + "CREATE TABLE c (p_id int CONSTRAINT c_p_fkey REFERENCES p (id));",
                        Hints.none()),
                Arguments.of("INSTEAD OF trigger on a view that is re-created",
                        "CREATE TABLE t (a int);"
                                + "CREATE VIEW v AS SELECT a FROM t;"
                                + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TRIGGER vt INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();",
                        "CREATE TABLE t (a int, b int);"
                                + "CREATE VIEW v AS SELECT a, b FROM t;"
                                + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TRIGGER vt INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();",
                        Hints.none()),
                Arguments.of("a generated column dropped with its source, another added with its source",
                        "CREATE TABLE bills (id int, amount int, total int GENERATED ALWAYS AS (amount * 2) STORED);"
                                + "INSERT INTO bills (id, amount) VALUES (1, 5);"
                                + "CREATE TABLE items (id int);",
                        "CREATE TABLE bills (id int);"
                                + "CREATE TABLE items (id int, z_price numeric,"
                                + " a_double numeric GENERATED ALWAYS AS (z_price * 2) STORED);",
                        Hints.none()),
                Arguments.of("type and collation changes of columns a trigger names in UPDATE OF and WHEN",
                        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TABLE orders (id int, amount int, code text);"
                                + "CREATE TRIGGER audit_amount BEFORE UPDATE OF amount ON orders"
                                + " FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE TRIGGER audit_code AFTER UPDATE ON orders"
                                + " FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION touch();",
                        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TABLE orders (id int, amount bigint, code text COLLATE \"C\");"
                                + "CREATE TRIGGER audit_amount BEFORE UPDATE OF amount ON orders"
                                + " FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE TRIGGER audit_code AFTER UPDATE ON orders"
                                + " FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION touch();",
                        Hints.none()),
                Arguments.of("names given up and taken by objects of other kinds: relations, row types, indexes",
                        "CREATE TYPE state AS ENUM ('a');"
                                + "CREATE TABLE ledger (id int);"
                                + "CREATE TABLE old_orders (id int CONSTRAINT orders_key UNIQUE);"
                                + "CREATE INDEX orders_idx ON old_orders (id);"
                                + "CREATE SEQUENCE tally;",
                        "CREATE SEQUENCE ledger;"
                                + "CREATE TABLE state (id int);"
                                + "CREATE TABLE orders (id int);"
                                + "CREATE UNIQUE INDEX orders_key ON orders (id);"
                                + "CREATE INDEX orders_idx ON orders (id);"
                                + "CREATE VIEW tally AS SELECT 1 AS one;",
                        Hints.none()),
                Arguments.of("enum label added to a type whose columns views, policies, triggers, checks, indexes,"
                                + " foreign keys and generated columns read",
                        "CREATE TYPE st AS ENUM ('a', 'c');" + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TABLE t (id int PRIMARY KEY, s st NOT NULL DEFAULT 'a', tags st[] DEFAULT '{a}',"
                                + " n int, is_a boolean GENERATED ALWAYS AS (s = 'a') STORED,"
                                + " CONSTRAINT t_not_c CHECK (s <> 'c'), CONSTRAINT t_id_s_key UNIQUE (id, s));"
                                + "INSERT INTO t (id, s, tags) VALUES (1, 'a', '{a,c}');"
                                + "CREATE INDEX t_only_a ON t (n) WHERE s = 'a';"
                                + "CREATE INDEX t_is_a ON t (is_a);"
                                + "CREATE TABLE u (t_id int, s st, CONSTRAINT u_t_fkey FOREIGN KEY (t_id, s) REFERENCES t (id, s));"
                                + "CREATE VIEW v AS SELECT id, s FROM t;"
                                + "CREATE TRIGGER v_write INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE VIEW v2 AS SELECT s FROM v WHERE s = 'a';"
                                + "CREATE MATERIALIZED VIEW m AS SELECT s, count(*) AS n FROM t GROUP BY s;"
                                + "CREATE UNIQUE INDEX m_s ON m (s);"
                                + "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                                + "CREATE POLICY only_a ON t USING (s = 'a');"
                                + "CREATE TRIGGER t_s BEFORE UPDATE OF s ON t FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE TRIGGER t_when AFTER UPDATE ON t FOR EACH ROW WHEN (NEW.is_a) EXECUTE FUNCTION touch();",
                        "CREATE TYPE st AS ENUM ('a', 'b', 'c');" + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                                + "CREATE TABLE t (id int PRIMARY KEY, s st NOT NULL DEFAULT 'a', tags st[] DEFAULT '{a}',"
                                + " n int, is_a boolean GENERATED ALWAYS AS (s = 'a') STORED,"
                                + " CONSTRAINT t_not_c CHECK (s <> 'c'), CONSTRAINT t_id_s_key UNIQUE (id, s));"
                                + "INSERT INTO t (id, s, tags) VALUES (1, 'a', '{a,c}');"
                                + "CREATE INDEX t_only_a ON t (n) WHERE s = 'a';"
                                + "CREATE INDEX t_is_a ON t (is_a);"
                                + "CREATE TABLE u (t_id int, s st, CONSTRAINT u_t_fkey FOREIGN KEY (t_id, s) REFERENCES t (id, s));"
                                + "CREATE VIEW v AS SELECT id, s FROM t;"
                                + "CREATE TRIGGER v_write INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE VIEW v2 AS SELECT s FROM v WHERE s = 'a';"
                                + "CREATE MATERIALIZED VIEW m AS SELECT s, count(*) AS n FROM t GROUP BY s;"
                                + "CREATE UNIQUE INDEX m_s ON m (s);"
                                + "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                                + "CREATE POLICY only_a ON t USING (s = 'a');"
                                + "CREATE TRIGGER t_s BEFORE UPDATE OF s ON t FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "CREATE TRIGGER t_when AFTER UPDATE ON t FOR EACH ROW WHEN (NEW.is_a) EXECUTE FUNCTION touch();",
                        Hints.none()),
                Arguments.of("index key options: opclass with parameters, COLLATE, DESC, NULLS, under a foreign key",
                        "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;"
                                + "CREATE TABLE acct (code text NOT NULL, name text, n int);"
                                + "CREATE UNIQUE INDEX acct_code ON acct (code);"
                                + "CREATE TABLE inv (acct_code text REFERENCES acct (code));"
                                + "CREATE INDEX acct_name ON acct (name);",
                        "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;"
                                + "CREATE TABLE acct (code text NOT NULL, name text, n int);"
                                + "CREATE UNIQUE INDEX acct_code ON acct (code text_pattern_ops DESC);"
                                + "CREATE TABLE inv (acct_code text REFERENCES acct (code));"
                                + "CREATE INDEX acct_name ON acct (name COLLATE \"C\" DESC NULLS LAST, n NULLS FIRST);"
                                + "CREATE INDEX acct_trgm ON acct USING gist (name public.gist_trgm_ops (siglen=32));"
                                + "CREATE INDEX acct_lower ON acct (lower(name) text_pattern_ops);",
                        Hints.none()),
                Arguments.of("index storage parameters and comments change in place",
                        "CREATE TABLE t (a int, b text);"
                                + "CREATE INDEX t_a ON t (a) WITH (fillfactor=70, deduplicate_items=off);"
                                + "COMMENT ON INDEX t_a IS 'by a';"
                                + "CREATE INDEX t_b ON t (b);"
                                + "CREATE MATERIALIZED VIEW m AS SELECT a FROM t;"
                                + "CREATE INDEX m_a ON m (a);",
                        "CREATE TABLE t (a int, b text);"
                                + "CREATE INDEX t_a ON t (a) WITH (fillfactor=80);"
                                + "CREATE INDEX t_b ON t (b) WITH (fillfactor=60);"
                                + "COMMENT ON INDEX t_b IS 'by b';"
                                + "CREATE MATERIALIZED VIEW m AS SELECT a FROM t;"
                                + "CREATE INDEX m_a ON m (a) WITH (fillfactor=90);"
                                + "COMMENT ON INDEX m_a IS 'it''s m';",
                        Hints.none()),
                Arguments.of("table options: UNLOGGED both ways, storage parameters, FORCE ROW LEVEL SECURITY",
                        "CREATE TABLE t (a int) WITH (fillfactor=80, autovacuum_enabled=false);"
                                + "INSERT INTO t VALUES (1);"
                                + "CREATE UNLOGGED TABLE u (a int);"
                                + "ALTER TABLE u ENABLE ROW LEVEL SECURITY;"
                                + "ALTER TABLE u FORCE ROW LEVEL SECURITY;"
                                + "CREATE TABLE gone (a int) WITH (fillfactor=50);"
                                + "ALTER TABLE gone FORCE ROW LEVEL SECURITY;"
                                + "CREATE INDEX gone_a ON gone (a) WITH (fillfactor=40);"
                                + "COMMENT ON INDEX gone_a IS 'gone';",
                        "CREATE UNLOGGED TABLE t (a int) WITH (autovacuum_enabled=false, autovacuum_vacuum_scale_factor=0.2);"
                                + "ALTER TABLE t FORCE ROW LEVEL SECURITY;"
                                + "CREATE TABLE u (a int) WITH (toast.autovacuum_enabled=false);"
                                + "ALTER TABLE u ENABLE ROW LEVEL SECURITY;"
                                + "CREATE UNLOGGED TABLE fresh (a int) WITH (fillfactor=60);"
                                + "ALTER TABLE fresh FORCE ROW LEVEL SECURITY;"
                                + "CREATE INDEX fresh_a ON fresh (a DESC) WITH (fillfactor=30);"
                                + "COMMENT ON INDEX fresh_a IS 'fresh';",
                        Hints.none()),
                Arguments.of("materialized view storage parameters and WITH NO DATA",
                        "CREATE TABLE t (a int);"
                                + "CREATE MATERIALIZED VIEW m AS SELECT a FROM t;",
                        "CREATE TABLE t (a int);"
                                + "CREATE MATERIALIZED VIEW m WITH (fillfactor=50, autovacuum_enabled=false) AS SELECT a FROM t"
                                + " WITH NO DATA;",
                        Hints.none()),
                Arguments.of("stand-alone sequences: comment, owner, nextval default, options, one dropped",
                        "CREATE SEQUENCE gone AS smallint INCREMENT -1 CYCLE; COMMENT ON SEQUENCE gone IS 'old';"
                                + "CREATE SEQUENCE num START 10;"
                                + "CREATE TABLE orders (id bigint PRIMARY KEY, n bigint DEFAULT nextval('num'::regclass));"
                                + "ALTER SEQUENCE num OWNED BY orders.n;",
                        "CREATE SEQUENCE num AS integer START 100 INCREMENT 5 MAXVALUE 100000 CACHE 3;"
                                + "COMMENT ON SEQUENCE num IS 'order numbers';"
                                + "CREATE SEQUENCE \"Fresh Seq\";"
                                + "CREATE TABLE orders (id bigint PRIMARY KEY DEFAULT nextval('\"Fresh Seq\"'::regclass),"
                                + " n bigint DEFAULT nextval('num'::regclass));"
                                + "ALTER SEQUENCE \"Fresh Seq\" OWNED BY orders.id;",
                        Hints.none()),
                Arguments.of("collation and comments on a column",
                        "CREATE TABLE words (w text); CREATE TABLE \"user\" (id serial PRIMARY KEY);",
                        "CREATE TABLE words (w text COLLATE \"C\", x text COLLATE \"C\");"
                                + "COMMENT ON COLUMN words.w IS 'a word';",
                        Hints.none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void upConvergesAndDownReverses(String title, String sqlA, String sqlB, Hints hints, DevServer server)
            throws SQLException {
        check(sqlA, sqlB, hints, server);
    }

    /**
     * The invariants for one pair built with SQL in schema {@code app}: diff(A, A) and diff(B, B)
     * empty; A to B applied converges on B; its down brings back A. Other pair tests call it too.
     */
    static void check(String sqlA, String sqlB, Hints hints, DevServer server) throws SQLException {
        try (ScratchDatabase dbA = server.createScratch("inv_a"); ScratchDatabase dbB = server.createScratch("inv_b");
             Connection a = open(dbA); Connection b = open(dbB)) {
            run(a, sqlA);
            run(b, sqlB);
            Schema before = CatalogReader.read(a, SCHEMA);
            Schema desired = CatalogReader.read(b, SCHEMA);
            assertEquals(List.of(), Differ.diff(before, before, Hints.none()), "diff(A, A)");
            assertEquals(List.of(), Differ.diff(desired, desired, Hints.none()), "diff(B, B)");

            Rendered migration = Pipeline.migration(before, desired, hints);
            assertFalse(migration.up().isEmpty(), "the pair differs");
            apply(a, migration.up(), "up");
            Schema afterUp = CatalogReader.read(a, SCHEMA);
            assertEquals(List.of(), Differ.diff(afterUp, desired, Hints.none()), "diff(live after up, B)");

            apply(a, migration.down(), "down");
            Schema afterDown = CatalogReader.read(a, SCHEMA);
            assertEquals(List.of(), Differ.diff(afterDown, before, Hints.none()), "diff(live after down, A)");
        }
    }

    private static Connection open(ScratchDatabase db) throws SQLException {
        Connection c = db.connect();
        try (var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("SET search_path TO " + SCHEMA);
        }
        return c;
    }

    private static void run(Connection c, String script) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** Runs transactional statements together in one transaction each run, the others alone. */
    private static void apply(Connection c, List<Statement> statements, String direction) throws SQLException {
        int i = 0;
        while (i < statements.size()) {
            if (!statements.get(i).transactional()) {
                execute(c, statements.get(i), direction);
                i++;
                continue;
            }
            c.setAutoCommit(false);
            try {
                while (i < statements.size() && statements.get(i).transactional()) {
                    execute(c, statements.get(i), direction);
                    i++;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void execute(Connection c, Statement statement, String direction) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(statement.sql());
        } catch (SQLException e) {
            throw new SQLException(direction + " failed at: " + statement.sql() + "\n" + e.getMessage(), e);
        }
    }
}
