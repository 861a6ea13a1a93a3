package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.Extension;
import dev.strata.model.Namespace;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model keys with a schema ({@code :auth/users}), references across schemas and their errors. */
class SeveralSchemasSyntaxTest extends ModelsEdnTest {
    @Test
    void qualifiedKeysReferencesAndManagedSchemas() {
        Schema s = load("""
                {:auth {:type :schema :comment "accounts"}
                 :auth/users {:fields {:id {:type :bigint :primary-key true}}}
                 :utils/custom-text {:type :domain :base :text}
                 :billing/status {:type :enum :choices ["a"]}
                 :pgcrypto {:type :extension :schema :extensions :version "1.3"}
                 :users {:fields {:id {:type :bigint :primary-key true}
                                  :owner {:type :bigint :foreign-key [:auth/users :id]}
                                  :title {:type :utils/custom-text}
                                  :status {:type [:enum :billing/status]}}
                         :foreign-keys [{:fields [:id] :references :auth/users}]}}
                """);
        assertEquals(List.of(new Namespace("auth", "accounts"), Namespace.of("billing"), Namespace.of("extensions"),
                Namespace.of("utils")), s.namespaces());
        assertEquals(List.of(new Extension("pgcrypto", "extensions", "1.3")), s.extensions());
        Table users = s.table("users").orElseThrow();
        assertEquals(new ColumnType("utils.custom_text", new QualifiedName("utils", "custom_text")),
                users.column("title").orElseThrow().type());
        assertEquals(new QualifiedName("billing", "status"), users.column("status").orElseThrow().type().userType());
        assertEquals(List.of(new QualifiedName("auth", "users")), users.constraints(Constraint.ForeignKey.class)
                .stream().map(Constraint.ForeignKey::refTable).distinct().toList());
        Table auth = s.tables().stream().filter(t -> t.name().schema() != null).findFirst().orElseThrow();
        assertEquals(new QualifiedName("auth", "users"), auth.name());
        assertEquals("users_pkey", auth.constraints().get(0).name(), "constraint names are unique per schema");
        assertEquals("users_pkey", users.constraints(Constraint.PrimaryKey.class).get(0).name());
    }

    @Test
    void unknownQualifiedReferencesAndReservedSchemasAreErrors() {
        List<String> p = problems("""
                {:posts {:fields {:id {:type :bigint :primary-key true}
                                  :author {:type :bigint :foreign-key [:auth/users :id]}
                                  :title {:type :utils/custom-text}}}
                 :public/things {:fields {:id {:type :bigint}}}
                 :public {:type :schema}}
                """);
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(at(1)) || p.stream().anyMatch(x -> x.contains("missing model :auth/users")),
                p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith(at(3)) && x.contains("unknown type :utils/custom-text")),
                p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith(at(4)) && x.contains("schema public cannot hold model objects")),
                p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith(at(5)) && x.contains("schema public cannot be declared")),
                p.toString());
    }
}
