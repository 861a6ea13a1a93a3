package dev.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.diff.Differ;
import dev.strata.load.LoadedModel;
import dev.strata.load.ModelLoader;
import dev.strata.load.ProcessedModelWriter;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.Hints;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.View;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModelApplyTest takes model trees from EDN to a real PostgreSQL: load, compile, apply, read the
 * catalog back, and check that what PostgreSQL holds is what the model says.
 */
@WithPostgres
class ModelApplyTest {
    private static final Path EXAMPLE = Path.of("resources", "db");
    private static final Path EVERY_OPTION = Path.of("src", "test", "resources", "models", "every-option");

    @Test
    void exampleModelAppliesCleanly(DevServer server, @TempDir Path tmp) throws Exception {
        LoadedModel model = ModelLoader.load(EXAMPLE);
        Path processed = tmp.resolve("models_processed.edn");
        ProcessedModelWriter.write(model, processed);
        String text = Files.readString(processed);
        for (String stripped : List.of(":validation", ":ui", ":form", ":admin", ":security")) {
            assertFalse(text.contains(stripped), stripped + " must be stripped from the processed model");
        }
        Schema read = apply(server, model);
        assertEquals(List.of("account_members", "accounts", "amenities", "audit_events", "bookings", "invoice_lines",
                        "invoices", "payments", "properties", "property_amenities", "property_images", "refunds",
                        "sessions", "users"),
                read.tables().stream().map(t -> t.name().name()).toList());
        assertEquals(List.of("invoice_status", "payment_method", "property_status", "record_status", "user_role"),
                read.enums().stream().map(e -> e.name().name()).toList());
        assertEquals(List.of("calculate_property_occupancy", "normalize_name", "update_updated_at_column"),
                read.functions().stream().map(f -> f.name().name()).toList());
        View summary = read.views().get(0);
        assertTrue(summary.materialized());
        assertEquals(List.of("property_summary_name_idx"), summary.indexes().stream().map(Index::name).toList());
        assertEquals(List.of("accounts_updated_at", "properties_updated_at", "users_updated_at"),
                read.triggers().stream().map(t -> t.name()).sorted().toList());
        assertTrue(read.table("sessions").orElseThrow().rowLevelSecurity());
        assertEquals("sessions_owner", read.policies().get(0).name());
        Table bookings = read.table("bookings").orElseThrow();
        assertEquals(Column.Identity.ALWAYS, bookings.column("id").orElseThrow().identity());
        assertEquals("(end_date - start_date)", bookings.column("nights").orElseThrow().generatedExpr());
        assertEquals("((status)::text = 'confirmed'::text)", index(bookings, "bookings_confirmed_idx").where());
        assertEquals(List.of(), Differ.diff(read, read, Hints.none()));
    }

