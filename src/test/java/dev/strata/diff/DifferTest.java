package dev.strata.diff;

import static dev.strata.diff.Fixtures.check;
import static dev.strata.diff.Fixtures.col;
import static dev.strata.diff.Fixtures.enumCol;
import static dev.strata.diff.Fixtures.fk;
import static dev.strata.diff.Fixtures.function;
import static dev.strata.diff.Fixtures.generated;
import static dev.strata.diff.Fixtures.index;
import static dev.strata.diff.Fixtures.n;
import static dev.strata.diff.Fixtures.notNull;
import static dev.strata.diff.Fixtures.pk;
import static dev.strata.diff.Fixtures.schema;
import static dev.strata.diff.Fixtures.table;
import static dev.strata.diff.Fixtures.view;
import static dev.strata.diff.Fixtures.withDefault;
import static dev.strata.diff.Fixtures.withType;
import static dev.strata.diff.Pipeline.down;
import static dev.strata.diff.Pipeline.migration;
import static dev.strata.diff.Pipeline.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Constraint;
import dev.strata.model.Hints;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import dev.strata.sql.Rendered;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {
    private static Schema statusEnum(String... labels) {
        return schema().enumType("status", labels)
                .table(table("orders").col(notNull(col("id", "integer")), enumCol("state", "status"))
                        .con(pk("orders", "id")))
                .build();
    }

    static Schema rich() {
        return schema()
                .ext("pgcrypto")
                .enumType("status", "new", "done")
                .seq(new Sequence(n("users_id_seq"), "integer", 1, 1, 1, 2147483647, 1, false, "users.id"))
                .table(table("users")
                        .col(notNull(withDefault(col("id", "integer"), "nextval('users_id_seq'::regclass)")),
                                col("email", "text"))
                        .con(pk("users", "id"))
                        .idx(index("users_email_idx", "users", "email"))
                        .rls())
                .table(table("orders")
                        .col(notNull(col("id", "integer")), col("user_id", "integer"),
                                withDefault(enumCol("state", "status"), "'new'::status"))
                        .con(pk("orders", "id"), fk("orders_user_id_fkey", "user_id", "users", "id"),
                                check("orders_id_check", "((id > 0))")))
                .view(view("open_orders", " SELECT orders.id\n   FROM orders\n  WHERE (orders.state = 'new'::status)",
                        "orders"))
                .fn(function("touch", "", "CREATE OR REPLACE FUNCTION touch()\n RETURNS trigger\n LANGUAGE plpgsql\n"
                        + "AS $function$BEGIN RETURN NEW; END$function$"))
                .trigger("orders_touch", "orders",
                        "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()")
                .policy("own", "users", "CREATE POLICY own ON users AS PERMISSIVE FOR ALL TO public USING (true)")
                .build();
    }

    @Test
    void sameSchemaHasNoChanges() {
        assertEquals(List.of(), Differ.diff(rich(), rich(), Hints.none()));
        assertEquals(List.of(), Differ.diff(Schema.empty(), Schema.empty(), Hints.none()));
    }

    @Test
    void enumLabelAddedFirstMiddleAndLast() {
        Rendered r = migration(statusEnum("active", "done"), statusEnum("draft", "active", "paused", "done", "archived"));
        assertEquals(List.of(
                "ALTER TYPE status ADD VALUE 'draft' BEFORE 'active'",
                "ALTER TYPE status ADD VALUE 'paused' AFTER 'active'",
                "ALTER TYPE status ADD VALUE 'archived' AFTER 'done'"), up(r));
        assertEquals(3, r.down().size());
        assertEquals(List.of("archived", "paused", "draft"), r.down().stream()
                .map(s -> s.sql().replaceAll("(?s).*enumlabel <> '([a-z]+)'.*", "$1")).toList());
    }

    private static Schema statusReaders(String... labels) {
        Constraint.ForeignKey shipmentOrder = new Constraint.ForeignKey("shipments_order_fkey", List.of("order_id", "state"),
                n("orders"), List.of("id", "state"), null, null, false, false);
        return schema().enumType("status", labels)
                .table(table("orders")
                        .col(notNull(col("id", "integer")), enumCol("state", "status"), col("note", "text"),
                                generated(col("is_new", "boolean"), "(state = 'new'::status)"))
                        .con(pk("orders", "id"), check("orders_id_check", "((id > 0))"),
                                check("orders_state_check", "((state <> 'done'::status))"),
                                new Constraint.Unique("orders_id_state_key", List.of("id", "state"), false))
                        .idx(new Index("orders_new_idx", n("orders"), false, "btree", List.of("id"), List.of(),
                                        "(state = 'new'::status)"),
                                index("orders_is_new_idx", "orders", "is_new"), index("orders_note_idx", "orders", "note")))
                .table(table("shipments").col(col("order_id", "integer"), enumCol("state", "status"))
                        .con(shipmentOrder))
                .table(table("users").col(col("id", "integer")))
                .view(view("open_orders", " SELECT orders.id\n   FROM orders\n  WHERE (orders.state = 'new'::status)",
                        "orders"))
                .view(view("open_orders_2", " SELECT open_orders.id\n   FROM open_orders", "open_orders"))
                .view(view("order_notes", " SELECT orders.note\n   FROM orders", "orders"))
                .trigger("orders_note", "orders",
                        "CREATE TRIGGER orders_note BEFORE UPDATE OF note ON orders FOR EACH ROW EXECUTE FUNCTION touch()")
                .trigger("orders_touch", "orders",
                        "CREATE TRIGGER orders_touch BEFORE UPDATE OF state ON orders FOR EACH ROW EXECUTE FUNCTION touch()")
                .policy("fresh", "orders", "CREATE POLICY fresh ON orders AS PERMISSIVE FOR ALL TO public"
                        + " USING ((state = 'new'::status))")
                .policy("own", "users", "CREATE POLICY own ON users AS PERMISSIVE FOR ALL TO public USING (true)")
                .build();
    }

    @Test
    void anAddedLabelCarriesWhatReadsColumnsOfItsTypeInDropOrder() {
        Schema current = statusReaders("new", "done");
        Table orders = current.table("orders").orElseThrow();
        Table shipments = current.table("shipments").orElseThrow();
        List<Change> dependents = List.of(
                new Change.DropTrigger(current.triggers().get(1)),
                new Change.DropPolicy(current.policies().get(0)),
                new Change.DropView(current.views().get(1)),
                new Change.DropView(current.views().get(0)),
                new Change.DropConstraint(n("shipments"), shipments.constraints().get(0)),
                new Change.DropIndex(orders.indexes().get(0)),
                new Change.DropIndex(orders.indexes().get(1)),
                new Change.DropConstraint(n("orders"), orders.constraints().stream()
                        .filter(c -> c.name().equals("orders_state_check")).findFirst().orElseThrow()),
                new Change.DropColumn(n("orders"), orders.column("is_new").orElseThrow()));
        assertEquals("orders_touch", ((Change.DropTrigger) dependents.get(0)).trigger().name());
        assertEquals("fresh", ((Change.DropPolicy) dependents.get(1)).policy().name());
        assertEquals("open_orders_2", ((Change.DropView) dependents.get(2)).view().name().name());
        assertEquals("orders_is_new_idx", ((Change.DropIndex) dependents.get(5)).index().name());
        assertEquals("orders_new_idx", ((Change.DropIndex) dependents.get(6)).index().name());
        assertEquals("orders_state_check", ((Change.DropConstraint) dependents.get(7)).constraint().name());
        assertEquals(List.of(new Change.AddEnumLabel(n("status"), "paused", null, "new", dependents),
                        new Change.AddEnumLabel(n("status"), "archived", null, "done", dependents)),
                Differ.diff(current, statusReaders("new", "paused", "done", "archived"), Hints.none()));
        assertEquals(List.of(new Change.AddEnumLabel(n("status"), "paused", null, "done")),
                Differ.diff(statusEnum("new", "done"), statusEnum("new", "done", "paused"), Hints.none()));
    }

    @Test
    void consecutiveNewLabelsChainOnEachOther() {
        assertEquals(List.of(
                        "ALTER TYPE status ADD VALUE 'a' BEFORE 'x'",
                        "ALTER TYPE status ADD VALUE 'b' AFTER 'a'",
                        "ALTER TYPE status ADD VALUE 'y' AFTER 'x'",
                        "ALTER TYPE status ADD VALUE 'z' AFTER 'y'"),
                up(migration(statusEnum("x"), statusEnum("a", "b", "x", "y", "z"))));
    }

    @Test
    void enumLabelRemovalIsRefused() {
        StrataException e = assertThrows(StrataException.class,
                () -> Differ.diff(statusEnum("active", "pending", "done"), statusEnum("active", "done"), Hints.none()));
        assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
        assertEquals("Refusing to remove label 'pending' from enum type status.\n"
                + "  Current labels: 'active', 'pending', 'done'\n"
                + "  Model labels:   'active', 'done'\n"
                + "PostgreSQL cannot drop a value from an enum type, and rows may still hold it. Either:\n"
                + "  (1) keep the labels in the model and restrict the column with a CHECK constraint, e.g.\n"
                + "        :check [:raw \"state in ('active','done')\"]\n"
                + "  (2) write a hand-written migration (strata make-migration --sql --name remove-status-labels)"
                + " that first moves the data off the labels (UPDATE ... SET state = 'active' WHERE state IN"
                + " ('pending')) and then recreates the type.", e.getMessage());
    }

    @Test
    void enumLabelReorderingIsRefused() {
        StrataException e = assertThrows(StrataException.class,
                () -> Differ.diff(statusEnum("active", "done"), statusEnum("done", "new", "active"), Hints.none()));
        assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
        assertEquals("Refusing to reorder the labels of enum type status: the model puts 'done' before 'active'.\n"
                + "  Current labels: 'active', 'done'\n"
                + "  Model labels:   'done', 'new', 'active'\n"
                + "PostgreSQL cannot move an existing enum value; new labels may go anywhere, existing ones keep"
                + " their order. Either:\n"
                + "  (1) keep the labels in their current order in the model, and restrict the column with a CHECK"
                + " constraint where you need to, e.g.\n"
                + "        :check [:raw \"state in ('done','new','active')\"]\n"
                + "  (2) write a hand-written migration (strata make-migration --sql --name reorder-status-labels)"
                + " that creates a new type with the new order, moves the columns onto it"
                + " (USING state::text::new_type) and drops the old type.", e.getMessage());
    }

    @Test
    void enumLabelRenameNeedsAHint() {
        Hints hints = new Hints(Map.of(), Map.of(), Map.of(), Map.of(n("status"), Map.of("closed", "done")));
        Rendered r = migration(statusEnum("active", "done"), statusEnum("active", "closed", "archived"), hints);
        assertEquals(List.of("ALTER TYPE status RENAME VALUE 'done' TO 'closed'",
                "ALTER TYPE status ADD VALUE 'archived' AFTER 'closed'"), up(r));
        assertEquals("ALTER TYPE status RENAME VALUE 'closed' TO 'done'", down(r).get(1));
        assertThrows(StrataException.class,
                () -> Differ.diff(statusEnum("active", "done"), statusEnum("active", "closed"), Hints.none()));
    }

    @Test
    void tableRenameNeedsAHint() {
        Schema before = schema().table(table("client").col(col("name", "text"))).build();
        Schema after = schema().table(table("customer").col(col("name", "text"))).build();
        Rendered renamed = migration(before, after,
                new Hints(Map.of(n("customer"), "client"), Map.of(), Map.of(), Map.of()));
        assertEquals(List.of("ALTER TABLE client RENAME TO customer"), up(renamed));
        assertEquals(List.of("ALTER TABLE customer RENAME TO client"), down(renamed));
        assertEquals(List.of("CREATE TABLE customer (\n    name text\n)", "DROP TABLE client"),
                up(migration(before, after)));
    }

    @Test
    void aRenameHintThatAlreadyHappenedIsIgnored() {
        Schema after = schema().table(table("customer").col(col("name", "text"))).build();
        assertEquals(List.of(), Differ.diff(after, after,
                new Hints(Map.of(n("customer"), "client"), Map.of(), Map.of(), Map.of())));
    }

    @Test
    void columnRenameNeedsAHint() {
        Schema before = schema().table(table("users").col(col("mail", "text"))).build();
        Schema after = schema().table(table("users").col(notNull(col("email", "text")))).build();
        Hints hints = new Hints(Map.of(), Map.of(new Hints.ColumnKey(n("users"), "email"), "mail"), Map.of(), Map.of());
        Rendered r = migration(before, after, hints);
        assertEquals(List.of("ALTER TABLE users RENAME COLUMN mail TO email",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL"), up(r));
        assertEquals(List.of("ALTER TABLE users ALTER COLUMN email DROP NOT NULL",
                "ALTER TABLE users RENAME COLUMN email TO mail"), down(r));
        assertEquals(List.of("ALTER TABLE users ADD COLUMN email text NOT NULL", "ALTER TABLE users DROP COLUMN mail"),
                up(migration(before, after)));
    }

    @Test
    void renamedTableKeepsItsColumnChangesUnderTheNewName() {
        Schema before = schema().table(table("client").col(col("age", "integer"))).build();
        Schema after = schema().table(table("customer").col(col("age", "bigint"))).build();
        Rendered r = migration(before, after, new Hints(Map.of(n("customer"), "client"), Map.of(), Map.of(), Map.of()));
        assertEquals(List.of("ALTER TABLE client RENAME TO customer",
                "ALTER TABLE customer ALTER COLUMN age TYPE bigint USING age::bigint"), up(r));
        assertEquals(List.of("ALTER TABLE customer ALTER COLUMN age TYPE integer USING age::integer",
                "ALTER TABLE customer RENAME TO client"), down(r));
    }

    @Test
    void notNullOnAndDefaultChange() {
        Schema before = schema().table(table("t").col(col("n", "integer"), withDefault(col("d", "text"), "'a'::text")))
                .build();
        Schema after = schema().table(table("t").col(notNull(col("n", "integer")), withDefault(col("d", "text"),
                "'b'::text"))).build();
        assertEquals(List.of(
                new Change.AlterColumn(n("t"), withDefault(col("d", "text"), "'a'::text"),
                        withDefault(col("d", "text"), "'b'::text"), EnumSet.of(ColumnChange.DEFAULT)),
                new Change.AlterColumn(n("t"), col("n", "integer"), notNull(col("n", "integer")),
                        EnumSet.of(ColumnChange.NOT_NULL))),
                Pipeline.planned(before, after, Hints.none()));
        Rendered r = migration(before, after);
        assertEquals(List.of("ALTER TABLE t ALTER COLUMN d DROP DEFAULT", "ALTER TABLE t ALTER COLUMN d SET DEFAULT 'b'::text",
                "ALTER TABLE t ALTER COLUMN n SET NOT NULL"), up(r));
        assertEquals(List.of("ALTER TABLE t ALTER COLUMN n DROP NOT NULL", "ALTER TABLE t ALTER COLUMN d DROP DEFAULT",
                "ALTER TABLE t ALTER COLUMN d SET DEFAULT 'a'::text"), down(r));
    }

    @Test
    void typeChangeWithAndWithoutUsingHint() {
        Schema before = schema().table(table("t").col(col("price", "text"))).build();
        Schema after = schema().table(table("t").col(col("price", "numeric(10,2)"))).build();
        assertEquals(List.of("ALTER TABLE t ALTER COLUMN price TYPE numeric(10,2) USING price::numeric(10,2)"),
                up(migration(before, after)));
        Hints using = new Hints(Map.of(), Map.of(), Map.of(new Hints.ColumnKey(n("t"), "price"),
                "replace(price, ',', '.')::numeric(10,2)"), Map.of());
        Rendered r = migration(before, after, using);
        assertEquals(List.of("ALTER TABLE t ALTER COLUMN price TYPE numeric(10,2)"
                + " USING replace(price, ',', '.')::numeric(10,2)"), up(r));
        assertEquals(List.of("ALTER TABLE t ALTER COLUMN price TYPE text USING price::text"), down(r));
    }

    @Test
    void functionBodyChangeIsAReplace() {
        String v1 = "CREATE OR REPLACE FUNCTION f(x integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT x$function$";
        String v2 = v1.replace("SELECT x", "SELECT x + 1");
        Schema before = schema().fn(function("f", "x integer", v1)).build();
        Schema after = schema().fn(function("f", "x integer", v2)).build();
        assertEquals(List.of(new Change.ReplaceFunction(function("f", "x integer", v1), function("f", "x integer", v2))),
                Differ.diff(before, after, Hints.none()));
        Rendered r = migration(before, after);
        assertEquals(List.of(v2), up(r));
        assertEquals(List.of(v1), down(r));
    }

    @Test
    void functionWithOtherArgumentsOrResultIsDroppedAndCreated() {
        String v1 = "CREATE OR REPLACE FUNCTION f(x integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT x$function$";
        String v2 = "CREATE OR REPLACE FUNCTION f(x bigint)\n RETURNS bigint\n LANGUAGE sql\nAS $function$SELECT x$function$";
        String v3 = v1.replace("RETURNS integer", "RETURNS bigint").replace("SELECT x", "SELECT x::bigint");
        assertEquals(List.of("DROP FUNCTION f(x integer)", v2),
                up(migration(schema().fn(function("f", "x integer", v1)).build(),
                        schema().fn(function("f", "x bigint", v2)).build())));
        assertEquals(List.of("DROP FUNCTION f(x integer)", v3),
                up(migration(schema().fn(function("f", "x integer", v1)).build(),
                        schema().fn(function("f", "x integer", v3)).build())));
    }

    @Test
    void changedPolicyIsDroppedAndCreated() {
        String p1 = "CREATE POLICY own ON docs AS PERMISSIVE FOR ALL TO public USING ((owner = CURRENT_USER))";
        String p2 = "CREATE POLICY own ON docs AS PERMISSIVE FOR SELECT TO public USING ((owner = CURRENT_USER))";
        Schema base = schema().table(table("docs").col(col("owner", "text")).rls()).policy("own", "docs", p1).build();
        Schema next = schema().table(table("docs").col(col("owner", "text")).rls()).policy("own", "docs", p2).build();
        Rendered r = migration(base, next);
        assertEquals(List.of("DROP POLICY own ON docs", p2), up(r));
        assertEquals(List.of("DROP POLICY own ON docs", p1), down(r));
    }

    @Test
    void changedConstraintAndIndexAreDroppedAndCreated() {
        Schema before = schema().table(table("t").col(col("a", "integer"))
                .con(check("t_a_check", "((a > 0))")).idx(index("t_a_idx", "t", "a"))).build();
        Schema after = schema().table(table("t").col(col("a", "integer"))
                .con(check("t_a_check", "((a >= 0))")).idx(index("t_a_idx", "t", "a DESC"))).build();
        Rendered r = migration(before, after);
        assertEquals(List.of("DROP INDEX t_a_idx", "ALTER TABLE t DROP CONSTRAINT t_a_check",
                "ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (((a >= 0)))",
                "CREATE INDEX t_a_idx ON t USING btree (a DESC)"), up(r));
        assertEquals(List.of("DROP INDEX t_a_idx", "ALTER TABLE t DROP CONSTRAINT t_a_check",
                "ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (((a > 0)))",
                "CREATE INDEX t_a_idx ON t USING btree (a)"), down(r));
    }

    @Test
    void newSerialTableCreatesTheSequenceFirstAndOwnsItAfter() {
        Sequence seq = new Sequence(n("users_id_seq"), "integer", 1, 1, 1, 2147483647, 1, false, "users.id");
        Schema after = schema().seq(seq).table(table("users")
                .col(notNull(withDefault(col("id", "integer"), "nextval('users_id_seq'::regclass)")))).build();
        Rendered r = migration(Schema.empty(), after);
        assertEquals(List.of(
                "CREATE SEQUENCE users_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1"
                        + " CACHE 1 NO CYCLE",
                "CREATE TABLE users (\n    id integer DEFAULT nextval('users_id_seq'::regclass) NOT NULL\n)",
                "ALTER SEQUENCE users_id_seq OWNED BY users.id"), up(r));
        assertEquals(List.of("ALTER SEQUENCE users_id_seq OWNED BY NONE", "DROP TABLE users",
                "DROP SEQUENCE users_id_seq"), down(r));
        Rendered drop = migration(after, Schema.empty());
        assertEquals(down(r), up(drop));
        assertEquals(up(r), down(drop));
    }

    @Test
    void columnTypeChangeKeepsOtherColumnsAlone() {
        Schema before = schema().table(table("t").col(col("a", "integer"), col("b", "text"))).build();
        Schema after = schema().table(table("t").col(withType(col("a", "integer"), "bigint"), col("b", "text")))
                .build();
        assertEquals(1, Differ.diff(before, after, Hints.none()).size());
    }
}
