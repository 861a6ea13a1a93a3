package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Constraint;
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
 * Constraint names and options survive inspect, load, compile and apply: Northwind's
 * {@code pk_customers} keeps its name, PostgreSQL's default names are left to the loader, and
 * DEFERRABLE, NULLS NOT DISTINCT, NO INHERIT, MATCH FULL and NOT VALID come back as they were.
 */
@WithPostgres
class InspectConstraintsTest {
    private static final String SQL = """
            CREATE TABLE customers (customer_id text NOT NULL, company_name text NOT NULL, region text,
                CONSTRAINT pk_customers PRIMARY KEY (customer_id));
            CREATE TABLE orders (order_id integer PRIMARY KEY, customer_id text, freight numeric,
                ship_region text, ship_code text,
                CONSTRAINT fk_orders_customers FOREIGN KEY (customer_id) REFERENCES customers);
            CREATE TABLE order_details (order_id integer NOT NULL REFERENCES orders DEFERRABLE INITIALLY DEFERRED,
                product_id integer NOT NULL, quantity smallint CHECK (quantity > 0) NO INHERIT,
                discount real, code text, variant text,
                CONSTRAINT pk_order_details PRIMARY KEY (order_id, product_id) DEFERRABLE,
                UNIQUE NULLS NOT DISTINCT (code, variant) DEFERRABLE INITIALLY DEFERRED);
            CREATE TABLE rooms (id integer PRIMARY KEY, during tstzrange,
                EXCLUDE USING gist (during WITH &&) DEFERRABLE INITIALLY DEFERRED);
            CREATE TABLE regions (region text, code text, PRIMARY KEY (region, code));
            ALTER TABLE orders ADD FOREIGN KEY (ship_region, ship_code) REFERENCES regions MATCH FULL NOT VALID;
            ALTER TABLE orders ADD CONSTRAINT freight_positive CHECK (freight >= 0) NOT VALID;
            ALTER TABLE order_details ADD CHECK (discount >= 0);
            """;

    @Test
    void namesOnlyWhereNotTheDefaultAndEveryOptionRoundTrips(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_con"); Connection c = db.connect()) {
            InspectFixtures.run(c, "nw", SQL);
            inspection = Inspector.inspect(c, "nw");
        }
        assertEquals(List.of(), inspection.unsupported(), "the model carries every constraint here");
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":constraint-name \"pk_customers\""), models);
        assertTrue(models.contains(":name \"fk_orders_customers\""), models);
        assertTrue(models.contains(":name \"pk_order_details\""), models);
        assertTrue(models.contains(":name \"freight_positive\""), models);
        for (String generated : List.of("orders_pkey", "order_details_order_id_fkey", "order_details_quantity_check",
                "order_details_code_variant_key", "rooms_during_excl", "orders_ship_region_ship_code_fkey",
                "order_details_discount_check", "regions_pkey")) {
            assertFalse(models.contains(generated), generated + " is PostgreSQL's own name: the tree leaves it out\n"
                    + models);
        }
        assertTrue(models.contains(":nulls-not-distinct true"), models);
        assertTrue(models.contains(":no-inherit true"), models);
        assertTrue(models.contains(":match :full"), models);
        assertTrue(models.contains(":not-valid true"), models);
        assertTrue(models.contains(":initially-deferred true"), models);

        inspection.writeTo(out, false);
        Schema original = inspection.schema();
        Schema back = RoundTrip.applyAndRead(server, out, "nw");
        RoundTrip.assertSameSchema(original, back);
        assertEquals(new Constraint.PrimaryKey("pk_customers", List.of("customer_id")),
                back.table("customers").orElseThrow().primaryKey().orElseThrow());
        assertTrue(Files.readString(out.resolve("shared/models.edn")).contains("pk_customers"));
    }

    @Test
    void aDefaultNameTakenElsewhereIsWrittenOut(DevServer server) throws Exception {
        // b's check is named like a's default one: the loader would number a's, so both are written.
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_clash"); Connection c = db.connect()) {
            InspectFixtures.run(c, "cl", """
                    CREATE TABLE a (x integer CONSTRAINT a_x_check CHECK (x > 0));
                    CREATE TABLE b (y integer CONSTRAINT a_x_check CHECK (y > 0));
                    """);
            inspection = Inspector.inspect(c, "cl");
        }
        String models = inspection.files().get("shared/models.edn");
        assertEquals(2, models.split(":name \"a_x_check\"", -1).length - 1, models);
    }
}
