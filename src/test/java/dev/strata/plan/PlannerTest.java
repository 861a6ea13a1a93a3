package dev.strata.plan;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.sql.Rendered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static Schema cycle() {
        return schema()
                .table(table("a").col(notNull(col("id", "integer")), col("b_id", "integer"))
                        .con(pk("a", "id"), fk("a_b_id_fkey", "b_id", "b", "id")))
                .table(table("b").col(notNull(col("id", "integer")), col("a_id", "integer"))
                        .con(pk("b", "id"), fk("b_a_id_fkey", "a_id", "a", "id")))
                .build();
    }

    @Test
    void foreignKeyCycleBetweenNewTables() {
        Rendered r = migration(Schema.empty(), cycle());
        assertEquals(List.of(
                "CREATE TABLE a (\n    id integer NOT NULL,\n    b_id integer,\n    CONSTRAINT a_pkey PRIMARY KEY (id)\n)",
                "CREATE TABLE b (\n    id integer NOT NULL,\n    a_id integer,\n    CONSTRAINT b_pkey PRIMARY KEY (id)\n)",
                "ALTER TABLE a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES b (id)",
                "ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id)"), up(r));
        assertEquals(List.of(
                "ALTER TABLE b DROP CONSTRAINT b_a_id_fkey",
                "ALTER TABLE a DROP CONSTRAINT a_b_id_fkey",
                "DROP TABLE b",
                "DROP TABLE a"), down(r));
        assertEquals(List.of(
                "ALTER TABLE a DROP CONSTRAINT a_b_id_fkey",
                "ALTER TABLE b DROP CONSTRAINT b_a_id_fkey",
                "DROP TABLE a",
                "DROP TABLE b"), up(migration(cycle(), Schema.empty())));
    }

    @Test
    void tableReferencedByAForeignKeyIsDroppedAfterTheKey() {
        Schema before = schema()
                .table(table("users").col(notNull(col("id", "integer"))).con(pk("users", "id")))
                .table(table("orders").col(col("user_id", "integer"))
                        .con(fk("orders_user_id_fkey", "user_id", "users", "id")))
                .build();
        Schema after = schema().table(table("orders").col(col("user_id", "integer"))).build();
        Rendered r = migration(before, after);
        assertEquals(List.of("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey", "DROP TABLE users"), up(r));
        assertEquals(List.of(
                "CREATE TABLE users (\n    id integer NOT NULL,\n    CONSTRAINT users_pkey PRIMARY KEY (id)\n)",
                "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)"),
                down(r));
    }

    @Test
    void changedPrimaryKeyTakesTheForeignKeysThatUseItAlong() {
        Schema before = schema()
                .table(table("users").col(notNull(col("id", "integer")), notNull(col("code", "text")))
                        .con(new dev.strata.model.Constraint.PrimaryKey("users_pkey", List.of("id"))))
                .table(table("orders").col(col("user_id", "integer"))
                        .con(fk("orders_user_id_fkey", "user_id", "users", "id")))
                .build();
        Schema after = schema()
                .table(table("users").col(notNull(col("id", "integer")), notNull(col("code", "text")))
                        .con(new dev.strata.model.Constraint.PrimaryKey("users_pkey", List.of("id", "code"))))
                .table(table("orders").col(col("user_id", "integer"))
                        .con(fk("orders_user_id_fkey", "user_id", "users", "id")))
                .build();
        assertEquals(List.of(
                "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey",
                "ALTER TABLE users DROP CONSTRAINT users_pkey",
                "ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id, code)",
                "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)"),
                up(migration(before, after)));
    }

    private static Schema ordersWithViews(String amountType) {
        return schema()
                .table(table("orders").col(col("amount", amountType), col("note", "text")))
                .view(view("big_orders", " SELECT orders.amount\n   FROM orders", "orders"))
                .view(view("big_orders_2", " SELECT big_orders.amount\n   FROM big_orders", "big_orders"))
                .view(view("unrelated", " SELECT 1 AS one"))
                .build();
    }

    @Test
    void viewsOnAColumnWhoseTypeChangesAreDroppedBeforeAndCreatedAfter() {
        Rendered r = migration(ordersWithViews("integer"), ordersWithViews("bigint"));
        assertEquals(List.of(
                "DROP VIEW big_orders_2",
                "DROP VIEW big_orders",
                "ALTER TABLE orders ALTER COLUMN amount TYPE bigint USING amount::bigint",
                "CREATE VIEW big_orders AS\n SELECT orders.amount\n   FROM orders",
                "CREATE VIEW big_orders_2 AS\n SELECT big_orders.amount\n   FROM big_orders"), up(r));
        assertEquals(List.of(
                "DROP VIEW big_orders_2",
                "DROP VIEW big_orders",
                "ALTER TABLE orders ALTER COLUMN amount TYPE integer USING amount::integer",
                "CREATE VIEW big_orders AS\n SELECT orders.amount\n   FROM orders",
                "CREATE VIEW big_orders_2 AS\n SELECT big_orders.amount\n   FROM big_orders"), down(r));
    }

    private static Schema ordersWithTriggers(String amountType) {
        return schema()
                .table(table("orders").col(col("amount", amountType), col("note", "text")))
                .trigger("audit_amount", "orders",
                        "CREATE TRIGGER audit_amount BEFORE UPDATE OF amount ON orders FOR EACH ROW EXECUTE FUNCTION touch()")
                .trigger("audit_note", "orders",
                        "CREATE TRIGGER audit_note BEFORE UPDATE OF note ON orders FOR EACH ROW EXECUTE FUNCTION touch()")
                .build();
    }

    @Test
    void triggerNamingAColumnWhoseTypeChangesIsDroppedBeforeAndCreatedAfter() {
        Rendered r = migration(ordersWithTriggers("integer"), ordersWithTriggers("bigint"));
        String audit = "CREATE TRIGGER audit_amount BEFORE UPDATE OF amount ON orders FOR EACH ROW EXECUTE FUNCTION touch()";
        assertEquals(List.of(
                "DROP TRIGGER audit_amount ON orders",
                "ALTER TABLE orders ALTER COLUMN amount TYPE bigint USING amount::bigint",
                audit), up(r));
        assertEquals(List.of(
                "DROP TRIGGER audit_amount ON orders",
                "ALTER TABLE orders ALTER COLUMN amount TYPE integer USING amount::integer",
                audit), down(r));
    }

    @Test
    void functionUsedByADefaultIsCreatedBeforeTheTableAndDroppedAfterIt() {
        String def = "CREATE OR REPLACE FUNCTION next_code()\n RETURNS text\n LANGUAGE sql\nAS $function$SELECT 'x'$function$";
        Schema after = schema()
                .fn(function("next_code", "", def))
                .table(table("tickets").col(withDefault(col("code", "text"), "next_code()")))
                .build();
        Rendered r = migration(Schema.empty(), after);
        assertEquals(List.of(def, "CREATE TABLE tickets (\n    code text DEFAULT next_code()\n)"), up(r));
        assertEquals(List.of("DROP TABLE tickets", "DROP FUNCTION next_code()"), down(r));
        assertEquals(down(r), up(migration(after, Schema.empty())));
    }

    @Test
    void triggerFunctionBeforeTriggerAndTriggerDroppedBeforeFunction() {
        String def = "CREATE OR REPLACE FUNCTION a_touch()\n RETURNS trigger\n LANGUAGE plpgsql\n"
                + "AS $function$BEGIN RETURN NEW; END$function$";
        String trig = "CREATE TRIGGER z_touch BEFORE UPDATE ON zebra FOR EACH ROW EXECUTE FUNCTION a_touch()";
        Schema with = schema().table(table("zebra").col(col("a", "integer")))
                .fn(function("a_touch", "", def)).trigger("z_touch", "zebra", trig).build();
        Schema without = schema().table(table("zebra").col(col("a", "integer"))).build();
        assertEquals(List.of(def, trig), up(migration(without, with)));
        assertEquals(List.of("DROP TRIGGER z_touch ON zebra", "DROP FUNCTION a_touch()"), up(migration(with, without)));
    }

    @Test
    void enumTypeCreatedBeforeItsColumnAndDroppedAfter() {
        Schema with = schema().enumType("mood", "ok").table(table("t").col(col("id", "integer"), enumCol("m", "mood")))
                .build();
        Schema without = schema().table(table("t").col(col("id", "integer"))).build();
        assertEquals(List.of("CREATE TYPE mood AS ENUM ('ok')", "ALTER TABLE t ADD COLUMN m mood"),
                up(migration(without, with)));
        assertEquals(List.of("ALTER TABLE t DROP COLUMN m", "DROP TYPE mood"), up(migration(with, without)));
    }

    @Test
    void addedColumnsKeepTheModelOrder() {
        Schema before = schema().table(table("t").col(col("id", "integer"))).build();
        Schema after = schema().table(table("t").col(col("id", "integer"), col("c2", "integer"), col("c10", "integer"),
                generated(col("a_twice", "integer"), "(z * 2)"), col("z", "integer"))).build();
        assertEquals(List.of(
                "ALTER TABLE t ADD COLUMN c2 integer",
                "ALTER TABLE t ADD COLUMN c10 integer",
                "ALTER TABLE t ADD COLUMN z integer",
                "ALTER TABLE t ADD COLUMN a_twice integer GENERATED ALWAYS AS ((z * 2)) STORED"), up(migration(before, after)));
    }

    @Test
    void generatedColumnIsDroppedBeforeItsSourceAndAddedAfterIt() {
        // Names chosen so that the tie-break by name alone would get both orders wrong.
        Schema with = schema()
                .table(table("bills").col(col("id", "integer"), col("amount", "integer"),
                        generated(col("total", "integer"), "(amount * 2)")))
                .table(table("items").col(col("id", "integer"), col("z_price", "numeric"),
                        generated(col("a_double", "numeric"), "(z_price * (2)::numeric)")))
                .build();
        Schema without = schema()
                .table(table("bills").col(col("id", "integer")))
                .table(table("items").col(col("id", "integer")))
                .build();
        Rendered r = migration(with, without);
        assertEquals(List.of(
                "ALTER TABLE bills DROP COLUMN total",
                "ALTER TABLE bills DROP COLUMN amount",
                "ALTER TABLE items DROP COLUMN a_double",
                "ALTER TABLE items DROP COLUMN z_price"), up(r));
        assertEquals(List.of(
                "ALTER TABLE items ADD COLUMN z_price numeric",
                "ALTER TABLE items ADD COLUMN a_double numeric GENERATED ALWAYS AS ((z_price * (2)::numeric)) STORED",
                "ALTER TABLE bills ADD COLUMN amount integer",
                "ALTER TABLE bills ADD COLUMN total integer GENERATED ALWAYS AS ((amount * 2)) STORED"), down(r));
        assertEquals(List.of(
                "ALTER TABLE bills ADD COLUMN amount integer",
                "ALTER TABLE bills ADD COLUMN total integer GENERATED ALWAYS AS ((amount * 2)) STORED",
                "ALTER TABLE items ADD COLUMN z_price numeric",
                "ALTER TABLE items ADD COLUMN a_double numeric GENERATED ALWAYS AS ((z_price * (2)::numeric)) STORED"),
                up(migration(without, with)));
    }

    @Test
    void aNameGivenUpIsTakenOnlyAfterItsOldObjectIsDropped() {
        Schema before = schema()
                .enumType("state", "a")
                .table(table("ledger").col(col("id", "integer")))
                .table(table("old_orders").col(col("id", "integer")).idx(index("orders_idx", "old_orders", "id")))
                .build();
        Schema after = schema()
                .seq(new Sequence(n("ledger"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null))
                .table(table("orders").col(col("id", "integer")).idx(index("orders_idx", "orders", "id")))
                .table(table("state").col(col("id", "integer")))
                .build();
        Rendered r = migration(before, after);
        assertEquals(List.of(
                "DROP TABLE ledger",
                "CREATE SEQUENCE ledger AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE",
                "DROP TABLE old_orders",
                "CREATE TABLE orders (\n    id integer\n)",
                "CREATE INDEX orders_idx ON orders USING btree (id)",
                "DROP TYPE state",
                "CREATE TABLE state (\n    id integer\n)"), up(r));
        assertEquals(List.of(
                "DROP TABLE state",
                "CREATE TYPE state AS ENUM ('a')",
                "DROP TABLE orders",
                "CREATE TABLE old_orders (\n    id integer\n)",
                "CREATE INDEX orders_idx ON old_orders USING btree (id)",
                "DROP SEQUENCE ledger",
                "CREATE TABLE ledger (\n    id integer\n)"), down(r));
    }

    private static Schema big(int variant) {
        var s = schema().enumType("status", "a", "b");
        for (int i = 0; i < 12; i++) {
            String name = "t" + i;
            var t = table(name).col(notNull(col("id", "integer")), col("next_id", "integer"),
                    variant == 0 ? enumCol("s", "status") : withType(col("s", "text"), "text"))
                    .con(pk(name, "id"), fk(name + "_next_fkey", "next_id", "t" + ((i + 1) % 12), "id"));
            s.table(t);
            s.view(view("v" + i, " SELECT " + name + ".id\n   FROM " + name, name));
        }
        return s.build();
    }

    @Test
    void sameInputGivesTheSameOrder() {
        List<Change> changes = Differ.diff(big(0), big(1), Hints.none());
        List<Change> first = Planner.plan(changes, big(0), big(1));
        for (int seed = 0; seed < 5; seed++) {
            List<Change> shuffled = new ArrayList<>(changes);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(first, Planner.plan(shuffled, big(0), big(1)));
        }
        assertEquals(up(migration(big(0), big(1))), up(migration(big(0), big(1))));
        assertEquals(up(migration(Schema.empty(), big(0))), up(migration(Schema.empty(), big(0))));
        assertTrue(first.size() > 30, "a sizeable plan: " + first.size());
    }

    @Test
    void everyChangeIsKept() {
        List<Change> changes = Differ.diff(Schema.empty(), big(0), Hints.none());
        List<Change> planned = Planner.plan(changes, Schema.empty(), big(0));
        assertEquals(changes.size(), planned.size());
        assertTrue(planned.containsAll(changes));
    }
}
