package dev.strata.compile;

import static dev.strata.compile.SchemaBuilder.col;
import static dev.strata.compile.SchemaBuilder.index;
import static dev.strata.compile.SchemaBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles a schema that uses every common type, column option, constraint and index kind, plus
 * functions, views, a materialized view, a trigger and a policy; applies it statement by statement
 * in one transaction; and reads pg_catalog back to prove each statement did what it says.
 */
@WithPostgres
class DdlCompilerPostgresTest {
    private static ScratchDatabase db;

    static Schema fullSchema() {
        return new SchemaBuilder()
                .extension("citext")
                .extension("uuid-ossp")
                .extension("btree_gist")
                .enumType("mood", null, "happy", "sad", "it's ok")
                .enumType("Status", "Account status", "Active", "Closed")
                .function("next_account_code", """
                        CREATE FUNCTION next_account_code() RETURNS text LANGUAGE sql
                        AS $$ SELECT 'A-' || (count(*) + 1)::text FROM "Account" $$;""")
                .function("touch_updated_at", """
                        CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            NEW.updated_at := '2001-02-03 04:05:06+00';
                            RETURN NEW;
                        END
                        $$""")
                .sequence("invoice_number_seq", 1000, false, "invoice.number")
                .sequence("ticket_seq", 5, true, null)
                .sequence("everything_serial_col_seq", 1, false, "everything.serial_col")
                .table(everything())
                .table(table("Account")
                        .col(col("id", "integer").notNull().identity(Column.Identity.BY_DEFAULT))
                        .col(col("code", "text").notNull().defaultTo("next_account_code()"))
                        .col(col("Email", "citext").notNull())
                        .col(col("owner_id", "integer"))
                        .col(col("Name", "text"))
                        .col(col("deleted_at", "timestamptz"))
                        .pk("Account_pkey", "id")
                        .unique("Account_Email_key", false, "Email")
                        .fk("account_owner_fkey", List.of("owner_id"), "user", List.of("id"),
                                Constraint.Action.SET_NULL, null, false, false)
                        .index(new Index("account_live_email", SchemaBuilder.name("Account"), true, "btree",
                                List.of("(lower((\"Email\")::text))"), List.of(), "deleted_at IS NULL"))
                        .index(new Index("account_owner_idx", SchemaBuilder.name("Account"), false, "btree",
                                List.of("owner_id"), List.of("Name"), null)))
                .table(table("user")
                        .col(col("id", "serial"))
                        .col(col("order", "integer").notNull().comment("Sort position"))
                        .col(col("account_id", "integer"))
                        .col(col("manager_id", "integer"))
                        .pk("user_pkey", "id")
                        .check("user_order_check", "\"order\" >= 0")
                        .fk("user_account_fkey", List.of("account_id"), "Account", List.of("id"),
                                null, null, true, true)
                        .fk("user_manager_fkey", List.of("manager_id"), "user", List.of("id"),
                                Constraint.Action.SET_NULL, Constraint.Action.CASCADE, false, false)
                        .rowLevelSecurity())
                .table(table("orders")
                        .col(col("region", "text").notNull())
                        .col(col("number", "integer").notNull())
                        .col(col("external_ref", "text"))
                        .col(col("source", "text"))
                        .pk("orders_pkey", "region", "number")
                        .unique("orders_ref_key", true, "external_ref", "source"))
                .table(table("order_line")
                        .col(col("region", "text").notNull())
                        .col(col("order_number", "integer").notNull())
                        .col(col("line_no", "smallint").notNull())
                        .col(col("quantity", "integer").notNull().defaultTo("1"))
                        .col(col("price", "numeric(10,2)"))
                        .pk("order_line_pkey", "region", "order_number", "line_no")
                        .check("order_line_quantity_check", "quantity > 0")
                        .check("order_line_sane", "price >= 0 AND quantity < 1000")
                        .fk("order_line_order_fkey", List.of("region", "order_number"), "orders",
                                List.of("region", "number"), Constraint.Action.CASCADE, Constraint.Action.CASCADE,
                                true, false))
                .table(table("invoice")
                        .col(col("number", "integer").notNull().defaultTo("nextval('invoice_number_seq'::regclass)"))
                        .col(col("room", "integer").notNull())
                        .col(col("period", "tstzrange").notNull())
                        .col(col("updated_at", "timestamptz"))
                        .pk("invoice_pkey", "number")
                        .exclude("invoice_no_overlap", "EXCLUDE USING gist (room WITH =, period WITH &&)"))
                .view("account_summary", "CREATE VIEW account_summary AS SELECT count(*) AS n FROM active_accounts")
                .view("active_accounts",
                        "CREATE VIEW active_accounts AS SELECT id, \"Email\" FROM \"Account\" WHERE deleted_at IS NULL")
                .materializedView("account_counts_mv",
                        "CREATE MATERIALIZED VIEW account_counts_mv AS SELECT n FROM account_summary",
                        List.of(new Index("account_counts_mv_n", SchemaBuilder.name("account_counts_mv"), true,
                                "btree", List.of("n"), List.of(), null)),
                        "account_summary")
                .trigger("invoice_touch", "invoice",
                        "CREATE TRIGGER invoice_touch BEFORE UPDATE ON invoice FOR EACH ROW"
                                + " EXECUTE FUNCTION touch_updated_at()")
                .policy("user_self", "user", "CREATE POLICY user_self ON \"user\" USING (\"order\" >= 0)")
                .build();
    }

