package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compile.DdlCompiler;
import dev.strata.model.ColumnType;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Domains and composite types in models.edn: what they load to, how they compile, and every validation error. */
class UserTypeModelTest extends ModelsEdnTest {
    private static final String MODEL = """
            {:year {:type :domain :base :integer :null false :default [:raw "2000"] :collate "C"
                    :checks [{:name "year_check" :check [:raw "VALUE >= 1901 AND VALUE <= 2155"]}
                             {:check [:raw "VALUE <> 1999"]}]
                    :comment "a year"}
             :recent {:type :domain :base :year}
             :mood {:type :enum :choices ["ok" "meh"]}
             :good-mood {:type :domain :base :mood :checks [{:name "ok" :check [:raw "VALUE = 'ok'"]}]}
             :address {:type :composite :fields {:street {:type :text} :zip {:type [:varchar 10]}
                                                 :tags {:type :text :array "[]" :collate "C"}}
                       :comment "postal"}
             :film {:fields {:id {:type :integer} :release-year {:type :recent} :home {:type :address}
                             :m {:type :good-mood :array "[]"}}}}
            """;

    @Test
    void loadsDomainsAndCompositeTypes() {
        Schema s = load(MODEL);
        assertEquals(new Domain(QualifiedName.of("year"), ColumnType.builtin("integer"), "\"C\"", true, "2000",
                List.of(new Domain.Check("year_check", "CHECK (VALUE >= 1901 AND VALUE <= 2155)"),
                        new Domain.Check("year_check1", "CHECK (VALUE <> 1999)")), "a year"),
                s.domain("year").orElseThrow());
        assertEquals(new ColumnType("year", QualifiedName.of("year")), s.domain("recent").orElseThrow().base());
        assertEquals(new CompositeType(QualifiedName.of("address"), List.of(
                new CompositeType.Attribute("street", ColumnType.builtin("text"), null),
                new CompositeType.Attribute("zip", ColumnType.builtin("character varying(10)"), null),
                new CompositeType.Attribute("tags", ColumnType.builtin("text[]"), "\"C\"")), "postal"),
                s.compositeType("address").orElseThrow());
        assertEquals(new ColumnType("recent", QualifiedName.of("recent")),
                s.table("film").orElseThrow().column("release_year").orElseThrow().type());
        assertEquals(new ColumnType("good_mood[]", QualifiedName.of("good_mood")),
                s.table("film").orElseThrow().column("m").orElseThrow().type());
    }

    @Test
    void compilesTypesAfterWhatTheyUseAndBeforeTables() {
        List<String> sql = DdlCompiler.compile(load(MODEL));
        int mood = index(sql, "CREATE TYPE mood AS ENUM");
        int year = index(sql, "CREATE DOMAIN year AS integer COLLATE \"C\" DEFAULT 2000 NOT NULL CONSTRAINT year_check"
                + " CHECK (VALUE >= 1901 AND VALUE <= 2155) CONSTRAINT year_check1 CHECK (VALUE <> 1999)");
        int recent = index(sql, "CREATE DOMAIN recent AS year");
        int goodMood = index(sql, "CREATE DOMAIN good_mood AS mood CONSTRAINT ok CHECK (VALUE = 'ok')");
        int address = index(sql, "CREATE TYPE address AS (street text, zip character varying(10), tags text[] COLLATE \"C\")");
        int film = index(sql, "CREATE TABLE film");
        assertTrue(mood < goodMood && year < recent && recent < film && address < film && goodMood < film, sql.toString());
        assertTrue(sql.contains("COMMENT ON DOMAIN year IS 'a year'"), sql.toString());
        assertTrue(sql.contains("COMMENT ON TYPE address IS 'postal'"), sql.toString());
    }

    private static int index(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no statement starts with " + prefix + " in " + sql);
    }

    @Test
    void unknownBase() {
        List<String> p = problems("{:year {:type :domain :base :nope}}");
        assertEquals(List.of(at(1) + "domain :year: unknown :base type :nope. Use a PostgreSQL built-in type (such as"
                + " :integer or [:varchar 255]), an enum, domain or composite type defined in models.edn, or"
                + " [:raw \"type SQL\"]."), p);
    }

    @Test
    void missingBase() {
        List<String> p = problems("{:year {:type :domain}}");
        assertEquals(List.of(at(1) + "domain :year: domain has no :base type. Add :base, e.g. :base :integer."), p);
    }

    @Test
    void checksNotAVector() {
        List<String> p = problems("{:year {:type :domain :base :integer :checks \"x\"}}");
        assertEquals(List.of(at(1) + "domain :year: :checks must be a vector of maps, not \"x\". Write :checks"
                + " [{:name \"positive\" :check [:raw \"VALUE > 0\"]}]."), p);
    }

    @Test
    void badCheckEntryAndUnknownOption() {
        List<String> p = problems("{:year {:type :domain :base :integer :checks [{:name \"a\"}] :size 4}}");
        assertEquals(List.of(
                at(1) + "domain :year: unknown domain option :size. Use :base :checks :collate :comment :default :null :type.",
                at(1) + "domain :year: bad domain check {:name \"a\"}. Write {:name \"positive\" :check [:raw \"VALUE > 0\"]}."),
                p);
    }

    @Test
    void domainBasedOnItself() {
        List<String> p = problems("{:year {:type :domain :base :year}}");
        assertEquals(List.of(at(1) + "domain :year: type year is based on itself. Base the type on another type."), p);
    }

    @Test
    void typesInACycle() {
        List<String> p = problems("{:a {:type :domain :base :b}\n :b {:type :composite :fields {:x {:type :a}}}}");
        assertEquals(List.of(at(1) + "domain :a: types contain each other in a cycle: a -> b -> a. Base the type on"
                + " another type."), p);
    }

    @Test
    void duplicateCheckNamesAndTypeNames() {
        List<String> p = problems("{:year {:type :domain :base :integer :checks [{:name \"c\" :check [:raw \"VALUE > 0\"]}"
                + " {:name \"c\" :check [:raw \"VALUE < 9\"]}]}\n :thing [[:id :integer]]\n"
                + " :thing-type {:type :composite :fields {:a {:type :text}}}}");
        assertEquals(List.of(at(1) + "domain :year: check name c is used twice. Give one check another :name."), p);
        List<String> q = problems("{:thing [[:id :integer]]\n :thing2 {:type :domain :base :text}}".replace(":thing2", "\"thing\""));
        assertEquals(1, q.size(), q.toString());
        assertTrue(q.get(0).contains("duplicate type name thing"), q.toString());
    }

    @Test
    void compositeFieldsAreRequiredAndTyped() {
        List<String> p = problems("{:address {:type :composite :fields {:street {:type :nope :null false}}}\n"
                + " :empty {:type :composite}}");
        assertEquals(List.of(
                at(1) + "composite type :address, field :street: composite type fields take no option :null. Use"
                        + " :array :collate :length :precision :scale :type.",
                at(2) + "composite type :empty: composite type needs :fields, a non-empty map of field name to"
                        + " {:type ...}, not nil. Write :fields {:street {:type :text}}.",
                at(1) + "composite type :address, field :street: unknown type :nope. Use a PostgreSQL built-in type,"
                        + " an enum, domain or composite type defined in models.edn, or [:raw \"type SQL\"]."), p);
    }
}
