package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnReader;
import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Hints;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.bpsm.edn.Keyword;

class ModelLoaderTest {
    @TempDir
    Path dir;

    private ModelTree tree() {
        return new ModelTree(dir.resolve("db"));
    }

    private static Column col(String name, String type, boolean notNull, String dflt) {
        return new Column(name, ColumnType.builtin(type), notNull, dflt, null, null, null, null);
    }

    private static QualifiedName q(String name) {
        return QualifiedName.of(name);
    }

    @Test
    void automigrateVectorForm() {
        Schema s = tree().file("shared/models.edn", """
                {:book [[:id :serial {:primary-key true}]
                        [:name [:varchar 255] {:null false}]
                        [:published-on :date]]}
                """).load().schema();
        assertEquals(List.of(new Table(q("book"),
                List.of(col("id", "serial", true, null), col("name", "character varying(255)", true, null),
                        col("published_on", "date", false, null)),
                List.of(new Constraint.PrimaryKey("book_pkey", List.of("id"))), List.of(), false, null)), s.tables());
    }

    @Test
    void automigrateMapFormWithTypesAndPartialIndex() {
        Schema s = tree().file("template/models.edn", """
                {:account {:fields [[:id :serial {:primary-key true}]
                                    [:role [:enum :account-role] {:null false :default "member"}]]
                           :indexes [[:account-role-idx :btree {:fields [:role] :where [:raw "role <> 'viewer'"]
                                                                :unique true}]]
                           :types [[:account-role :enum {:choices ["admin" "member" "viewer"]}]]}}
                """).load().schema();
        ColumnType role = new ColumnType("account_role", q("account_role"));
        assertEquals(List.of(new Table(q("account"),
                List.of(col("id", "serial", true, null), new Column("role", role, true, "'member'", null, null, null, null)),
                List.of(new Constraint.PrimaryKey("account_pkey", List.of("id"))),
                List.of(new Index("account_role_idx", q("account"), true, "btree", List.of("role"), List.of(),
                        "role <> 'viewer'")), false, null)), s.tables());
        assertEquals(List.of(new EnumType(q("account_role"), List.of("admin", "member", "viewer"), null)), s.enums());
    }

    @Test
    void seedMapOfFieldsFormKeepsFieldOrder() {
        Schema s = tree().file("domain/hosting/models.edn", """
                {:properties {:fields {:id {:type :uuid :primary-key true :default [:gen_random_uuid]}
                                       :name {:type [:varchar 255] :null false}
                                       :description {:type :text}
                                       :price {:type :numeric :precision 10 :scale 2}
                                       :status {:type :property-status :null false}
                                       :zeta {:type :integer}
                                       :alpha {:type :integer}
                                       :created-at {:type :timestamptz :default :now}
                                       :updated-at {:type :timestamptz :default :now}
                                       :beta {:type :boolean :default false}}
                              :table-name "properties"
                              :indexes [{:fields [:status]} {:fields [:name] :unique true}]
                              :constraints [{:check [:raw "price >= 0"]}]}
                 :property-status {:type :enum :choices ["active" "inactive" "pending" "maintenance"]}}
                """).load().schema();
        ColumnType status = new ColumnType("property_status", q("property_status"));
        assertEquals(List.of(new Table(q("properties"),
                List.of(col("id", "uuid", true, "gen_random_uuid()"), col("name", "character varying(255)", true, null),
                        col("description", "text", false, null), col("price", "numeric(10,2)", false, null),
                        new Column("status", status, true, null, null, null, null, null),
                        col("zeta", "integer", false, null), col("alpha", "integer", false, null),
                        col("created_at", "timestamp with time zone", false, "now()"),
                        col("updated_at", "timestamp with time zone", false, "now()"),
                        col("beta", "boolean", false, "false")),
                List.of(new Constraint.PrimaryKey("properties_pkey", List.of("id")),
                        new Constraint.Check("properties_price_check", "price >= 0")),
                List.of(new Index("properties_name_idx", q("properties"), true, "btree", List.of("name"), List.of(), null),
                        new Index("properties_status_idx", q("properties"), false, "btree", List.of("status"), List.of(),
                                null)),
                false, null)), s.tables());
        assertEquals(List.of(new EnumType(q("property_status"), List.of("active", "inactive", "pending", "maintenance"),
                null)), s.enums());
    }

