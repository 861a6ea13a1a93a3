package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stand-alone sequences in models.edn: options, PostgreSQL's defaults, :owned-by, nextval defaults, errors. */
class SequenceModelTest extends ModelsEdnTest {
    @Test
    void everyOptionAndOwner() {
        Schema s = load("{:orders {:fields {:id {:type :bigint :primary-key true}\n"
                + "                   :number {:type :bigint :default [:nextval :order-number]}}}\n"
                + " :order-number {:type :sequence :as :integer :start 1000 :increment 2 :min-value 10\n"
                + "                :max-value 9999999 :cache 5 :cycle true :owned-by :orders/number :comment \"numbers\"}}");
        assertEquals(List.of(new Sequence(QualifiedName.of("order_number"), "integer", 1000, 2, 10, 9999999, 5, true,
                "orders.number", "numbers")), s.sequences());
        assertEquals("nextval('order_number'::regclass)",
                s.table("orders").orElseThrow().column("number").orElseThrow().defaultExpr());
    }

    @Test
    void postgresDefaultsAscendingAndDescending() {
        Schema s = load("{:up {:type :sequence}\n :down {:type :sequence :as :smallint :increment -1}\n"
                + " \"Odd Name\" {:type :sequence :as :integer}}");
        assertEquals(List.of(
                new Sequence(QualifiedName.of("Odd Name"), "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false, null, null),
                new Sequence(QualifiedName.of("down"), "smallint", -1, -1, Short.MIN_VALUE, -1, 1, false, null, null),
                new Sequence(QualifiedName.of("up"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null, null)),
                s.sequences());
    }

    @Test
    void nextvalQuotesNamesThatNeedIt() {
        Schema s = load("{:t [[:n :integer {:default [:nextval \"Odd Name\"]}]]\n \"Odd Name\" {:type :sequence}}");
        assertEquals("nextval('\"Odd Name\"'::regclass)",
                s.table("t").orElseThrow().column("n").orElseThrow().defaultExpr());
    }

    @Test
    void badOptionsAreAllReported() {
        List<String> p = problems("{:a {:type :sequence :as :text}\n"
                + " :b {:type :sequence :increment 0}\n"
                + " :c {:type :sequence :start \"x\"}\n"
                + " :d {:type :sequence :owned-by :nope/x}\n"
                + " :e {:type :sequence :start 0}\n"
                + " :f {:type :sequence :colour :red :cycle 1}\n"
                + " :g {:type :sequence :as :smallint :max-value 100000}\n"
                + " :t [[:id :integer]]\n"
                + " :h {:type :sequence :owned-by :t/nope}\n"
                + " :i {:type :sequence :owned-by :t}}");
        assertEquals(List.of(
                at(1) + "sequence :a: bad :as :text. Write :as :smallint, :integer or :bigint (the default is :bigint).",
                at(2) + "sequence :b: :increment must not be 0. Write a positive or negative :increment.",
                at(3) + "sequence :c: :start \"x\" is not a whole number. Write :start as an integer, such as :start 1.",
                at(5) + "sequence :e: :start 0 is outside 1 .. 9223372036854775807. Choose a :start between"
                        + " :min-value and :max-value.",
                at(6) + "sequence :f: unknown sequence option :colour. Use :as, :start, :increment, :min-value,"
                        + " :max-value, :cache, :cycle, :owned-by, :comment and :unlogged.",
                at(6) + "sequence :f: bad :cycle 1. Write :cycle true or :cycle false.",
                at(7) + "sequence :g: :min-value 1 or :max-value 100000 is out of range for smallint. Keep them within"
                        + " -32768 .. 32767, or choose a larger :as.",
                at(10) + "sequence :i: bad :owned-by :t. Write :owned-by :model/field, naming the column that owns the"
                        + " sequence ([:schema/model :field] for a model in another schema).",
                at(4) + "sequence :d: :owned-by :nope/x refers to the missing model :nope. Define the model :nope or"
                        + " fix the reference.",
                at(9) + "sequence :h: :owned-by :t/nope refers to the missing field :nope of model :t. Name an existing"
                        + " field of :t."), p);
    }

    @Test
    void sequenceNamedLikeATable() {
        List<String> p = problems("{:t [[:id :integer]]\n :seq {:type :sequence}\n :other {:table-name \"seq\" :fields [[:id :integer]]}}");
        assertEquals(List.of(at(2) + "sequence :seq: sequence name seq is also used by model :other ("
                + tree.path("shared/models.edn") + ":3). Rename the sequence or the other object."), p);
    }

    @Test
    void badNextval() {
        List<String> p = problems("{:t [[:n :integer {:default [:nextval 1 2]}]]}");
        assertEquals(1, p.size());
        assertEquals(at(1) + "model :t, field :n: cannot read default [:nextval 1 2]. Write [:nextval :sequence-name],"
                + " naming a sequence of models.edn.", p.get(0));
    }
}
