package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation error, each asserting the exact message. */
class ModelValidationTest {
    @TempDir
    Path dir;

    private ModelTree tree;

    private List<String> problems(String modelsEdn) {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn", modelsEdn);
        StrataException e = assertThrows(StrataException.class, tree::load);
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        assertEquals(2, e.code().exitCode());
        return e.problems();
    }

    private String at(int line) {
        return tree.path("shared/models.edn") + ":" + line + ": ";
    }

    @Test
    void unknownType() {
        List<String> p = problems("{:book [[:id :serial]\n        [:price :nummeric]]}");
        assertEquals(List.of(at(2) + "model :book, field :price: unknown type :nummeric. Use a PostgreSQL built-in type"
                + " (such as :text, :numeric or [:varchar 255]), an enum, domain or composite type defined in models.edn,"
                + " or [:raw \"type SQL\"]."), p);
    }

    @Test
    void unknownParameterisedType() {
        List<String> p = problems("{:book [[:price [:nummeric 10 2]]]}");
        assertEquals(List.of(at(1) + "model :book, field :price: unknown type [:nummeric 10 2]. Use a PostgreSQL"
                + " built-in type (such as :numeric or [:varchar 255]) or [:raw \"type SQL\"]."), p);
    }

    @Test
    void enumNotDefined() {
        List<String> p = problems("{:account [[:role [:enum :account-role]]]\n :roles {:type :enum :choices [\"a\"]}}");
        assertEquals(List.of(at(1) + "model :account, field :role: enum :account-role is not defined. Define it in"
                + " models.edn as :account-role {:type :enum :choices [...]} or in the model's :types."), p);
    }

    @Test
    void foreignKeyToMissingTable() {
        List<String> p = problems("{:book [[:author-id :integer {:foreign-key :authr/id}]]}");
        assertEquals(List.of(at(1) + "model :book, field :author-id: foreign key :authr/id refers to the missing model"
                + " :authr. Define the model :authr or fix the reference."), p);
    }

    @Test
    void foreignKeyToMissingColumn() {
        List<String> p = problems("{:author [[:id :serial {:primary-key true}]]\n"
                + " :book [[:author-id :integer {:foreign-key :author/ident}]]}");
        assertEquals(List.of(at(2) + "model :book, field :author-id: foreign key :author/ident refers to the missing"
                + " field :ident of model :author. Reference an existing field of :author."), p);
    }

    @Test
    void foreignKeyToColumnThatIsNeitherPrimaryKeyNorUnique() {
        List<String> p = problems("{:author [[:id :serial {:primary-key true}] [:name :text]]\n"
                + " :book [[:author-name :text {:foreign-key :author/name}]]}");
        assertEquals(List.of(at(2) + "model :book, field :author-name: foreign key :author/name refers to author(name),"
                + " which is neither the primary key nor unique. Reference the primary key, or make name unique in"
                + " :author."), p);
    }