    @Test
    void tableLevelOptions() {
        Schema s = tree().file("shared/models.edn", """
                {:tenant {:fields [[:id :bigint {:primary-key true}] [:code :text {:null false}]] :unique [[:code :id]]}
                 :membership {:fields [[:tenant-id :bigint {:null false}]
                                       [:user-id :bigint {:null false}]
                                       [:tenant-code :text]
                                       [:during :tstzrange]
                                       [:email :text]]
                              :primary-key [:tenant-id :user-id]
                              :unique [[:tenant-id :email]]
                              :foreign-keys [{:fields [:tenant-id] :references :tenant :on-delete :cascade}
                                             {:fields [:tenant-id :tenant-code] :references :tenant
                                              :ref-fields [:id :code] :name "membership_tenant_code_ref"}]
                              :constraints [{:check [:and [:raw "user_id > 0"] [:> :tenant-id 0]]}
                                            {:check [:<> :email ""] :name :email-not-empty}
                                            {:exclude "EXCLUDE USING gist (during WITH &&)"}]
                              :indexes [{:fields [[:raw "lower(email)"]] :include [:user-id] :method :btree}
                                        [:membership-during :gist {:fields [:during]}]]
                              :comment "who belongs where"}}
                """).file("shared/more.edn", "{}").load().schema();
        Table m = s.table("membership").orElseThrow();
        assertEquals(new Table(q("membership"),
                List.of(col("tenant_id", "bigint", true, null), col("user_id", "bigint", true, null),
                        col("tenant_code", "text", false, null), col("during", "tstzrange", false, null),
                        col("email", "text", false, null)),
                List.of(new Constraint.Check("email_not_empty", "email <> ''"),
                        new Constraint.Exclusion("membership_during_excl", "EXCLUDE USING gist (during WITH &&)"),
                        new Constraint.PrimaryKey("membership_pkey", List.of("tenant_id", "user_id")),
                        new Constraint.ForeignKey("membership_tenant_code_ref", List.of("tenant_id", "tenant_code"),
                                q("tenant"), List.of("id", "code"), null, null, false, false),
                        new Constraint.Unique("membership_tenant_id_email_key", List.of("tenant_id", "email"), false),
                        new Constraint.ForeignKey("membership_tenant_id_fkey", List.of("tenant_id"), q("tenant"),
                                List.of("id"), Constraint.Action.CASCADE, null, false, false),
                        new Constraint.Check("membership_user_id_check", "(user_id > 0) AND tenant_id > 0")),
                List.of(new Index("membership_during", q("membership"), false, "gist", List.of("during"), List.of(),
                                null),
                        new Index("membership_lower_user_id_idx", q("membership"), false, "btree", List.of("(lower(email))"),
                                List.of("user_id"), null)),
                false, "who belongs where"), m);
    }

    @Test
    void foreignKeyFollowsTheReferencedModelsTableName() {
        Schema s = tree().file("shared/models.edn", """
                {:account {:fields [[:id :uuid {:primary-key true}]] :table-name "accounts"}
                 :invoice [[:id :serial {:primary-key true}]
                           [:account-id :uuid {:foreign-key :account/id :on-delete :set-null}]]}
                """).load().schema();
        assertEquals(List.of(new Constraint.ForeignKey("invoice_account_id_fkey", List.of("account_id"), q("accounts"),
                        List.of("id"), Constraint.Action.SET_NULL, null, false, false),
                new Constraint.PrimaryKey("invoice_pkey", List.of("id"))), s.table("invoice").orElseThrow().constraints());
    }

    @Test
    void generatedNamesAreShortenedAndMadeUniqueLikePostgres() {
        String table = "a".repeat(40);
        String c1 = "b".repeat(40);
        Schema s = tree().file("shared/models.edn", "{:" + table + " [[:" + c1 + " :text {:unique true}]"
                + " [:x :text {:check [:> :x \"\"]}]]}").file("domain/z/models.edn", "{:other {:fields [[:x :text]]"
                + " :constraints [{:check [:<> :x \"a\"]} {:check [:<> :x \"b\"]}]"
                + " :indexes [{:fields [:x]} {:fields [:x] :unique true}]}}").load().schema();
        Table t = s.table(table).orElseThrow();
        assertEquals(List.of("a".repeat(29) + "_" + "b".repeat(29) + "_key", table + "_x_check"),
                t.constraints().stream().map(Constraint::name).toList());
        assertEquals(List.of("other_x_check", "other_x_check1"),
                s.table("other").orElseThrow().constraints().stream().map(Constraint::name).toList());
        assertEquals(List.of("other_x_idx", "other_x_idx1"),
                s.table("other").orElseThrow().indexes().stream().map(Index::name).toList());
    }