    private static SchemaBuilder.TableBuilder everything() {
        return table("everything")
                .comment("Every type; it's all here")
                .col(col("id", "bigint").notNull().identity(Column.Identity.ALWAYS).comment("Row id"))
                .col(col("c_integer", "integer").defaultTo("42"))
                .col(col("c_smallint", "smallint").defaultTo("-1"))
                .col(col("c_bigint", "bigint"))
                .col(col("serial_col", "serial"))
                .col(col("bigserial_col", "bigserial"))
                .col(col("c_numeric", "numeric(10,2)").defaultTo("0.00"))
                .col(col("c_real", "real"))
                .col(col("c_double", "double precision"))
                .col(col("c_uuid", "uuid").notNull().defaultTo("uuid_generate_v4()"))
                .col(col("c_boolean", "boolean").notNull().defaultTo("true"))
                .col(col("c_text", "text").collate("C").comment("Sorted by bytes, \"C\" collation"))
                .col(col("c_varchar", "character varying(255)").defaultTo("'it''s'"))
                .col(col("c_char", "character(3)"))
                .col(col("c_date", "date").defaultTo("CURRENT_DATE"))
                .col(col("c_time", "time"))
                .col(col("c_timetz", "timetz"))
                .col(col("c_timestamp", "timestamp").defaultTo("now()"))
                .col(col("c_timestamptz", "timestamptz(3)"))
                .col(col("c_interval", "interval").defaultTo("'1 day'::interval"))
                .col(col("c_json", "json"))
                .col(col("c_jsonb", "jsonb").notNull().defaultTo("'{}'::jsonb"))
                .col(col("c_bytea", "bytea"))
                .col(col("c_bit", "bit(8)"))
                .col(col("c_varbit", "varbit"))
                .col(col("c_point", "point"))
                .col(col("c_inet", "inet"))
                .col(col("c_cidr", "cidr"))
                .col(col("c_macaddr", "macaddr"))
                .col(col("c_money", "money"))
                .col(col("c_tsvector", "tsvector"))
                .col(col("c_tsquery", "tsquery"))
                .col(col("c_xml", "xml"))
                .col(col("c_int4range", "int4range"))
                .col(col("c_daterange", "daterange"))
                .col(col("c_tstzrange", "tstzrange"))
                .col(col("c_text_array", "text[]").defaultTo("'{}'::text[]"))
                .col(col("c_int_array", "integer[]"))
                .col(col("c_mood", "mood", "mood").defaultTo("'happy'::mood"))
                .col(col("c_mood_array", "mood[]", "mood"))
                .col(col("c_status", "\"Status\"", "Status").notNull().defaultTo("'Active'"))
                .col(col("c_doubled", "integer").generated("c_integer * 2"))
                .col(col("c_ticket", "bigint").defaultTo("nextval('ticket_seq')"))
                .pk("everything_pkey", "id")
                .index(index("everything_jsonb_gin", "everything", "gin", "c_jsonb"))
                .index(index("everything_lower_text", "everything", "btree", "(lower(c_text))"))
                .index(index("everything_multi", "everything", "btree", "c_integer", "c_timestamp DESC NULLS LAST"));
    }

