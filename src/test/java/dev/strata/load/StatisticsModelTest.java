package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compile.DdlCompiler;
import dev.strata.model.QualifiedName;
import dev.strata.model.Statistics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extended statistics in models.edn: what they load to, how they compile, and every validation error. */
class StatisticsModelTest extends ModelsEdnTest {
    private static final String TABLE = "{:orders {:fields {:id {:type :integer} :region {:type :text}"
            + " :city-name {:type :text} \"Zip Code\" {:type :text}}}\n";

    @Test
    void loadsAndCompiles() {
        var schema = load(TABLE + """
                 :orders-geo {:type :statistics :table :orders :on [:region :city-name [:raw "lower(region)"]]
                              :kinds [:mcv :ndistinct] :target 500 :comment "region and city go together"}
                 :orders-zip {:type :statistics :table :orders :on [:region "Zip Code"]}
                 :other/orders-expr {:type :statistics :table :orders :on [[:raw "(id + 1)"]]}}
                """);
        assertEquals(List.of(
                new Statistics(QualifiedName.of("orders_geo"), QualifiedName.of("orders"), List.of("ndistinct", "mcv"),
                        "region, city_name, (lower(region))", List.of(), 500, "region and city go together"),
                new Statistics(QualifiedName.of("orders_zip"), QualifiedName.of("orders"), List.of(),
                        "region, \"Zip Code\"", List.of(), null, null),
                new Statistics(new QualifiedName("other", "orders_expr"), QualifiedName.of("orders"), List.of(),
                        "(id + 1)", List.of(), null, null)),
                schema.statistics());
        assertTrue(schema.namespaceNames().contains("other"), "the schema of a qualified name is managed");
        List<String> sql = DdlCompiler.compile(schema);
        int table = index(sql, "CREATE TABLE orders");
        int geo = index(sql, "CREATE STATISTICS orders_geo (ndistinct, mcv) ON region, city_name, (lower(region)) FROM orders");
        assertTrue(table < geo);
        assertEquals(geo + 1, index(sql, "ALTER STATISTICS orders_geo SET STATISTICS 500"));
        assertEquals(geo + 2, index(sql, "COMMENT ON STATISTICS orders_geo IS 'region and city go together'"));
        index(sql, "CREATE STATISTICS other.orders_expr ON (id + 1) FROM orders");
    }

    @Test
    void allThreeKindsAreTheDefault() {
        var schema = load(TABLE + " :s {:type :statistics :table :orders :on [:id :region] :kinds [:dependencies :mcv :ndistinct]}}");
        assertEquals(List.of(), schema.statistics().get(0).kinds());
    }

    @Test
    void everyMistakeIsNamed() {
        List<String> p = problems(TABLE + """
                 :a {:type :statistics :table :nope :on [:id :region]}
                 :b {:type :statistics :table :orders :on [:id :nope]}
                 :c {:type :statistics :table :orders :on [:id]}
                 :d {:type :statistics :table :orders :on [[:raw "lower(region)"]] :kinds [:mcv]}
                 :e {:type :statistics :table :orders :on [:id :region] :kinds [:histogram]}
                 :f {:type :statistics :table :orders :on [:id :region] :target 10001}
                 :g {:type :statistics :on [:id :region] :sample 3}
                 :h {:type :statistics :table :orders}
                 :i {:type :statistics :table :orders :on [:id :id]}
                 :j {:type :statistics :table :orders :on [:id 3] :comment 4}}
                """);
        assertEquals(List.of(
                at(4) + "statistics :c: extended statistics on one column only. PostgreSQL keeps single-column"
                        + " statistics itself: list two or more keys, or one [:raw \"expression\"].",
                at(5) + "statistics :d: statistics on a single expression take no :kinds. Remove :kinds (PostgreSQL"
                        + " builds expression statistics only), or add a second key.",
                at(6) + "statistics :e: bad :kinds [:histogram]. Write :kinds with one or more of :ndistinct"
                        + " :dependencies :mcv, or leave it out for all of them.",
                at(7) + "statistics :f: bad :target 10001. Write an integer from 0 to 10000 (ALTER STATISTICS ..."
                        + " SET STATISTICS), or leave it out for the default.",
                at(8) + "statistics :g: unknown statistics option :sample. Use :table :on :kinds :target :comment.",
                at(8) + "statistics :g: statistics need :table. Write :table :orders (a keyword with a namespace,"
                        + " :sales/orders, names another schema's table).",
                at(9) + "statistics :h: statistics need :on. Write :on [:column-a :column-b] or :on [[:raw \"lower(city)\"]].",
                at(10) + "statistics :i: a column is listed twice in :on. List each column once.",
                at(11) + "statistics :j: bad statistics key 3. Use a column keyword, a string naming a column as"
                        + " written, or [:raw \"expression\"].",
                at(11) + "statistics :j: :comment must be a string. Write :comment \"...\".",
                at(2) + "statistics :a: statistics a are on nope, which no model defines as a table or materialized view."
                        + " Define the table or fix :table.",
                at(3) + "statistics :b: unknown column nope of orders in :on. Use one of id, region, city_name, Zip Code."), p);
    }

    private static int index(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no statement starts with " + prefix + " in " + sql);
    }
}