    @Test
    void extensionsAndExtendedObjects() {
        LoadedModel model = tree()
                .file("shared/models.edn", """
                        {:pgcrypto {:type :extension}
                         :uuid-ossp {:type :extension}
                         :users [[:id :uuid {:primary-key true}] [:name :text] [:updated-at :timestamptz]]}
                        """)
                .file("shared/functions.edn", """
                        {:touch {:up "CREATE OR REPLACE FUNCTION touch()
                                   RETURNS trigger AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END; $$
                                   LANGUAGE plpgsql;"
                                 :down "DROP FUNCTION IF EXISTS touch();"}
                         :cleanup {:sql "-- removes old rows
                                   CREATE PROCEDURE \\"Clean Up\\"(days int) LANGUAGE sql AS $$ SELECT 1 $$;;"}}
                        """)
                .file("template/views.edn", """
                        {:user-names {:sql "CREATE OR REPLACE VIEW user_names AS SELECT name FROM users"}
                         :user-summary {:up "CREATE MATERIALIZED VIEW IF NOT EXISTS public.user_summary AS\\n  SELECT id, name FROM users;"
                                        :down "DROP MATERIALIZED VIEW user_summary"
                                        :indexes [{:fields [:name] :unique true}]}}
                        """)
                .file("domain/app/triggers.edn", """
                        {:users-touch {:up "CREATE TRIGGER users_touch BEFORE UPDATE OF name ON users\\n FOR EACH ROW EXECUTE FUNCTION touch();"
                                      :down "DROP TRIGGER users_touch ON users;"}
                         :users-check {:sql "create constraint trigger \\"Users Check\\" after insert on public.users\\n for each row execute function touch()"}}
                        """)
                .file("domain/app/policies.edn", """
                        {:own-rows {:sql "CREATE POLICY own_rows ON users USING (id = current_setting('app.user')::uuid)"}}
                        """)
                .load();
        Schema s = model.schema();
        assertEquals(List.of(new Extension("pgcrypto"), new Extension("uuid-ossp")), s.extensions());
        assertEquals(List.of(
                new Function(new QualifiedName(null, "Clean Up"), null, true,
                        "-- removes old rows\n           CREATE PROCEDURE \"Clean Up\"(days int) LANGUAGE sql AS $$ SELECT 1 $$",
                        null),
                new Function(q("touch"), null, false, """
                        CREATE OR REPLACE FUNCTION touch()
                                   RETURNS trigger AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END; $$
                                   LANGUAGE plpgsql""", "DROP FUNCTION IF EXISTS touch()")), s.functions());
        assertEquals(List.of(
                new View(q("user_names"), false, "CREATE OR REPLACE VIEW user_names AS SELECT name FROM users", null,
                        List.of(), List.of()),
                new View(QualifiedName.of("user_summary"), true,
                        "CREATE MATERIALIZED VIEW IF NOT EXISTS public.user_summary AS\n  SELECT id, name FROM users",
                        "DROP MATERIALIZED VIEW user_summary",
                        List.of(new Index("user_summary_name_idx", QualifiedName.of("user_summary"), true,
                                "btree", List.of("name"), List.of(), null)), List.of())), s.views());
        assertEquals(List.of(
                new Trigger("Users Check", QualifiedName.of("users"), "create constraint trigger \"Users Check\""
                        + " after insert on public.users\n for each row execute function touch()", null),
                new Trigger("users_touch", q("users"), "CREATE TRIGGER users_touch BEFORE UPDATE OF name ON users\n"
                        + " FOR EACH ROW EXECUTE FUNCTION touch()", "DROP TRIGGER users_touch ON users")), s.triggers());
        assertEquals(List.of(new Policy("own_rows", q("users"),
                "CREATE POLICY own_rows ON users USING (id = current_setting('app.user')::uuid)", null)), s.policies());
        assertTrue(s.table("users").orElseThrow().rowLevelSecurity());
    }

    @Test
    void hintsFromRenamesAndUsing() {
        Hints h = tree().file("shared/models.edn", """
                {:customer {:fields [[:id :serial {:primary-key true}]
                                     [:full-name :text {:renamed-from :name}]
                                     [:age :integer {:using [:raw "age::integer"]}]]
                            :renamed-from :client}
                 :status {:type :enum :choices ["active" "disabled"] :renamed-from {"disabled" "inactive"}}}
                """).load().hints();
        QualifiedName customer = q("customer");
        assertEquals(new Hints(Map.of(customer, "client"),
                Map.of(new Hints.ColumnKey(customer, "full_name"), "name"),
                Map.of(new Hints.ColumnKey(customer, "age"), "age::integer"),
                Map.of(q("status"), Map.of("disabled", "inactive"))), h);
    }

    @Test
    void layersInOrderWithDomainsByName() {
        LoadedModel m = tree()
                .file("domain/zeta/models.edn", "{:z [[:id :serial]]}")
                .file("domain/alpha/models.edn", "{:a [[:id :serial]]}")
                .file("template/models.edn", "{:t [[:id :serial]]}")
                .file("shared/models.edn", "{:s [[:id :serial]]}")
                .file("migrations/0001_x.edn", "not edn at all [")
                .load();
        assertEquals(List.of("shared", "template", "domain/alpha", "domain/zeta"), m.layers());
        assertEquals(List.of("a", "s", "t", "z"), m.schema().tables().stream().map(t -> t.name().name()).toList());
    }