    @BeforeAll
    static void apply(ScratchDatabase database) throws SQLException {
        db = database;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : DdlCompiler.compile(fullSchema())) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("statement failed: " + sql + "\n" + e.getMessage(), e);
                }
            }
            c.commit();
        }
    }

    @Test
    void everyTypeIsWhatPostgresCallsIt() throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "bigint");
        expected.put("c_integer", "integer");
        expected.put("c_smallint", "smallint");
        expected.put("c_bigint", "bigint");
        expected.put("serial_col", "integer");
        expected.put("bigserial_col", "bigint");
        expected.put("c_numeric", "numeric(10,2)");
        expected.put("c_real", "real");
        expected.put("c_double", "double precision");
        expected.put("c_uuid", "uuid");
        expected.put("c_boolean", "boolean");
        expected.put("c_text", "text");
        expected.put("c_varchar", "character varying(255)");
        expected.put("c_char", "character(3)");
        expected.put("c_date", "date");
        expected.put("c_time", "time without time zone");
        expected.put("c_timetz", "time with time zone");
        expected.put("c_timestamp", "timestamp without time zone");
        expected.put("c_timestamptz", "timestamp(3) with time zone");
        expected.put("c_interval", "interval");
        expected.put("c_json", "json");
        expected.put("c_jsonb", "jsonb");
        expected.put("c_bytea", "bytea");
        expected.put("c_bit", "bit(8)");
        expected.put("c_varbit", "bit varying");
        expected.put("c_point", "point");
        expected.put("c_inet", "inet");
        expected.put("c_cidr", "cidr");
        expected.put("c_macaddr", "macaddr");
        expected.put("c_money", "money");
        expected.put("c_tsvector", "tsvector");
        expected.put("c_tsquery", "tsquery");
        expected.put("c_xml", "xml");
        expected.put("c_int4range", "int4range");
        expected.put("c_daterange", "daterange");
        expected.put("c_tstzrange", "tstzrange");
        expected.put("c_text_array", "text[]");
        expected.put("c_int_array", "integer[]");
        expected.put("c_mood", "mood");
        expected.put("c_mood_array", "mood[]");
        expected.put("c_status", "\"Status\"");
        expected.put("c_doubled", "integer");
        expected.put("c_ticket", "bigint");
        assertEquals(expected, columns("everything", "format_type(a.atttypid, a.atttypmod)"));
    }

    @Test
    void columnOptionsReachTheCatalog() throws SQLException {
        Map<String, String> options = columns("everything",
                "concat_ws(' ', CASE WHEN a.attnotnull THEN 'not-null' END,"
                        + " CASE a.attidentity WHEN 'a' THEN 'identity-always' WHEN 'd' THEN 'identity-by-default' END,"
                        + " CASE a.attgenerated WHEN 's' THEN 'generated:' || pg_get_expr(d.adbin, d.adrelid) END,"
                        + " CASE WHEN a.attgenerated = '' AND d.adbin IS NOT NULL"
                        + "  THEN 'default:' || pg_get_expr(d.adbin, d.adrelid) END,"
                        + " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
                        + "  THEN 'collate:' || (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END)");
        assertEquals("not-null identity-always", options.get("id"));
        assertEquals("default:42", options.get("c_integer"));
        assertEquals("default:'-1'::integer", options.get("c_smallint"));
        assertEquals("not-null default:nextval('everything_serial_col_seq'::regclass)", options.get("serial_col"));
        assertEquals("not-null default:uuid_generate_v4()", options.get("c_uuid"));
        assertEquals("not-null default:true", options.get("c_boolean"));
        assertEquals("collate:C", options.get("c_text"));
        assertEquals("default:'it''s'::character varying", options.get("c_varchar"));
        assertEquals("default:CURRENT_DATE", options.get("c_date"));
        assertEquals("default:now()", options.get("c_timestamp"));
        assertEquals("default:'1 day'::interval", options.get("c_interval"));
        assertEquals("not-null default:'{}'::jsonb", options.get("c_jsonb"));
        assertEquals("default:'{}'::text[]", options.get("c_text_array"));
        assertEquals("default:'happy'::mood", options.get("c_mood"));
        assertEquals("not-null default:'Active'::\"Status\"", options.get("c_status"));
        assertEquals("generated:(c_integer * 2)", options.get("c_doubled"));
        assertEquals("default:nextval('ticket_seq'::regclass)", options.get("c_ticket"));
        assertEquals("", options.get("c_bigint"));
        assertEquals("not-null identity-by-default", columns("Account", "concat_ws(' ', CASE WHEN a.attnotnull"
                + " THEN 'not-null' END, CASE a.attidentity WHEN 'd' THEN 'identity-by-default' END)").get("id"));
    }

    @Test
    void defaultsComputeTheirValues() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO everything (c_integer) VALUES (21)");
            try (ResultSet rs = s.executeQuery("SELECT c_doubled, c_varchar, c_mood::text, c_status::text,"
                    + " serial_col, c_ticket FROM everything")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
                assertEquals("it's", rs.getString(2));
                assertEquals("happy", rs.getString(3));
                assertEquals("Active", rs.getString(4));
                assertEquals(1, rs.getInt(5));
                assertEquals(5, rs.getLong(6));
            }
            s.execute("INSERT INTO \"Account\" (\"Email\") VALUES ('A@x.org')");
            s.execute("INSERT INTO \"Account\" (\"Email\") VALUES ('b@x.org')");
            try (ResultSet rs = s.executeQuery("SELECT string_agg(code, ',' ORDER BY id) FROM \"Account\"")) {
                rs.next();
                assertEquals("A-1,A-2", rs.getString(1), "the SQL function default reads the table");
            }
            s.execute("INSERT INTO invoice (room, period) VALUES (1, '[2024-01-01,2024-02-01)')");
            try (ResultSet rs = s.executeQuery("SELECT number FROM invoice")) {
                rs.next();
                assertEquals(1000, rs.getInt(1));
            }
            c.rollback();
        }
    }

    @Test
    void constraintsAreWhatTheySay() throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        expected.put("Account.Account_Email_key", "UNIQUE (\"Email\")");
        expected.put("Account.Account_pkey", "PRIMARY KEY (id)");
        expected.put("Account.account_owner_fkey", "FOREIGN KEY (owner_id) REFERENCES \"user\"(id) ON DELETE SET NULL");
        expected.put("everything.everything_pkey", "PRIMARY KEY (id)");
        expected.put("invoice.invoice_no_overlap", "EXCLUDE USING gist (room WITH =, period WITH &&)");
        expected.put("invoice.invoice_pkey", "PRIMARY KEY (number)");
        expected.put("order_line.order_line_order_fkey", "FOREIGN KEY (region, order_number) REFERENCES"
                + " orders(region, number) ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE");
        expected.put("order_line.order_line_pkey", "PRIMARY KEY (region, order_number, line_no)");
        expected.put("order_line.order_line_quantity_check", "CHECK ((quantity > 0))");
        expected.put("order_line.order_line_sane", "CHECK (((price >= (0)::numeric) AND (quantity < 1000)))");
        expected.put("orders.orders_pkey", "PRIMARY KEY (region, number)");
        expected.put("orders.orders_ref_key", "UNIQUE NULLS NOT DISTINCT (external_ref, source)");
        expected.put("user.user_account_fkey",
                "FOREIGN KEY (account_id) REFERENCES \"Account\"(id) DEFERRABLE INITIALLY DEFERRED");
        expected.put("user.user_manager_fkey",
                "FOREIGN KEY (manager_id) REFERENCES \"user\"(id) ON UPDATE CASCADE ON DELETE SET NULL");
        expected.put("user.user_pkey", "PRIMARY KEY (id)");
        expected.put("user.user_order_check", "CHECK ((\"order\" >= 0))");
        assertEquals(expected, query("SELECT (SELECT relname FROM pg_class WHERE oid = c.conrelid), c.conname, pg_get_constraintdef(c.oid)"
                + " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                + " WHERE n.nspname = 'public' AND c.contype <> 'n'"));
    }

    @Test
    void foreignKeyCycleAndSelfReferenceWork() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // user -> Account is deferred, so the row may come before the account it names.
            s.execute("INSERT INTO \"user\" (id, \"order\", account_id) VALUES (10, 1, 77)");
            s.execute("INSERT INTO \"Account\" (id, \"Email\", owner_id) VALUES (77, 'o@x.org', 10)");
            s.execute("INSERT INTO \"user\" (id, \"order\", manager_id, account_id) VALUES (11, 2, 10, 77)");
            s.execute("SET CONSTRAINTS ALL IMMEDIATE");
            s.execute("DELETE FROM \"user\" WHERE id = 10");
            try (ResultSet rs = s.executeQuery("SELECT manager_id, (SELECT owner_id FROM \"Account\")"
                    + " FROM \"user\" WHERE id = 11")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
                assertTrue(rs.wasNull(), "ON DELETE SET NULL on the self reference");
                assertEquals(0, rs.getInt(2));
                assertTrue(rs.wasNull(), "ON DELETE SET NULL across the cycle");
            }
            s.execute("INSERT INTO \"user\" (id, \"order\") VALUES (20, 3)");
            s.execute("UPDATE \"user\" SET manager_id = 20 WHERE id = 11");
            s.execute("UPDATE \"user\" SET id = 21 WHERE id = 20");
            try (ResultSet rs = s.executeQuery("SELECT manager_id FROM \"user\" WHERE id = 11")) {
                rs.next();
                assertEquals(21, rs.getInt(1), "ON UPDATE CASCADE follows the renumbered manager");
            }
            s.execute("SET CONSTRAINTS ALL DEFERRED");
            s.execute("INSERT INTO \"user\" (id, \"order\", account_id) VALUES (13, 1, 999)");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SET CONSTRAINTS ALL IMMEDIATE"));
            assertEquals("23503", e.getSQLState());
            c.rollback();
        }
    }

    @Test
    void indexesAreWhatTheySay() throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        expected.put("account_counts_mv_n",
                "CREATE UNIQUE INDEX account_counts_mv_n ON public.account_counts_mv USING btree (n)");
        expected.put("account_live_email", "CREATE UNIQUE INDEX account_live_email ON public.\"Account\""
                + " USING btree (lower((\"Email\")::text)) WHERE (deleted_at IS NULL)");
        expected.put("account_owner_idx",
                "CREATE INDEX account_owner_idx ON public.\"Account\" USING btree (owner_id) INCLUDE (\"Name\")");
        expected.put("everything_jsonb_gin", "CREATE INDEX everything_jsonb_gin ON public.everything USING gin (c_jsonb)");
        expected.put("everything_lower_text",
                "CREATE INDEX everything_lower_text ON public.everything USING btree (lower(c_text))");
        expected.put("everything_multi", "CREATE INDEX everything_multi ON public.everything"
                + " USING btree (c_integer, c_timestamp DESC NULLS LAST)");
        assertEquals(expected, query("SELECT c.relname, pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND NOT EXISTS"
                + " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"));
    }

    @Test
    void commentsAreAttached() throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        expected.put("Status", "Account status");
        expected.put("everything", "Every type; it's all here");
        expected.put("everything.c_text", "Sorted by bytes, \"C\" collation");
        expected.put("everything.id", "Row id");
        expected.put("user.order", "Sort position");
        assertEquals(expected, query("SELECT coalesce(c.relname, t.typname) || coalesce('.' || a.attname, ''),"
                + " d.description FROM pg_description d"
                + " LEFT JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid"
                + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
                + " LEFT JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid"
                + " WHERE coalesce(c.relnamespace, t.typnamespace) = 'public'::regnamespace"));
    }

    @Test
    void typesExtensionsAndSequencesExist() throws SQLException {
        assertEquals(Map.of("Status", "{Active,Closed}", "mood", "{happy,sad,\"it's ok\"}"),
                query("SELECT t.typname, (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder)::text"
                        + " FROM pg_enum e WHERE e.enumtypid = t.oid) FROM pg_type t"
                        + " WHERE t.typtype = 'e' AND t.typnamespace = 'public'::regnamespace"));
        assertEquals(Map.of("btree_gist", "public", "citext", "public", "uuid-ossp", "public"),
                query("SELECT extname, extnamespace::regnamespace::text FROM pg_extension WHERE extname <> 'plpgsql'"));
        // Identity and serial sequences come from CREATE TABLE; the model's serial sequence was not made twice.
        assertEquals(Map.of(
                        "Account_id_seq", "owned by Account.id",
                        "everything_bigserial_col_seq", "owned by everything.bigserial_col",
                        "everything_id_seq", "owned by everything.id",
                        "everything_serial_col_seq", "owned by everything.serial_col",
                        "invoice_number_seq", "owned by invoice.number, start 1000",
                        "ticket_seq", "owned by -, start 5, cycle",
                        "user_id_seq", "owned by user.id"),
                query("SELECT c.relname, 'owned by ' || coalesce((SELECT t.relname || '.' || a.attname"
                        + " FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid"
                        + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
                        + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')), '-')"
                        + " || CASE WHEN s.seqstart <> 1 THEN ', start ' || s.seqstart ELSE '' END"
                        + " || CASE WHEN s.seqcycle THEN ', cycle' ELSE '' END"
                        + " FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid"
                        + " WHERE c.relnamespace = 'public'::regnamespace"));
    }

    @Test
    void viewsFunctionsTriggersAndPoliciesExist() throws SQLException {
        assertEquals(Map.of("account_counts_mv", "m", "account_summary", "v", "active_accounts", "v"),
                query("SELECT relname, relkind::text FROM pg_class"
                        + " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('v', 'm')"));
        assertEquals(Map.of("next_account_code", "sql", "touch_updated_at", "plpgsql"),
                query("SELECT p.proname, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang"
                        + " WHERE p.pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                        + " WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"));
        assertEquals(Map.of("invoice_touch", "invoice"),
                query("SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"));
        assertEquals(Map.of("user", "true"), query("SELECT relname, relrowsecurity::text FROM pg_class"
                + " WHERE relnamespace = 'public'::regnamespace AND relrowsecurity"));
        assertEquals(Map.of("user_self", "user:(\"order\" >= 0)"),
                query("SELECT policyname, tablename || ':' || qual FROM pg_policies WHERE schemaname = 'public'"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO invoice (number, room, period) VALUES (1, 1, '[2024-01-01,2024-02-01)')");
            s.execute("UPDATE invoice SET room = 2");
            try (ResultSet rs = s.executeQuery("SELECT updated_at = '2001-02-03 04:05:06+00' FROM invoice")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the trigger ran its function");
            }
            SQLException overlap = assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO invoice (number, room, period) VALUES (2, 2, '[2024-01-15,2024-01-20)')"));
            assertEquals("23P01", overlap.getSQLState(), "the exclusion constraint refuses the overlap");
            c.rollback();
        }
    }

    @Test
    void wholeScriptRunsAsOneString(DevServer server) throws SQLException {
        try (ScratchDatabase fresh = server.createScratch("ddl_script");
             Connection c = fresh.connect(); Statement s = c.createStatement()) {
            s.execute(DdlCompiler.script(fullSchema()));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class"
                    + " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'm')")) {
                rs.next();
                assertEquals(9, rs.getInt(1));
            }
        }
    }

    @Test
    void reservedAndMixedCaseTablesAreQuotedNotFolded() throws SQLException {
        Map<String, String> tables = query("SELECT relname, relname FROM pg_class"
                + " WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'");
        assertTrue(tables.containsKey("user") && tables.containsKey("Account"), tables.toString());
        assertFalse(tables.containsKey("account"));
        assertEquals("integer", columns("user", "format_type(a.atttypid, a.atttypmod)").get("order"));
        assertEquals(List.of("Email", "Name"), columns("Account", "a.attname").keySet().stream()
                .filter(n -> !n.equals(n.toLowerCase())).toList());
    }

    /** name -> expression for each column of a public table, in position order. */
    private static Map<String, String> columns(String table, String expression) throws SQLException {
        try (Connection c = db.connect();
             var ps = c.prepareStatement("SELECT a.attname, " + expression + " FROM pg_attribute a"
                     + " JOIN pg_type t ON t.oid = a.atttypid"
                     + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                     + " WHERE a.attrelid = ('public.' || quote_ident(?))::regclass AND a.attnum > 0"
                     + " AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, table);
            Map<String, String> result = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
            return result;
        }
    }

    /** A two- or three-column query as a sorted map (three columns: first two joined with a dot). */
    private static Map<String, String> query(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            Map<String, String> result = new TreeMap<>();
            List<String> duplicates = new ArrayList<>();
            while (rs.next()) {
                String key = width == 3 ? rs.getString(1) + "." + rs.getString(2) : rs.getString(1);
                if (result.put(key, rs.getString(width)) != null) {
                    duplicates.add(key);
                }
            }
            assertEquals(List.of(), duplicates, "duplicate keys in " + sql);
            return result;
        }
    }
}