    @Test
    void everyTypeAndOptionReachesPostgres(DevServer server) throws Exception {
        Schema read = apply(server, ModelLoader.load(EVERY_OPTION));

        Map<String, String> types = new LinkedHashMap<>();
        read.table("every_type").orElseThrow().columns().forEach(c -> types.put(c.name(), c.type().sql()));
        assertEquals(List.of("bigint", "integer", "smallint", "bigint", "integer", "smallint", "double precision",
                        "real", "real", "double precision", "numeric", "numeric(10,2)", "numeric(8,0)", "numeric",
                        "character varying", "character varying(255)", "character(3)", "text", "uuid", "boolean",
                        "date", "time without time zone", "time(3) without time zone", "time with time zone",
                        "timestamp without time zone", "timestamp with time zone", "timestamp(6) with time zone",
                        "interval", "bit(8)", "bit varying(16)", "json", "jsonb", "bytea", "point", "line", "lseg",
                        "box", "path", "polygon", "circle", "inet", "cidr", "macaddr", "macaddr8", "money",
                        "tsvector", "tsquery", "xml", "int4range", "int8range", "numrange", "tsrange", "tstzrange",
                        "daterange", "int4multirange", "text[]", "integer[]", "uuid[]", "mood", "mood", "mood[]",
                        "citext"),
                List.copyOf(types.values()));

        Table t = read.table("every_option").orElseThrow();
        Column id = t.column("id").orElseThrow();
        assertEquals(Column.Identity.ALWAYS, id.identity());
        assertEquals(Column.Identity.BY_DEFAULT, t.column("by_default").orElseThrow().identity());
        Column name = t.column("name").orElseThrow();
        assertEquals("\"C\"", name.collation());
        assertEquals("Shown to people", name.comment());
        assertTrue(name.notNull());
        assertEquals("((amount * (100)::numeric))::bigint", t.column("amount_cents").orElseThrow().generatedExpr());
        Map<String, String> defaults = new LinkedHashMap<>();
        t.columns().stream().filter(c -> c.defaultExpr() != null).forEach(c -> defaults.put(c.name(), c.defaultExpr()));
        assertEquals(Map.of("amount", "0", "created_at", "now()", "created_on", "CURRENT_DATE",
                "token", "gen_random_uuid()", "label", "'it''s'::text", "active", "true", "ratio", "'-1.5'::numeric",
                "slug", "lower(COALESCE('A'::text, 'b'::text))", "mood", "'ok'::mood", "payload", "'{}'::jsonb"),
                defaults);

        Map<String, String> constraints = new LinkedHashMap<>();
        for (Constraint c : t.constraints()) {
            constraints.put(c.name(), c.getClass().getSimpleName());
        }
        assertEquals(Map.of("every_option_amount_check", "Check", "every_option_created_on_sane", "Check",
                        "every_option_during_excl", "Exclusion", "every_option_name_check", "Check",
                        "every_option_name_key", "Unique", "every_option_parent_id_fkey", "ForeignKey",
                        "every_option_pkey", "PrimaryKey", "every_option_type_id_created_at_key", "Unique",
                        "every_option_type_id_fkey", "ForeignKey"),
                constraints);
        Constraint.ForeignKey parent = t.constraints(Constraint.ForeignKey.class).get(0);
        assertEquals(Constraint.Action.SET_NULL, parent.onDelete());
        assertEquals(Constraint.Action.CASCADE, parent.onUpdate());
        assertEquals(List.of("every_option_lower_name_idx", "every_option_mood_idx", "every_option_payload_idx",
                        "every_option_recent_idx", "every_option_type_id_amount_idx"),
                t.indexes().stream().map(Index::name).toList());
        assertEquals("gin", index(t, "every_option_payload_idx").method());
        assertEquals(List.of("lower((name)::text)"), index(t, "every_option_lower_name_idx").keys());
        assertEquals(List.of("created_at DESC NULLS LAST"), index(t, "every_option_recent_idx").keys());
        assertEquals(List.of("amount"), index(t, "every_option_type_id_amount_idx").include());
        assertEquals("One of everything", t.comment());
        assertTrue(t.rowLevelSecurity());

        Table order = read.table("order").orElseThrow();
        assertEquals(new Constraint.PrimaryKey("order_pkey", List.of("order_no", "line_no")), order.primaryKey().orElseThrow());
        Constraint.ForeignKey composite = read.table("shipments").orElseThrow().constraints(Constraint.ForeignKey.class).get(0);
        assertEquals(List.of("order_no", "line_no"), composite.refColumns());
        assertEquals("order", composite.refTable().name());
        assertEquals(List.of("id", "group", "Mixed_Case"),
                read.table("user").orElseThrow().columns().stream().map(Column::name).toList());

        assertEquals(List.of("happy_names", "happy_options", "option_totals"),
                read.views().stream().map(v -> v.name().name()).toList());
        assertEquals(List.of("citext"), read.extensions().stream().map(e -> e.name()).toList());
        assertEquals(List.of("sad", "ok", "happy"), read.enumType("mood").orElseThrow().labels());
        assertEquals("every_option_touch", read.triggers().get(0).name());
        assertEquals("happy_only", read.policies().get(0).name());
    }

    private static Index index(Table table, String name) {
        return table.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static Schema apply(DevServer server, LoadedModel model) throws SQLException {
        try (ScratchDatabase db = server.createScratch("apply"); Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : DdlCompiler.compile(model.schema())) {
                s.execute(sql);
            }
            c.commit();
            c.setAutoCommit(true);
            return CatalogReader.read(c, "public");
        }
    }
}
