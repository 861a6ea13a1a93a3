package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.compile.DdlCompiler;
import dev.strata.model.Aggregate;
import dev.strata.model.Constraint;
import dev.strata.model.Function;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :comment} on constraints and extended objects, {@code :constraint-comment}, aggregates: what they load and compile to, and their errors. */
class CommentAndAggregateModelTest extends ModelsEdnTest {
    private static final String MODELS = """
            {:account {:fields {:id {:type :integer :primary-key true :constraint-comment "the key"}
                                :email {:type :text :unique true :constraint-comment "one each"}}
                       :constraints [{:check [:raw "id > 0"] :name "positive" :comment "no zero"}]}
             :login {:fields {:id {:type :integer} :account-id {:type :integer}}
                     :primary-key {:fields [:id :account-id] :comment "pair"}
                     :foreign-keys [{:fields [:account-id] :references :account :comment "owner"}]}}
            """;
    private static final String FUNCTIONS = """
            {:step {:sql "CREATE FUNCTION step(a text, b text = 'x', c integer DEFAULT 1) RETURNS text LANGUAGE sql AS $$ SELECT a || b $$"
                    :comment "a step"}
             :joined {:type :aggregate :args [:text] :sfunc :step :stype :text :initcond "" :finalfunc "upper"
                      :parallel :safe :comment "joins"}
             :tally {:type :aggregate :args [] :sfunc "int8inc" :stype :bigint :initcond 0}}
            """;

    @Test
    void constraintCommentsLoadAndCompile() {
        Schema s = load(MODELS);
        Table account = s.table("account").orElseThrow();
        assertEquals("the key", comment(account, "account_pkey"));
        assertEquals("one each", comment(account, "account_email_key"));
        assertEquals("no zero", comment(account, "positive"));
        Table login = s.table("login").orElseThrow();
        assertEquals("pair", comment(login, "login_pkey"));
        assertEquals("owner", comment(login, "login_account_id_fkey"));
        List<String> sql = DdlCompiler.compile(s);
        assertTrue(sql.contains("COMMENT ON CONSTRAINT account_pkey ON account IS 'the key'"), String.join("\n", sql));
        assertTrue(sql.indexOf("COMMENT ON CONSTRAINT login_account_id_fkey ON login IS 'owner'")
                > sql.indexOf("ALTER TABLE login ADD CONSTRAINT login_account_id_fkey FOREIGN KEY (account_id)"
                + " REFERENCES account(id)"), String.join("\n", sql));
    }

    @Test
    void aggregatesLoadAndCompileAfterTheirFunctions() {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn", "{}").file("shared/functions.edn", FUNCTIONS);
        Schema s = tree.load().schema();
        Function joined = s.functions().stream().filter(f -> f.name().name().equals("joined")).findFirst().orElseThrow();
        assertEquals(new Aggregate("text", "step", "text", 0, "upper", false, null, null, null, null, "", null, "SAFE"),
                joined.aggregate());
        assertEquals("CREATE AGGREGATE joined(text) (\n    SFUNC = step,\n    STYPE = text,\n    FINALFUNC = upper,\n"
                + "    INITCOND = '',\n    PARALLEL = SAFE\n)", joined.definition());
        List<String> sql = DdlCompiler.compile(s);
        int step = indexOf(sql, "CREATE FUNCTION step(");
        int aggregate = indexOf(sql, "CREATE AGGREGATE joined(text)");
        assertTrue(step >= 0 && step < aggregate, String.join("\n", sql));
        assertTrue(sql.contains("CREATE AGGREGATE tally(*) (\n    SFUNC = int8inc,\n    STYPE = bigint,\n"
                + "    INITCOND = '0'\n)"), String.join("\n", sql));
        assertTrue(sql.contains("COMMENT ON FUNCTION step(a text, b text, c integer) IS 'a step'"), String.join("\n", sql));
        assertTrue(sql.contains("COMMENT ON AGGREGATE joined(text) IS 'joins'"), String.join("\n", sql));
    }

    @Test
    void badCommentsAndAggregatesAreReported() {
        List<String> problems = problems("""
                {:t {:fields {:id {:type :integer :primary-key true :unique true :constraint-comment "which?"}
                              :n {:type :integer :constraint-comment "none"}}
                     :constraints [{:check [:raw "id > 0"] :comment 5}]}}
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains(":constraint-comment is ambiguous: the field makes 2"
                + " constraints (:primary-key, :unique)")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains(":constraint-comment comments on no constraint")),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains(":comment must be a string, not 5")),
                String.join("\n", problems));
        tree = new ModelTree(dir.resolve("db2")).file("shared/functions.edn", """
                {:agg {:type :aggregate :sfunc 5 :stype :nope-type :colour :red :parallel :sometimes}
                 :f {:sql "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'" :comment :x}}
                """);
        StrataException e = assertThrows(StrataException.class, tree::load);
        String all = String.join("\n", e.problems());
        for (String expected : List.of("aggregate :agg: unknown aggregate option :colour", "aggregate has no :args",
                "bad :sfunc 5", "bad :parallel :sometimes. Write :parallel :restricted, :parallel :safe, :parallel :unsafe",
                "function :f: :comment must be a string, not :x")) {
            assertTrue(all.contains(expected), expected + " in\n" + all);
        }
    }

    private static String comment(Table t, String name) {
        return t.constraints().stream().filter(c -> c.name().equals(name)).map(Constraint::comment).findFirst()
                .orElseThrow();
    }

    private static int indexOf(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
