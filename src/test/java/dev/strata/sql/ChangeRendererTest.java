package dev.strata.sql;

import static dev.strata.diff.Fixtures.check;
import static dev.strata.diff.Fixtures.col;
import static dev.strata.diff.Fixtures.collate;
import static dev.strata.diff.Fixtures.enumCol;
import static dev.strata.diff.Fixtures.fk;
import static dev.strata.diff.Fixtures.function;
import static dev.strata.diff.Fixtures.generated;
import static dev.strata.diff.Fixtures.identity;
import static dev.strata.diff.Fixtures.index;
import static dev.strata.diff.Fixtures.n;
import static dev.strata.diff.Fixtures.notNull;
import static dev.strata.diff.Fixtures.pk;
import static dev.strata.diff.Fixtures.table;
import static dev.strata.diff.Fixtures.view;
import static dev.strata.diff.Fixtures.withComment;
import static dev.strata.diff.Fixtures.withDefault;
import static dev.strata.diff.Fixtures.withType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.diff.Change;
import dev.strata.diff.ColumnChange;
import dev.strata.diff.SequenceChange;
import dev.strata.model.Column;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRendererTest {
    private static void assertSql(Change change, List<String> up, List<String> down) {
        Rendered r = ChangeRenderer.render(change);
        assertEquals(up, r.up().stream().map(Statement::sql).toList(), "up of " + change);
        assertEquals(down, r.down().stream().map(Statement::sql).toList(), "down of " + change);
        assertTrue(r.up().stream().allMatch(Statement::transactional));
        assertTrue(r.down().stream().allMatch(Statement::transactional));
    }

    private static final Table ORDERS = table("orders")
            .col(notNull(col("id", "integer")), withComment(col("note", "text"), "free text"))
            .con(pk("orders", "id"), check("orders_id_check", "((id > 0))"))
            .idx(index("orders_note_idx", "orders", "note"))
            .comment("all orders")
            .rls()
            .build();

    private static final List<String> CREATE_ORDERS = List.of(
            "CREATE TABLE orders (\n    id integer NOT NULL,\n    note text,\n"
                    + "    CONSTRAINT orders_id_check CHECK (((id > 0))),\n"
                    + "    CONSTRAINT orders_pkey PRIMARY KEY (id)\n)",
            "CREATE INDEX orders_note_idx ON orders USING btree (note)",
            "COMMENT ON TABLE orders IS 'all orders'",
            "COMMENT ON COLUMN orders.note IS 'free text'",
            "ALTER TABLE orders ENABLE ROW LEVEL SECURITY");

    @Test
    void extensions() {
        Extension e = new Extension("pgcrypto");
        assertSql(new Change.CreateExtension(e), List.of("CREATE EXTENSION IF NOT EXISTS pgcrypto"),
                List.of("DROP EXTENSION pgcrypto"));
        assertSql(new Change.DropExtension(e), List.of("DROP EXTENSION pgcrypto"),
                List.of("CREATE EXTENSION IF NOT EXISTS pgcrypto"));
    }

    @Test
    void enumTypes() {
        EnumType status = new EnumType(n("status"), List.of("active", "it's"), "order state");
        List<String> create = List.of("CREATE TYPE status AS ENUM ('active', 'it''s')",
                "COMMENT ON TYPE status IS 'order state'");
        assertSql(new Change.CreateEnum(status), create, List.of("DROP TYPE status"));
        assertSql(new Change.DropEnum(status), List.of("DROP TYPE status"), create);
        assertSql(new Change.RenameEnumLabel(n("status"), "old", "new"),
                List.of("ALTER TYPE status RENAME VALUE 'old' TO 'new'"),
                List.of("ALTER TYPE status RENAME VALUE 'new' TO 'old'"));
        assertSql(new Change.CommentOnType(n("status"), null, "x"), List.of("COMMENT ON TYPE status IS 'x'"),
                List.of("COMMENT ON TYPE status IS NULL"));
    }

    @Test
    void enumLabelAddedFirstMiddleLast() {
        assertEquals("ALTER TYPE status ADD VALUE 'draft' BEFORE 'active'",
                up(new Change.AddEnumLabel(n("status"), "draft", "active", null)));
        assertEquals("ALTER TYPE status ADD VALUE 'paused' AFTER 'active'",
                up(new Change.AddEnumLabel(n("status"), "paused", null, "active")));
        assertEquals("ALTER TYPE \"Mood\" ADD VALUE 'meh'",
                up(new Change.AddEnumLabel(n("Mood"), "meh", null, null)));
    }

    @Test
    void enumLabelDownRecreatesTheTypeGuarded() {
        Rendered r = ChangeRenderer.render(new Change.AddEnumLabel(n("status"), "archived", null, "active"));
        assertEquals(1, r.down().size());
        String block = r.down().get(0).sql();
        assertTrue(block.startsWith("DO $strata$\n"), block);
        assertTrue(block.contains("old_type regtype := 'status'::regtype;"), block);
        assertTrue(block.contains("RAISE EXCEPTION 'cannot remove label archived from enum type status:"
                + " column %.% still holds it', col.rel, col.name"), block);
        assertTrue(block.contains("enumlabel <> 'archived'"), block);
        assertTrue(block.contains("ALTER TYPE status RENAME TO status_strata_old;"), block);
        assertTrue(block.contains("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT"), block);
        assertTrue(block.contains("'ALTER TABLE %1$s ALTER COLUMN %2$s TYPE %3$s USING %2$s::text::%3$s'"), block);
        assertTrue(block.contains("'ALTER TABLE %1$s ALTER COLUMN %2$s TYPE %3$s[] USING %2$s::text[]::%3$s[]'"), block);
        assertTrue(block.contains("RAISE EXCEPTION 'cannot remove label archived from enum type status:"
                + " % still depend on it', blockers"), block);
        assertFalse(block.contains("dropped_"), block);
        assertTrue(block.contains("SET DEFAULT %s"), block);
        assertTrue(block.endsWith("    DROP TYPE status_strata_old;\nEND\n$strata$"), block);
    }

    @Test
    void enumLabelDownMovesItsDependentsOutOfTheWayAroundTheSwap() {
        View v = view("v", " SELECT t.s\n   FROM t", "t");
        Column isA = generated(col("is_a", "boolean"), "(s = 'a'::st)");
        Rendered r = ChangeRenderer.render(new Change.AddEnumLabel(n("st"), "b", null, "a",
                List.of(new Change.DropView(v), new Change.DropColumn(n("t"), isA))));
        assertEquals(List.of("ALTER TYPE st ADD VALUE 'b' AFTER 'a'"), r.up().stream().map(Statement::sql).toList());
        String block = r.down().get(0).sql();
        String drops = "BEGIN\n"
                + "    IF to_regclass('v') IS NOT NULL THEN\n"
                + "        EXECUTE 'DROP VIEW v';\n"
                + "        dropped_1 := true;\n"
                + "    END IF;\n"
                + "    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('t') AND attname = 'is_a'"
                + " AND NOT attisdropped) THEN\n"
                + "        EXECUTE 'ALTER TABLE t DROP COLUMN is_a';\n"
                + "        dropped_2 := true;\n"
                + "    END IF;\n"
                + "    SELECT string_agg(o, ', ' ORDER BY o) INTO blockers FROM (\n";
        String creates = "    END LOOP;\n"
                + "    IF dropped_2 THEN\n"
                + "        EXECUTE 'ALTER TABLE t ADD COLUMN is_a boolean GENERATED ALWAYS AS ((s = ''a''::st)) STORED';\n"
                + "    END IF;\n"
                + "    IF dropped_1 THEN\n"
                + "        EXECUTE 'CREATE VIEW v AS\n SELECT t.s\n   FROM t';\n"
                + "    END IF;\n"
                + "    DROP TYPE st_strata_old;\n"
                + "END\n"
                + "$strata$";
        assertTrue(block.startsWith("DO $strata$\nDECLARE\n"), block);
        assertTrue(block.contains("    dropped_1 boolean := false;\n    dropped_2 boolean := false;\nBEGIN\n"), block);
        assertTrue(block.contains(drops), block);
        assertTrue(block.endsWith(creates), block);
        assertTrue(block.indexOf(drops) < block.indexOf("ALTER TYPE st RENAME TO st_strata_old;"), block);

        View odd = view("odd", " SELECT '$strata$'::text AS tag");
        String quoted = ChangeRenderer.render(new Change.AddEnumLabel(n("st"), "b", null, "a",
                List.of(new Change.DropView(odd)))).down().get(0).sql();
        assertTrue(quoted.startsWith("DO $strata1$\n") && quoted.endsWith("\n$strata1$"), quoted);
    }

    @Test
    void sequences() {
        Sequence s = new Sequence(n("ticket_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);
        String create = "CREATE SEQUENCE ticket_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807"
                + " START WITH 1 CACHE 1 NO CYCLE";
        assertSql(new Change.CreateSequence(s), List.of(create), List.of("DROP SEQUENCE ticket_seq"));
        assertSql(new Change.DropSequence(s), List.of("DROP SEQUENCE ticket_seq"), List.of(create));
        Sequence t = new Sequence(n("ticket_seq"), "integer", 1, 5, 1, 2147483647, 10, true, "tickets.id", "it's");
        assertSql(new Change.AlterSequence(s, t, EnumSet.complementOf(EnumSet.of(SequenceChange.UNLOGGED))),
                List.of("ALTER SEQUENCE ticket_seq AS integer INCREMENT BY 5 MINVALUE 1 MAXVALUE 2147483647"
                                + " START WITH 1 CACHE 10 CYCLE",
                        "ALTER SEQUENCE ticket_seq OWNED BY tickets.id",
                        "COMMENT ON SEQUENCE ticket_seq IS 'it''s'"),
                List.of("ALTER SEQUENCE ticket_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807"
                                + " START WITH 1 CACHE 1 NO CYCLE",
                        "ALTER SEQUENCE ticket_seq OWNED BY NONE",
                        "COMMENT ON SEQUENCE ticket_seq IS NULL"));
        Sequence commented = new Sequence(n("ticket_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null, "c");
        assertSql(new Change.DropSequence(commented), List.of("DROP SEQUENCE ticket_seq"),
                List.of(create, "COMMENT ON SEQUENCE ticket_seq IS 'c'"));
        assertSql(new Change.CreateSequence(commented), List.of(create, "COMMENT ON SEQUENCE ticket_seq IS 'c'"),
                List.of("DROP SEQUENCE ticket_seq"));
        Sequence quotedOwner = new Sequence(n("user_id_seq"), "integer", 1, 1, 1, 2147483647, 1, false, "\"user\".id");
        assertSql(new Change.AlterSequence(s, quotedOwner, EnumSet.of(SequenceChange.OWNED_BY)),
                List.of("ALTER SEQUENCE user_id_seq OWNED BY \"user\".id"),
                List.of("ALTER SEQUENCE ticket_seq OWNED BY NONE"));
        assertSql(new Change.AlterSequence(s, t, EnumSet.of(SequenceChange.INCREMENT)),
                List.of("ALTER SEQUENCE ticket_seq INCREMENT BY 5"), List.of("ALTER SEQUENCE ticket_seq INCREMENT BY 1"));
    }

    @Test
    void tables() {
        assertSql(new Change.CreateTable(ORDERS), CREATE_ORDERS, List.of("DROP TABLE orders"));
        assertSql(new Change.DropTable(ORDERS), List.of("DROP TABLE orders"), CREATE_ORDERS);
        assertSql(new Change.RenameTable(n("order"), n("Orders")), List.of("ALTER TABLE \"order\" RENAME TO \"Orders\""),
                List.of("ALTER TABLE \"Orders\" RENAME TO \"order\""));
        assertSql(new Change.CommentOnTable(n("orders"), "old", null), List.of("COMMENT ON TABLE orders IS NULL"),
                List.of("COMMENT ON TABLE orders IS 'old'"));
    }

    @Test
    void indexAndTableOptions() {
        Index plain = new Index("t_a", n("t"), false, "btree", List.of("a DESC"), List.of(), null);
        Index from = plain.withOptions(java.util.Map.of("fillfactor", "70", "deduplicate_items", "off"), "it's old");
        Index to = plain.withOptions(java.util.Map.of("fillfactor", "80", "custom", "two words"), null);
        assertSql(new Change.AlterIndex(from, to, EnumSet.of(dev.strata.diff.IndexChange.STORAGE,
                        dev.strata.diff.IndexChange.COMMENT)),
                List.of("ALTER INDEX t_a RESET (deduplicate_items)", "ALTER INDEX t_a SET (custom='two words', fillfactor=80)",
                        "COMMENT ON INDEX t_a IS NULL"),
                List.of("ALTER INDEX t_a RESET (custom)", "ALTER INDEX t_a SET (deduplicate_items=off, fillfactor=70)",
                        "COMMENT ON INDEX t_a IS 'it''s old'"));
        assertSql(new Change.CreateIndex(from),
                List.of("CREATE INDEX t_a ON t USING btree (a DESC) WITH (deduplicate_items=off, fillfactor=70)",
                        "COMMENT ON INDEX t_a IS 'it''s old'"), List.of("DROP INDEX t_a"));

        Table logged = table("t").col(col("a", "integer")).build();
        Table unlogged = logged.withOptions(true, java.util.Map.of("autovacuum_enabled", "false"), true);
        assertSql(new Change.AlterTable(logged, unlogged, EnumSet.complementOf(EnumSet.of(dev.strata.diff.TableChange.REPLICA_IDENTITY,
                dev.strata.diff.TableChange.CLUSTER))),
                List.of("ALTER TABLE t SET UNLOGGED", "ALTER TABLE t SET (autovacuum_enabled=false)",
                        "ALTER TABLE t FORCE ROW LEVEL SECURITY"),
                List.of("ALTER TABLE t SET LOGGED", "ALTER TABLE t RESET (autovacuum_enabled)",
                        "ALTER TABLE t NO FORCE ROW LEVEL SECURITY"));
        assertSql(new Change.CreateTable(unlogged),
                List.of("CREATE UNLOGGED TABLE t (\n    a integer\n) WITH (autovacuum_enabled=false)",
                        "ALTER TABLE t FORCE ROW LEVEL SECURITY"), List.of("DROP TABLE t"));
    }

    @Test
    void columns() {
        Column email = withComment(notNull(withDefault(col("email", "character varying(255)"), "''::character varying")),
                "contact");
        List<String> add = List.of(
                "ALTER TABLE users ADD COLUMN email character varying(255) DEFAULT ''::character varying NOT NULL",
                "COMMENT ON COLUMN users.email IS 'contact'");
        assertSql(new Change.AddColumn(n("users"), email), add, List.of("ALTER TABLE users DROP COLUMN email"));
        assertSql(new Change.DropColumn(n("users"), email), List.of("ALTER TABLE users DROP COLUMN email"), add);
        assertSql(new Change.RenameColumn(n("users"), "mail", "user"),
                List.of("ALTER TABLE users RENAME COLUMN mail TO \"user\""),
                List.of("ALTER TABLE users RENAME COLUMN \"user\" TO mail"));
    }

    @Test
    void collationInTheCatalogsQuotedFormIsNotQuotedTwice() {
        Column word = collate(col("w", "text"), "\"C\"");
        assertSql(new Change.AddColumn(n("words"), word), List.of("ALTER TABLE words ADD COLUMN w text COLLATE \"C\""),
                List.of("ALTER TABLE words DROP COLUMN w"));
        assertSql(alter(col("w", "text"), word, ColumnChange.COLLATION),
                List.of("ALTER TABLE t ALTER COLUMN w TYPE text COLLATE \"C\""),
                List.of("ALTER TABLE t ALTER COLUMN w TYPE text COLLATE \"default\""));
    }

    private static Change.AlterColumn alter(Column from, Column to, ColumnChange... changes) {
        return new Change.AlterColumn(n("t"), from, to, EnumSet.copyOf(List.of(changes)));
    }

    @Test
    void alterColumnTypeWithAndWithoutUsing() {
        Column from = col("amount", "integer");
        Column to = withType(from, "numeric(10,2)");
        assertSql(alter(from, to, ColumnChange.TYPE),
                List.of("ALTER TABLE t ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric(10,2)"),
                List.of("ALTER TABLE t ALTER COLUMN amount TYPE integer USING amount::integer"));
        assertSql(new Change.AlterColumn(n("t"), from, to, EnumSet.of(ColumnChange.TYPE), "amount / 100.0"),
                List.of("ALTER TABLE t ALTER COLUMN amount TYPE numeric(10,2) USING amount / 100.0"),
                List.of("ALTER TABLE t ALTER COLUMN amount TYPE integer USING amount::integer"));
    }

    @Test
    void alterColumnTypeTakesTheDefaultOffAndPutsItBack() {
        Column from = withDefault(enumCol("state", "status"), "'new'::status");
        Column to = withDefault(enumCol("state", "state"), "'new'::state");
        assertSql(alter(from, to, ColumnChange.TYPE, ColumnChange.DEFAULT),
                List.of("ALTER TABLE t ALTER COLUMN state DROP DEFAULT",
                        "ALTER TABLE t ALTER COLUMN state TYPE state USING state::text::state",
                        "ALTER TABLE t ALTER COLUMN state SET DEFAULT 'new'::state"),
                List.of("ALTER TABLE t ALTER COLUMN state DROP DEFAULT",
                        "ALTER TABLE t ALTER COLUMN state TYPE status USING state::text::status",
                        "ALTER TABLE t ALTER COLUMN state SET DEFAULT 'new'::status"));
    }

    @Test
    void alterColumnNotNullDefaultCommentCollation() {
        Column c = col("name", "text");
        assertSql(alter(c, notNull(c), ColumnChange.NOT_NULL),
                List.of("ALTER TABLE t ALTER COLUMN name SET NOT NULL"),
                List.of("ALTER TABLE t ALTER COLUMN name DROP NOT NULL"));
        assertSql(alter(c, withDefault(c, "'x'::text"), ColumnChange.DEFAULT),
                List.of("ALTER TABLE t ALTER COLUMN name SET DEFAULT 'x'::text"),
                List.of("ALTER TABLE t ALTER COLUMN name DROP DEFAULT"));
        assertSql(alter(withDefault(c, "'x'::text"), withDefault(c, "'y'::text"), ColumnChange.DEFAULT),
                List.of("ALTER TABLE t ALTER COLUMN name DROP DEFAULT",
                        "ALTER TABLE t ALTER COLUMN name SET DEFAULT 'y'::text"),
                List.of("ALTER TABLE t ALTER COLUMN name DROP DEFAULT",
                        "ALTER TABLE t ALTER COLUMN name SET DEFAULT 'x'::text"));
        assertSql(alter(c, withComment(c, "who"), ColumnChange.COMMENT),
                List.of("COMMENT ON COLUMN t.name IS 'who'"), List.of("COMMENT ON COLUMN t.name IS NULL"));
        assertSql(alter(c, collate(c, "\"C\""), ColumnChange.COLLATION),
                List.of("ALTER TABLE t ALTER COLUMN name TYPE text COLLATE \"C\""),
                List.of("ALTER TABLE t ALTER COLUMN name TYPE text COLLATE \"default\""));
    }

    @Test
    void alterColumnIdentityAndGeneration() {
        Column id = col("id", "bigint");
        assertSql(alter(id, identity(notNull(id), Column.Identity.ALWAYS), ColumnChange.NOT_NULL, ColumnChange.IDENTITY),
                List.of("ALTER TABLE t ALTER COLUMN id SET NOT NULL",
                        "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"),
                List.of("ALTER TABLE t ALTER COLUMN id DROP IDENTITY",
                        "ALTER TABLE t ALTER COLUMN id DROP NOT NULL"));
        assertSql(alter(identity(id, Column.Identity.ALWAYS), identity(id, Column.Identity.BY_DEFAULT),
                        ColumnChange.IDENTITY),
                List.of("ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT"),
                List.of("ALTER TABLE t ALTER COLUMN id SET GENERATED ALWAYS"));
        Column total = col("total", "integer");
        assertSql(alter(generated(total, "(a + b)"), generated(total, "(a * b)"), ColumnChange.GENERATED),
                List.of("ALTER TABLE t ALTER COLUMN total SET EXPRESSION AS ((a * b))"),
                List.of("ALTER TABLE t ALTER COLUMN total SET EXPRESSION AS ((a + b))"));
        assertSql(alter(generated(total, "(a + b)"), total, ColumnChange.GENERATED),
                List.of("ALTER TABLE t ALTER COLUMN total DROP EXPRESSION"),
                List.of("ALTER TABLE t DROP COLUMN total",
                        "ALTER TABLE t ADD COLUMN total integer GENERATED ALWAYS AS ((a + b)) STORED"));
    }

    @Test
    void constraintsAndIndexes() {
        var key = fk("orders_user_fk", "user_id", "users", "id");
        String add = "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)";
        String drop = "ALTER TABLE orders DROP CONSTRAINT orders_user_fk";
        assertSql(new Change.AddConstraint(n("orders"), key), List.of(add), List.of(drop));
        assertSql(new Change.DropConstraint(n("orders"), key), List.of(drop), List.of(add));
        Index idx = new Index("by_email", n("users"), true, "btree", List.of("lower(email)"), List.of("id"),
                "(deleted_at IS NULL)");
        String create = "CREATE UNIQUE INDEX by_email ON users USING btree (lower(email)) INCLUDE (id)"
                + " WHERE (deleted_at IS NULL)";
        assertSql(new Change.CreateIndex(idx), List.of(create), List.of("DROP INDEX by_email"));
        assertSql(new Change.DropIndex(idx), List.of("DROP INDEX by_email"), List.of(create));
    }

    @Test
    void viewsAndMaterializedViews() {
        View v = view("active_users", " SELECT users.id\n   FROM users;", "users");
        assertSql(new Change.CreateView(v), List.of("CREATE VIEW active_users AS\n SELECT users.id\n   FROM users"),
                List.of("DROP VIEW active_users"));
        View m = new View(n("totals"), true, "CREATE MATERIALIZED VIEW totals AS\n SELECT 1 AS one\nWITH DATA", null,
                List.of(index("totals_one_idx", "totals", "one")), List.of());
        List<String> create = List.of("CREATE MATERIALIZED VIEW totals AS\n SELECT 1 AS one\nWITH DATA",
                "CREATE INDEX totals_one_idx ON totals USING btree (one)");
        assertSql(new Change.CreateView(m), create, List.of("DROP MATERIALIZED VIEW totals"));
        assertSql(new Change.DropView(m), List.of("DROP MATERIALIZED VIEW totals"), create);
    }

    @Test
    void functions() {
        String v1 = "CREATE OR REPLACE FUNCTION add(a integer, b integer)\n RETURNS integer\n LANGUAGE sql\n"
                + "AS $function$SELECT a + b$function$";
        String v2 = v1.replace("a + b", "b + a");
        Function f1 = function("add", "a integer, b integer", v1);
        Function f2 = function("add", "a integer, b integer", v2);
        assertSql(new Change.CreateFunction(f1), List.of(v1), List.of("DROP FUNCTION add(a integer, b integer)"));
        assertSql(new Change.DropFunction(f1), List.of("DROP FUNCTION add(a integer, b integer)"), List.of(v1));
        assertSql(new Change.ReplaceFunction(f1, f2), List.of(v2), List.of(v1));
        Function p = new Function(n("Tidy"), "", true, "CREATE OR REPLACE PROCEDURE \"Tidy\"()\n LANGUAGE sql\n"
                + "AS $procedure$SELECT 1$procedure$", null);
        assertEquals(List.of("DROP PROCEDURE \"Tidy\"()"), down(new Change.CreateFunction(p)));
    }

    @Test
    void triggersPoliciesAndRowLevelSecurity() {
        Trigger t = new Trigger("touch", n("user"), "CREATE TRIGGER touch BEFORE UPDATE ON \"user\" FOR EACH ROW"
                + " EXECUTE FUNCTION touch()", null);
        assertSql(new Change.CreateTrigger(t), List.of(t.definition()), List.of("DROP TRIGGER touch ON \"user\""));
        assertSql(new Change.DropTrigger(t), List.of("DROP TRIGGER touch ON \"user\""), List.of(t.definition()));
        Policy p = new Policy("own_rows", n("orders"), "CREATE POLICY own_rows ON orders AS PERMISSIVE FOR ALL"
                + " TO public USING ((owner = CURRENT_USER))", null);
        assertSql(new Change.CreatePolicy(p), List.of(p.definition()), List.of("DROP POLICY own_rows ON orders"));
        assertSql(new Change.DropPolicy(p), List.of("DROP POLICY own_rows ON orders"), List.of(p.definition()));
        assertSql(new Change.EnableRowLevelSecurity(n("orders")), List.of("ALTER TABLE orders ENABLE ROW LEVEL SECURITY"),
                List.of("ALTER TABLE orders DISABLE ROW LEVEL SECURITY"));
        assertSql(new Change.DisableRowLevelSecurity(n("orders")),
                List.of("ALTER TABLE orders DISABLE ROW LEVEL SECURITY"),
                List.of("ALTER TABLE orders ENABLE ROW LEVEL SECURITY"));
    }

    @Test
    void renderAllRunsDownsInReverseOrder() {
        Rendered r = ChangeRenderer.renderAll(List.of(
                new Change.CreateEnum(new EnumType(n("status"), List.of("a"), null)),
                new Change.AddColumn(n("t"), enumCol("s", "status"))));
        assertEquals(List.of("CREATE TYPE status AS ENUM ('a')", "ALTER TABLE t ADD COLUMN s status"),
                r.up().stream().map(Statement::sql).toList());
        assertEquals(List.of("ALTER TABLE t DROP COLUMN s", "DROP TYPE status"),
                r.down().stream().map(Statement::sql).toList());
    }

    @Test
    void addValueLeavesTheTransactionOnlyWhenTheMigrationUsesTheLabel() {
        Change add = new Change.AddEnumLabel(n("status"), "paused", null, "active");
        Change useIt = new Change.AddColumn(n("t"), withDefault(enumCol("s", "status"), "'paused'::status"));
        Change other = new Change.AddColumn(n("t"), withDefault(enumCol("s", "status"), "'active'::status"));
        assertFalse(ChangeRenderer.renderAll(List.of(add, useIt)).up().get(0).transactional());
        assertTrue(ChangeRenderer.renderAll(List.of(add, other)).up().get(0).transactional());
        assertTrue(ChangeRenderer.renderAll(List.of(add, useIt)).up().get(1).transactional());
        assertTrue(ChangeRenderer.renderAll(List.of(add, useIt)).down().stream().allMatch(Statement::transactional));
    }

    private static String up(Change c) {
        return ChangeRenderer.render(c).up().get(0).sql();
    }

    private static List<String> down(Change c) {
        return ChangeRenderer.render(c).down().stream().map(Statement::sql).toList();
    }
}