    @Test
    void foreignKeyToUniqueIndexIsAccepted() {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn",
                "{:author {:fields [[:id :serial {:primary-key true}] [:name :text]]"
                        + " :indexes [{:fields [:name] :unique true}]}"
                        + " :book [[:author-name :text {:foreign-key :author/name}]]}");
        assertEquals(1, tree.load().schema().table("book").orElseThrow().constraints().size());
    }

    @Test
    void foreignKeyOfAnotherTypeGroup() {
        List<String> p = problems("{:author [[:id :uuid {:primary-key true}]]\n"
                + " :book [[:id :serial {:primary-key true}]\n"
                + "        [:author-id :bigint {:foreign-key :author/id}]]}");
        assertEquals(List.of(at(3) + "model :book, field :author-id: foreign key :author/id: column author_id (bigint)"
                + " and author.id (uuid) have incompatible types. Give author_id the type of the referenced column."), p);
    }

    @Test
    void serialAndIntegerAreOneTypeGroup() {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn",
                "{:author [[:id :bigserial {:primary-key true}]] :book [[:author-id :integer {:foreign-key :author/id}]]}");
        assertEquals(1, tree.load().schema().table("book").orElseThrow().constraints().size());
    }

    @Test
    void indexOnMissingColumn() {
        List<String> p = problems("{:book {:fields [[:id :serial] [:title :text]]\n"
                + "        :indexes [{:fields [:titel]}]}}");
        assertEquals(List.of(at(2) + "model :book, index [:titel]: column titel does not exist in table book."
                + " Index one of its columns (id, title)."), p);
    }

    @Test
    void duplicateIndexName() {
        List<String> p = problems("{:book {:fields [[:title :text]]\n"
                + "        :indexes [[:by-title :btree {:fields [:title]}]]}\n"
                + " :film {:fields [[:title :text]]\n"
                + "        :indexes [{:name :by-title :fields [:title]}]}}");
        assertEquals(List.of(at(4) + "model :film, index :by-title: duplicate index name by_title (also used by model"
                + " :book, index :by-title at " + tree.path("shared/models.edn") + ":2). Give the index another :name."), p);
    }

    @Test
    void duplicateConstraintName() {
        List<String> p = problems("{:book {:fields [[:pages :integer] [:price :numeric]]\n"
                + "        :constraints [{:check [:> :pages 0] :name :positive}\n"
                + "                      {:check [:> :price 0] :name :positive}]}}");
        assertEquals(List.of(at(3) + "model :book, constraint positive: duplicate constraint name positive (also used by"
                + " model :book, constraint positive at " + tree.path("shared/models.edn") + ":2). Give the constraint"
                + " another :name."), p);
    }

    @Test
    void duplicateTypeName() {
        List<String> p = problems("{:status {:type :enum :choices [\"a\"]}\n"
                + " :account {:fields [[:s :status]] :types [[:status :enum {:choices [\"b\"]}]]}}");
        assertEquals(List.of(at(2) + "model :account, enum :status: duplicate type name status (also defined by enum"
                + " :status at " + tree.path("shared/models.edn") + ":1). Rename or remove one of the two enums."), p);
    }

    @Test
    void enumNamedLikeATable() {
        List<String> p = problems("{:book [[:id :serial]]\n"
                + " :other {:fields [[:id :serial]] :types [[:book :enum {:choices [\"x\"]}]]}}");
        assertEquals(List.of(at(2) + "model :other, enum :book: duplicate type name book (model :book at "
                + tree.path("shared/models.edn") + ":1 has a row type of that name). Rename the enum or the table."), p);
    }

    @Test
    void notNullWithNilDefault() {
        List<String> p = problems("{:book [[:title :text {:null false :default nil}]]}");
        assertEquals(List.of(at(1) + "model :book, field :title: field is NOT NULL (:null false) but has :default nil."
                + " Remove :default nil, or give a non-nil :default."), p);
    }

    @Test
    void setNullOnNotNullColumn() {
        List<String> p = problems("{:author [[:id :serial {:primary-key true}]]\n"
                + " :book [[:author-id :integer {:null false :foreign-key :author/id :on-delete :set-null}]]}");
        assertEquals(List.of(at(2) + "model :book, field :author-id: :on-delete :set-null on a NOT NULL column."
                + " Allow NULL (remove :null false) or use another :on-delete action such as :cascade."), p);
    }

    @Test
    void identifierOver63Bytes() {
        String longName = "a-very-long-field-name-that-goes-on-and-on-past-the-postgres-limit";
        List<String> p = problems("{:book [[:" + longName + " :text]]}");
        assertEquals(List.of(at(1) + "model :book, field :" + longName + ": identifier \""
                + longName.replace('-', '_') + "\" is 66 bytes, over PostgreSQL's 63-byte limit."
                + " Use a shorter field name."), p);
    }

    @Test
    void malformedEdnNamesFileAndLine() {
        List<String> p = problems("{:book [[:id :serial]\n        [:title :text]\n :film [[:id :serial]}\n");
        assertEquals(1, p.size());
        assertEquals(at(3) + "malformed EDN: Expected ']', but found '}'; check the brackets, quotes and map entries at or"
                + " before that line.", p.get(0));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        tree = new ModelTree(dir.resolve("db"))
                .file("shared/models.edn", "{:book [[:id :serial {:primary-key true}]\n"
                        + "        [:price :nummeric]\n"
                        + "        [:author-id :integer {:foreign-key :author/id}]\n"
                        + "        [:title :text {:null false :default nil}]]}")
                .file("template/models.edn", "{:film [[:id :serial]\n   [:kind [:enum :kind]]]}")
                .file("domain/a/models.edn", "{:broken [")
                .file("domain/b/triggers.edn", "{:t {:sql \"CREATE TRIGGER t AFTER INSERT ON nowhere"
                        + " FOR EACH ROW EXECUTE FUNCTION f()\"}}");
        StrataException e = assertThrows(StrataException.class, tree::load);
        assertEquals("invalid model in " + tree.root + ": 6 problems (nothing was written)", e.getMessage());
        List<String> p = e.problems();
        assertEquals(6, p.size(), String.join("\n", p));
        List<String> expectedStarts = List.of(
                tree.path("domain/a/models.edn") + ":1: malformed EDN: Expected ']', but found the end of the file",
                at(4) + "model :book, field :title: field is NOT NULL (:null false) but has :default nil.",
                at(2) + "model :book, field :price: unknown type :nummeric.",
                tree.path("template/models.edn") + ":2: model :film, field :kind: enum :kind is not defined.",
                at(3) + "model :book, field :author-id: foreign key :author/id refers to the missing model :author.",
                tree.path("domain/b/triggers.edn") + ":1: trigger :t: trigger t is on nowhere, which no model defines.");
        for (int i = 0; i < expectedStarts.size(); i++) {
            assertEquals(expectedStarts.get(i), p.get(i).substring(0, Math.min(p.get(i).length(),
                    expectedStarts.get(i).length())), "problem " + i);
        }
    }
}
