package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.TableLineage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model syntax of partitioned tables, partitions, inheritance children and typed tables, and its errors. */
class PartitionModelTest {
    @TempDir
    Path dir;

    private ModelTree tree;

    private Schema load(String modelsEdn) {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn", modelsEdn);
        return tree.load().schema();
    }

    private List<String> problems(String modelsEdn) {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn", modelsEdn);
        StrataException e = assertThrows(StrataException.class, tree::load);
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        return e.problems();
    }

    private String at(int line) {
        return tree.path("shared/models.edn") + ":" + line + ": ";
    }

    private static final String PARENT = "{:log {:fields {:id {:type :integer} :at {:type :date} :name {:type :text}}\n"
            + "       :partition-by {:strategy :range :keys [:at {:expression \"lower(name)\" :collate \"C\"}"
            + " \"id int4_ops\"]}}\n";

    @Test
    void lineagesAreResolvedToTablesAndTypes() {
        Schema s = load(PARENT
                + " :log-2024 {:partition-of :log :for-values \"FROM ('2024-01-01', 'a', 0) TO ('2025-01-01', 'a', 0)\""
                + " :constraints [{:check [:raw \"id > 0\"] :name \"log_2024_id\"}]}\n"
                + " :log-rest {:partition-of :log :default true}\n"
                + " :animal {:fields {:id {:type :integer}}}\n"
                + " :dog {:inherits [:animal] :fields {:breed {:type :text}}}\n"
                + " :cat {:inherits [\"animal\"]}\n"
                + " :pt {:type :composite :fields {:x {:type :integer}}}\n"
                + " :spot {:of :pt :primary-key [:x]}}");
        assertEquals("RANGE (at, (lower(name)) COLLATE \"C\", id int4_ops)",
                s.table("log").orElseThrow().lineage().partitionKey());
        assertEquals(new TableLineage(null, QualifiedName.of("log"),
                        "FOR VALUES FROM ('2024-01-01', 'a', 0) TO ('2025-01-01', 'a', 0)", List.of(), null),
                s.table("log_2024").orElseThrow().lineage());
        assertEquals(List.of(), s.table("log_2024").orElseThrow().columns());
        assertEquals("DEFAULT", s.table("log_rest").orElseThrow().lineage().partitionBound());
        assertEquals(List.of(QualifiedName.of("animal")), s.table("dog").orElseThrow().lineage().inherits());
        assertEquals(List.of("breed"), s.table("dog").orElseThrow().columns().stream().map(c -> c.name()).toList());
        assertEquals(List.of(QualifiedName.of("animal")), s.table("cat").orElseThrow().lineage().inherits());
        assertEquals(QualifiedName.of("pt"), s.table("spot").orElseThrow().lineage().ofType());
    }

    @Test
    void partitionOfAMissingModel() {
        List<String> p = problems("{:log-2024 {:partition-of :logs :default true}}");
        assertEquals(List.of(at(1) + "model :log-2024: :partition-of :logs refers to the missing model. Define the"
                + " partitioned table or fix the reference."), p);
    }

    @Test
    void partitionWithFieldsAndNoBound() {
        List<String> p = problems(PARENT + " :log-2024 {:partition-of :log :fields {:id {:type :integer}}}}");
        assertEquals(List.of(
                at(3) + "model :log-2024: partition of :log has no bound. Add :for-values \"FROM (...) TO (...)\" (or"
                        + " \"IN (...)\", \"WITH (MODULUS m, REMAINDER r)\") or :default true.",
                at(3) + "model :log-2024: a partition takes its columns from its parent :log and cannot have :fields."
                        + " Remove :fields (columns go on the parent; a partition may have its own :constraints,"
                        + " :indexes and :comment)."), p);
    }

    @Test
    void badStrategyAndUnpartitionedParent() {
        List<String> p = problems("{:log {:fields {:at {:type :date}} :partition-by {:strategy :interval :keys [:at]}}\n"
                + " :log-1 {:partition-of :log :for-values \"IN (1)\"}}");
        assertEquals(List.of(
                at(1) + "model :log: bad partition strategy :interval. Write :strategy :range, :list or :hash.",
                at(2) + "model :log-1: :partition-of :log names table log, which is not partitioned. Add :partition-by"
                        + " {:strategy :range :keys [...]} to :log."), p);
    }

    @Test
    void unknownInheritsParentAndType() {
        List<String> p = problems("{:dog {:inherits [:animal]}\n :spot {:of :pt}}");
        assertEquals(List.of(
                at(1) + "model :dog: :inherits :animal refers to the missing model. Define the parent table or fix the"
                        + " reference.",
                at(2) + "model :spot: :of :pt is not a composite type of the model. Define it as :pt {:type :composite"
                        + " :fields {...}}."), p);
    }
}
