package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constraint names and options in the model: what each key gives, and every error with its message. */
class ConstraintSyntaxTest extends ModelsEdnTest {
    private static Table table(Schema s, String name) {
        return s.table(name).orElseThrow();
    }

    @Test
    void fieldConstraintNameNamesTheOneConstraintOfTheField() {
        Schema s = load("{:customers {:fields {:id {:type :text :primary-key true :constraint-name \"pk_customers\"}"
                + " :email {:type :text :unique true :constraint-name :email-unique}"
                + " :age {:type :integer :check [:> :age 0] :constraint-name \"adult\"}}}"
                + " :orders {:fields {:id {:type :serial :primary-key true}"
                + " :customer-id {:type :text :foreign-key :customers/id :constraint-name \"fk_customer\"}}}}");
        assertEquals(List.of(new Constraint.Check("adult", "age > 0"),
                        new Constraint.Unique("email_unique", List.of("email"), false),
                        new Constraint.PrimaryKey("pk_customers", List.of("id"))),
                table(s, "customers").constraints());
        assertEquals(List.of("fk_customer", "orders_pkey"),
                table(s, "orders").constraints().stream().map(Constraint::name).toList());
    }

    @Test
    void tableLevelFormsTakeNamesAndOptions() {
        Schema s = load("{:parent {:fields {:a {:type :integer} :b {:type :integer} :c {:type :integer}"
                + " :r {:type :int4range}}"
                + " :primary-key {:fields [:a :b] :name \"pk_parent\" :deferrable true :initially-deferred true}"
                + " :unique [{:fields [:c] :name \"parent_c_uq\" :nulls-not-distinct true :deferrable true}"
                + " [:b :c]]"
                + " :constraints [{:check [:raw \"c > 0\"] :name \"positive\" :no-inherit true :not-valid true}"
                + " {:exclude \"EXCLUDE USING gist (r WITH &&)\" :deferrable true}"
                + " {:exclude \"EXCLUDE USING gist (r WITH =)\" :name \"x2\" :deferrable true :initially-deferred true}"
                + " {:unique [:a :c] :nulls-not-distinct true}]}"
                + " :child {:fields {:id {:type :integer :primary-key true} :b {:type :integer} :c {:type :integer}}"
                + " :foreign-keys [{:fields [:b :c] :references :parent :ref-fields [:b :c] :name \"fk_parent\""
                + " :match :full :deferrable true :initially-deferred true :not-valid true}]}}");
        Table parent = table(s, "parent");
        assertEquals(List.of(
                new Constraint.Unique("parent_a_c_key", List.of("a", "c"), true, false, false),
                new Constraint.Unique("parent_b_c_key", List.of("b", "c"), false, false, false),
                new Constraint.Unique("parent_c_uq", List.of("c"), true, true, false),
                new Constraint.Exclusion("parent_r_excl", "EXCLUDE USING gist (r WITH &&)", true, false),
                new Constraint.PrimaryKey("pk_parent", List.of("a", "b"), true, true),
                new Constraint.Check("positive", "c > 0", true, true),
                new Constraint.Exclusion("x2", "EXCLUDE USING gist (r WITH =)", true, true)),
                parent.constraints());
        assertEquals(new Constraint.ForeignKey("fk_parent", List.of("b", "c"), QualifiedName.of("parent"),
                        List.of("b", "c"), null, null, true, true, Constraint.Match.FULL, true),
                table(s, "child").constraints(Constraint.ForeignKey.class).get(0));
    }

    @Test
    void exclusionFlagsWrittenInTheTextBecomeOptions() {
        Schema s = load("{:t {:fields {:r {:type :int4range}}"
                + " :constraints [{:exclude \"EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED\"}]}}");
        assertEquals(List.of(new Constraint.Exclusion("t_r_excl", "EXCLUDE USING gist (r WITH &&)", true, true)),
                table(s, "t").constraints());
    }

    @Test
    void badOptionValues() {
        List<String> p = problems("{:t {:fields {:a {:type :integer :primary-key true} :b {:type :integer}}\n"
                + " :unique [{:fields [:b] :deferrable \"yes\"}]\n"
                + " :foreign-keys [{:fields [:b] :references :t :ref-fields [:a] :match :partial}]}}");
        assertEquals(List.of(
                at(2) + "model :t, constraint :unique: :deferrable must be true or false, not \"yes\". Write"
                        + " :deferrable true.",
                at(1) + "model :t, foreign key [:b]: :match :partial is not implemented by PostgreSQL. Write :match"
                        + " :full or :match :simple (the default)."), p);
    }

