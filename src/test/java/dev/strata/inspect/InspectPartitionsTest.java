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
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned tables (with sub-partitions, attached and created partitions, a partitioned index,
 * a foreign key), inheritance children and typed tables are written by inspect and come back
 * equal (inspect -> compile -> apply -> read); what a child column has of its own is reported.
 */
@WithPostgres
class InspectPartitionsTest {
    private static final String SQL = """
            CREATE TABLE customer (id int PRIMARY KEY);
            CREATE TABLE payment (id int NOT NULL, customer_id int REFERENCES customer, paid_at timestamptz NOT NULL,
                                  amount numeric CHECK (amount >= 0), PRIMARY KEY (id, paid_at))
                PARTITION BY RANGE (paid_at);
            CREATE INDEX ON payment (customer_id);
            CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
                PARTITION BY RANGE (paid_at);
            CREATE TABLE payment_2024_a PARTITION OF payment_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
            CREATE TABLE region (code text, name text) PARTITION BY LIST (code);
            CREATE TABLE region_eu PARTITION OF region FOR VALUES IN ('de', 'fr');
            CREATE TABLE payment_2024_rest PARTITION OF payment_2024 DEFAULT;
            CREATE TABLE payment_old (id int NOT NULL, customer_id int, paid_at timestamptz NOT NULL,
                                      amount numeric CONSTRAINT payment_amount_check CHECK (amount >= 0));
            ALTER TABLE payment ATTACH PARTITION payment_old FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
            CREATE INDEX payment_old_amount ON payment_old (amount);
            CREATE TABLE tag (name text COLLATE "C", id int) PARTITION BY HASH (name text_pattern_ops, (id + 1));
            CREATE TABLE tag_0 PARTITION OF tag FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE tag_1 PARTITION OF tag FOR VALUES WITH (MODULUS 2, REMAINDER 1);
            CREATE TABLE animal (id int NOT NULL, name text, CONSTRAINT animal_id CHECK (id > 0));
            CREATE TABLE pet (owner text) INHERITS (animal);
            CREATE TABLE shadow () INHERITS (animal);
            CREATE TABLE owned (id int NOT NULL, extra int) INHERITS (animal);
            CREATE TYPE point2 AS (x int, y int);
            CREATE TABLE spot OF point2 (PRIMARY KEY (x, y));
            CREATE TABLE noisy () INHERITS (animal);
            ALTER TABLE noisy ALTER COLUMN name SET DEFAULT 'rex';
            """;

    @Test
    void partitionsInheritanceAndTypedTablesRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_part"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute(SQL);
            inspection = Inspector.inspect(c, "public");
        }
        assertEquals(List.of(), inspection.unsupported().stream()
                .map(u -> (u.leftOut() ? "- " : "~ ") + u.kind() + " " + u.object()).toList());
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared").resolve("models.edn"));
        for (String expected : List.of(
                ":partition-by {:strategy :range :keys [:paid-at]}",
                ":partition-of :payment",
                ":default true",
                ":for-values \"IN ('de', 'fr')\"",
                ":keys [\"name text_pattern_ops\" \"((id + 1))\"]",
                ":inherits [:animal]",
                ":owned {:fields {:id {:type :integer :null false}\n                  :extra {:type :integer}}\n         :inherits [:animal]}",
                ":of :point2",
                ":column-options {:name {:default [:raw \"'rex'::text\"]}}")) {
            assertTrue(models.contains(expected), expected + " in\n" + models);
        }
        Schema back = RoundTrip.applyAndRead(server, out, "public");
        Schema noisyless = inspection.schema();
        RoundTrip.assertSameSchema(noisyless, back);
    }
}
