package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.model.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features newer than the target's major are model errors that name the object and the version. */
class VersionCheckTest {
    @Test
    void newerFeaturesAreRefusedForOlderTargets(@TempDir Path root) throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.writeString(shared.resolve("models.edn"), """
                {:s {:type :sequence :unlogged true}
                 :p {:fields {:a {:type :integer} :b {:type :integer}} :primary-key [:a :b]}
                 :t {:fields {:id {:type :integer}
                              :body {:type :text :compression :pglz}
                              :code {:type :text}
                              :a {:type :integer} :b {:type :integer}}
                     :indexes [{:fields [:code] :unique true :nulls-not-distinct true}]
                     :unique [{:fields [:id] :nulls-not-distinct true}]
                     :foreign-keys [{:fields [:a :b] :references :p :ref-fields [:a :b] :on-delete :set-null
                                     :on-delete-columns [:b]}]}}
                """);
        Schema schema = ModelLoader.load(root).schema();
        assertEquals(List.of(), VersionCheck.problems(schema, 15));
        List<String> on14 = VersionCheck.problems(schema, 14);
        assertEquals(4, on14.size(), on14.toString());
        assertTrue(on14.get(0).contains("sequence s: :unlogged true (CREATE UNLOGGED SEQUENCE) needs PostgreSQL 15"
                + " or newer, and the target runs 14"), on14.toString());
        assertEquals(5, VersionCheck.problems(schema, 13).size());
        StrataException e = assertThrows(StrataException.class, () -> VersionCheck.check(schema, 13));
        assertTrue(e.getMessage().contains("field body: :compression :pglz needs PostgreSQL 14"), e.getMessage());
    }
}