    @Test
    void badMatchAndInitiallyDeferredWithoutDeferrable() {
        List<String> p = problems("{:t {:fields {:a {:type :integer :primary-key true} :b {:type :integer}}\n"
                + " :foreign-keys [{:fields [:b] :references :t :match \"full\" :initially-deferred true}]}}");
        assertEquals(List.of(
                at(1) + "model :t, foreign key [:b]: :initially-deferred true without :deferrable true. Add"
                        + " :deferrable true (only a DEFERRABLE constraint can be INITIALLY DEFERRED).",
                at(1) + "model :t, foreign key [:b]: bad :match \"full\". Write :match :full or :match :simple (the"
                        + " default)."), p);
    }

    @Test
    void optionOfAnotherKind() {
        List<String> p = problems("{:t {:fields {:a {:type :integer}}\n"
                + " :constraints [{:check [:> :a 0] :deferrable true}\n"
                + "               {:unique [:a] :not-valid true}]}}");
        assertEquals(List.of(
                at(2) + "model :t, constraint :check: :deferrable does not apply to a check constraint. Remove it;"
                        + " a check constraint takes :no-inherit :not-valid.",
                at(3) + "model :t, constraint :unique: :not-valid does not apply to a unique constraint. Remove it;"
                        + " a unique constraint takes :deferrable :initially-deferred :nulls-not-distinct."), p);
    }

    @Test
    void constraintNameOnAFieldWithTwoConstraints() {
        List<String> p = problems("{:t {:fields {:a {:type :integer :unique true :check [:> :a 0]\n"
                + "                          :constraint-name \"a_rules\"}}}}");
        assertEquals(List.of(at(1) + "model :t, field :a: :constraint-name is ambiguous: the field makes 2 constraints"
                + " (:unique, :check). Keep one of them on the field, and write the others at table level with their"
                + " own :name (:unique [{:fields [...] :name \"...\"}], :constraints [{:check ... :name \"...\"}],"
                + " :foreign-keys [{... :name \"...\"}])."), p);
    }

    @Test
    void constraintNameOnAFieldWithoutConstraint() {
        List<String> p = problems("{:t {:fields {:a {:type :integer :constraint-name \"x\"}}}}");
        assertEquals(List.of(at(1) + "model :t, field :a: :constraint-name names no constraint: the field has no"
                + " :primary-key, :unique, :check or :foreign-key. Remove :constraint-name, or add the constraint it"
                + " names."), p);
    }

    @Test
    void constraintOptionOnAField() {
        List<String> p = problems("{:t {:fields {:a {:type :integer :unique true :deferrable true}}}}");
        assertEquals(List.of(at(1) + "model :t, field :a: :deferrable is a constraint option, not a field option."
                + " Write the constraint at table level, where it takes options: :primary-key {:fields [:id]"
                + " :deferrable true}, :unique [{:fields [:c] :nulls-not-distinct true}], :constraints [{:check ..."
                + " :not-valid true}] or :foreign-keys [{... :match :full}]."), p);
    }

    @Test
    void foreignKeyToADeferrableKey() {
        List<String> p = problems("{:a {:fields {:id {:type :integer}} :primary-key {:fields [:id] :deferrable true}}\n"
                + " :b {:fields {:a-id {:type :integer :foreign-key :a/id}}}}");
        assertEquals(List.of(at(2) + "model :b, field :a-id: foreign key :a/id refers to a(id), whose key is"
                + " DEFERRABLE; PostgreSQL refuses a foreign key to a deferrable key. Remove :deferrable from that"
                + " key of :a, or reference another key."), p);
    }

    @Test
    void duplicateExplicitNames() {
        List<String> p = problems("{:t {:fields {:a {:type :integer :primary-key true :constraint-name \"k\"}"
                + " :b {:type :integer :unique true :constraint-name \"k\"}}}}");
        assertEquals(1, p.size(), p.toString());
        assertEquals(true, p.get(0).contains("duplicate constraint name k"), p.get(0));
    }
}
