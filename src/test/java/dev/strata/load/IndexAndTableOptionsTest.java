package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Index key options, index and table storage parameters, comments and table options: syntax and validation. */
class IndexAndTableOptionsTest extends ModelsEdnTest {
    @Test
    void keyMapsCarryOpclassCollationOrderAndNulls() {
        Schema s = load("""
                {:users {:fields {:id {:type :integer :primary-key true}
                                  :email {:type :text}
                                  :code {:type :text}}
                         :indexes [{:name :by-code
                                    :fields [{:field :code :opclass :text-pattern-ops :collate "C" :order :desc :nulls :last}
                                             {:expression [:raw "lower(email)"] :order :asc :nulls :first}
                                             :id]
                                    :unique true
                                    :with {:fillfactor 70 :deduplicate_items false}
                                    :comment "lookups by code"}
                                   {:fields [{:field :email :opclass [:raw "gist_trgm_ops(siglen=32)"]}] :method :gist}
                                   {:fields [{:field :code :opclass "public.my_ops"}]}]}}
                """);
        Table users = s.table("users").orElseThrow();
        Index byCode = users.indexes().stream().filter(i -> i.name().equals("by_code")).findFirst().orElseThrow();
        assertEquals(List.of("code COLLATE \"C\" text_pattern_ops DESC NULLS LAST", "(lower(email)) ASC NULLS FIRST", "id"),
                byCode.keys());
        assertEquals(Map.of("deduplicate_items", "false", "fillfactor", "70"), byCode.storage());
        assertEquals("lookups by code", byCode.comment());
        Index gist = users.indexes().stream().filter(i -> i.method().equals("gist")).findFirst().orElseThrow();
        assertEquals("users_email_idx", gist.name(), "a key with options is still named after its column");
        assertEquals(List.of("email gist_trgm_ops(siglen=32)"), gist.keys());
        assertTrue(users.indexes().stream().anyMatch(i -> i.keys().equals(List.of("code public.my_ops"))));
    }

    @Test
    void tableOptions() {
        Schema s = load("""
                {:events {:fields {:id {:type :integer}}
                          :unlogged true
                          :with {:fillfactor 80 :autovacuum_enabled false :autovacuum-vacuum-scale-factor 0.2}
                          :force-row-level-security true}
                 :plain {:fields {:id {:type :integer}}}}
                """);
        Table events = s.table("events").orElseThrow();
        assertTrue(events.unlogged());
        assertTrue(events.forceRowLevelSecurity());
        assertEquals(Map.of("fillfactor", "80", "autovacuum_enabled", "false", "autovacuum_vacuum_scale_factor", "0.2"),
                events.storage());
        Table plain = s.table("plain").orElseThrow();
        assertFalse(plain.unlogged());
        assertFalse(plain.forceRowLevelSecurity());
        assertTrue(plain.storage().isEmpty());
    }

    @Test
    void aForeignKeyMayReferenceAUniqueIndexWithKeyOptions() {
        Schema s = load("""
                {:account {:fields {:code {:type :text}}
                           :indexes [{:fields [{:field :code :opclass :text-pattern-ops :order :desc}] :unique true}]}
                 :invoice {:fields {:account-code {:type :text :foreign-key :account/code}}}}
                """);
        assertEquals(1, s.table("invoice").orElseThrow().constraints().size());
    }

    @Test
    void badKeyOptions() {
        List<String> p = problems("""
                {:users {:fields {:email {:type :text}}
                         :indexes [{:fields [{:field :email :order :sideways :nulls 3}]}
                                   {:fields [{:field :email :expression [:raw "x"] :opclass 7 :collate 1 :sort :up}]}]}}
                """);
        assertEquals(List.of(
                at(2) + "model :users, index [{:field :email :nulls 3 :order :sideways}]: bad :order :sideways in index key"
                        + " {:field :email :nulls 3 :order :sideways}. Write :order :asc or :order :desc.",
                at(2) + "model :users, index [{:field :email :nulls 3 :order :sideways}]: bad :nulls 3 in index key"
                        + " {:field :email :nulls 3 :order :sideways}. Write :nulls :first or :nulls :last."),
                p.subList(0, 2));
        String key = "{:collate 1 :expression [:raw \"x\"] :field :email :opclass 7 :sort :up}";
        String second = "model :users, index [" + key + "]: ";
        assertEquals(List.of(
                at(3) + second + "unknown index key option :sort in " + key
                        + ". Use :field or :expression, with :opclass :collate :order :nulls.",
                at(3) + second + "index key " + key + " needs exactly one of :field and :expression."
                        + " Write {:field :column ...} or {:expression [:raw \"lower(email)\"] ...}.",
                at(3) + second + "bad :opclass 7 in index key " + key + ". Write :opclass :text-pattern-ops, or"
                        + " :opclass [:raw \"gist_trgm_ops(siglen=32)\"] for one with parameters.",
                at(3) + second + "bad :collate 1 in index key " + key + ". Write the collation name, such as :collate \"C\"."),
                p.subList(2, p.size()));
    }

    @Test
    void badStorageParametersAndTableOptions() {
        List<String> p = problems("""
                {:t {:fields {:id {:type :integer}}
                     :with {:fillfactor "x" :autovacuum_enabled 1 :autovacuum_vacuum_scale_factor "a" :custom [1]}
                     :unlogged "yes"
                     :force-row-level-security 1
                     :indexes [{:fields [:id] :with [:fillfactor 70] :comment 5}]}
                 :u {:fields {:id {:type :integer}} :with {:fillfactor 70.5}}}
                """);
        assertEquals(List.of(
                at(5) + "model :t, index [:id]: bad :with [:fillfactor 70]. Write storage parameters as a map, such as"
                        + " :with {:fillfactor 70}.",
                at(5) + "model :t, index [:id]: :comment must be a string, not 5. Write :comment \"...\".",
                at(1) + "model :t: :unlogged must be true or false, not \"yes\". Write :unlogged true.",
                at(1) + "model :t: :force-row-level-security must be true or false, not 1."
                        + " Write :force-row-level-security true.",
                at(1) + "model :t: storage parameter fillfactor must be an integer, not \"x\"."
                        + " Write for example :with {:fillfactor 70}.",
                at(1) + "model :t: storage parameter autovacuum_enabled must be true or false, not 1."
                        + " Write for example :with {:autovacuum_enabled false}.",
                at(1) + "model :t: storage parameter autovacuum_vacuum_scale_factor must be a number, not \"a\"."
                        + " Write for example :with {:autovacuum_vacuum_scale_factor 0.1}.",
                at(1) + "model :t: storage parameter custom must be a number, true, false, a string or a keyword,"
                        + " not [1]. Write for example :with {:custom \"value\"}.",
                at(6) + "model :u: storage parameter fillfactor must be an integer, not 70.5."
                        + " Write for example :with {:fillfactor 70}."), p);
    }
}