    @Test
    void keyDefinedInTwoLayersNamesBothFilesAndLines() {
        ModelTree t = tree()
                .file("domain/b-billing/models.edn", "{:other [[:id :serial]]\n\n :invoice [[:id :serial]]}")
                .file("domain/a-hosting/models.edn", ";; invoices\n{:invoice [[:id :uuid]]}");
        StrataException e = assertThrows(StrataException.class, t::load);
        assertEquals(List.of(t.path("domain/b-billing/models.edn") + ":3: :invoice in models.edn is defined twice: at "
                + t.path("domain/a-hosting/models.edn") + ":2 and at " + t.path("domain/b-billing/models.edn")
                + ":3. Keep one definition (a key may be defined in only one layer)."), e.problems());
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
    }

    @Test
    void stripsConfiguredKeysAtAnyDepth() throws Exception {
        ModelTree t = tree().file("shared/models.edn", """
                {:user {:fields [[:email [:varchar 255] {:null false
                                                          :validation {:type :email :ui {:input "email"}}
                                                          :form {:x 1}}]
                                 [:ui :text {:admin {:hidden true}}]]
                        :ui {:list-columns [:email]}
                        :security {:roles [:admin]}}
                 :settings {:fields {:ui {:type :jsonb :ui {:widget "json"}}}}}
                """).file("shared/functions.edn", "{:f {:sql \"CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql\" :ui 1}}");
        LoadedModel m = t.load();
        assertEquals(List.of("email", "ui"), m.schema().table("user").orElseThrow().columns().stream().map(Column::name).toList());
        assertEquals(List.of("ui"), m.schema().table("settings").orElseThrow().columns().stream().map(Column::name).toList());
        Path out = dir.resolve("out/models_processed.edn");
        ProcessedModelWriter.write(m, out);
        String text = Files.readString(out);
        for (String key : List.of(":validation", ":form", ":admin", ":security", ":ui {", ":ui 1")) {
            assertFalse(text.contains(key), key + " left in\n" + text);
        }
        assertEquals(EdnReader.parse("""
                {:functions {:f {:sql "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql"}}
                 :models {:settings {:fields [[:ui :jsonb]]}
                          :user {:fields [[:email [:varchar 255] {:null false}] [:ui :text]]}}
                 :policies {} :triggers {} :views {}}
                """, "expected"), EdnReader.parse(text, "actual"));

        ModelTree extra = new ModelTree(dir.resolve("db2")).file("shared/models.edn",
                "{:note [[:body :text {:help \"shown under the input\" :ui {:rows 3}}]]}");
        StrataException e = assertThrows(StrataException.class, extra::load);
        assertTrue(e.problems().get(0).contains("unknown field option :help"), e.problems().get(0));
        Set<String> keys = new java.util.HashSet<>(LoadOptions.DEFAULT_STRIP_KEYS);
        keys.add("help");
        LoadedModel custom = ModelLoader.load(extra.root, new LoadOptions(keys));
        assertEquals(EdnReader.parse("{:note {:fields [[:body :text]]}}", "expected"),
                custom.processed().get(Keyword.newKeyword("models")));
    }

    @Test
    void processedFileIsByteIdenticalOnReRun() throws Exception {
        ModelTree t = tree()
                .file("shared/models.edn", "{:b [[:id :serial {:primary-key true}]] :a {:type :enum :choices [\"x\"]}}")
                .file("domain/d/models.edn", "{:c {:fields {:z {:type :text} :y {:type :text} :x {:type :text}}}}")
                .file("domain/d/views.edn", "{:v {:sql \"CREATE VIEW v AS SELECT 1\"}}");
        Path out = dir.resolve("db-out/models_processed.edn");
        ProcessedModelWriter.write(t.load(), out);
        byte[] first = Files.readAllBytes(out);
        ProcessedModelWriter.write(t.load(), out);
        assertArrayEquals(first, Files.readAllBytes(out));
        assertEquals("""
                ;; Generated by strata merge-models from the model tree; do not edit.
                {:functions {}
                 :models {:a {:choices ["x"] :type :enum}
                          :b {:fields [[:id :serial {:primary-key true}]]}
                          :c {:fields [[:z :text] [:y :text] [:x :text]]}}
                 :policies {}
                 :triggers {}
                 :views {:v {:sql "CREATE VIEW v AS SELECT 1"}}}
                """, new String(first, java.nio.charset.StandardCharsets.UTF_8));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void missingRootIsAConfigError() {
        StrataException e = assertThrows(StrataException.class, () -> ModelLoader.load(dir.resolve("nope")));
        assertEquals(ErrorCode.CONFIG, e.code());
        assertEquals("models directory " + dir.resolve("nope") + " does not exist; create it or pass --models-dir",
                e.getMessage());
    }
}
