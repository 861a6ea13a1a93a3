package dev.strata.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionTranslatorTest {
    @TempDir
    Path dir;

    private Migration read(String text) throws IOException {
        Path file = dir.resolve("0071_schema.edn");
        Files.writeString(file, text);
        return MigrationFiles.read(file);
    }

    @Test
    void translatesTheSeedActionVector() throws IOException {
        Migration m = read("[\n {:action :add-column\n  :table-name :accounts\n  :column-name :billing-email\n"
                + "  :column-spec {:type [:varchar 255] :null true}}\n"
                + " {:action :create-index\n  :table-name :properties\n  :index-name :idx_properties_status\n  :columns [:status]}\n"
                + " {:action :alter-column\n  :table-name :users\n  :column-name :email\n  :new-spec {:type [:varchar 255] :null false :unique true}}\n]");
        assertEquals(MigrationKind.ACTIONS, m.kind());
        assertEquals(List.of(
                "ALTER TABLE accounts ADD COLUMN billing_email character varying(255)",
                "CREATE INDEX idx_properties_status ON properties (status)",
                "ALTER TABLE users ALTER COLUMN email TYPE character varying(255)",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
                "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)"), m.up());
        assertEquals(List.of(), m.down(), "an alter without :old-spec cannot be reversed");
        assertTrue(m.transactional());
        assertEquals(3, m.actions().size());
        assertEquals(List.of(
                "Add column billing_email (character varying(255), nullable) to table accounts",
                "Create index idx_properties_status on table properties (status)",
                "Change column email of table users to (character varying(255), not null, unique)"),
                ActionDescriber.describe(m.actions(), Direction.FORWARD));
        assertEquals(List.of(
                "Cannot undo the change of column email of table users (the action has no :old-spec)",
                "Drop index idx_properties_status",
                "Drop column billing_email from table accounts"),
                ActionDescriber.describe(m.actions(), Direction.BACKWARD));
    }

    @Test
    void reversibleActionsGetTheirReversesInReverseOrder() throws IOException {
        Migration m = read("[{:action :add-column :table-name :accounts :column-name :plan\n"
                + "  :column-spec {:type :text :null false :default \"free\" :check [:raw \"plan <> ''\"]}}\n"
                + " {:action :alter-column :table-name :accounts :column-name :name\n"
                + "  :new-spec {:type :text :null false} :old-spec {:type [:varchar 100] :null true}}\n"
                + " {:action :rename-column :table-name :accounts :column-name :nick :new-name :handle}\n"
                + " {:action :create-index :table-name :accounts :index-name :accounts_search :columns [:search-vector]\n"
                + "  :method :gin :where [:raw \"plan <> 'free'\"] :concurrently true}\n"
                + " {:action :sql :up \"UPDATE accounts SET plan = 'paid'; SELECT 1\" :down \"UPDATE accounts SET plan = 'free'\"}]");
        assertEquals(List.of(
                "ALTER TABLE accounts ADD COLUMN plan text DEFAULT 'free' NOT NULL CONSTRAINT accounts_plan_check CHECK (plan <> '')",
                "ALTER TABLE accounts ALTER COLUMN name TYPE text",
                "ALTER TABLE accounts ALTER COLUMN name SET NOT NULL",
                "ALTER TABLE accounts RENAME COLUMN nick TO handle",
                "CREATE INDEX CONCURRENTLY accounts_search ON accounts USING gin (search_vector) WHERE plan <> 'free'",
                "UPDATE accounts SET plan = 'paid'",
                "SELECT 1"), m.up());
        assertEquals(List.of(
                "UPDATE accounts SET plan = 'free'",
                "DROP INDEX CONCURRENTLY accounts_search",
                "ALTER TABLE accounts RENAME COLUMN handle TO nick",
                "ALTER TABLE accounts ALTER COLUMN name TYPE character varying(100)",
                "ALTER TABLE accounts ALTER COLUMN name DROP NOT NULL",
                "ALTER TABLE accounts DROP COLUMN plan"), m.down());
        assertFalse(m.transactional(), "CREATE INDEX CONCURRENTLY cannot run in a transaction");
        assertEquals("Create index accounts_search on table accounts (search_vector) using gin where plan <> 'free', concurrently",
                ActionDescriber.describe(m.actions(), Direction.FORWARD).get(3));
        assertEquals("Change column name of table accounts back to (character varying(100), nullable)",
                ActionDescriber.describe(m.actions(), Direction.BACKWARD).get(3));
    }

    @Test
    void malformedActionsAreRefusedNamingFileAndPosition() throws IOException {
        StrataException unknown = assertThrows(StrataException.class, () -> read("[{:action :add-column :table-name :a :column-name :b"
                + " :column-spec {:type :text}} {:action :add-colum :table-name :a}]"));
        assertEquals(ErrorCode.MIGRATION_FILES, unknown.code());
        assertTrue(unknown.getMessage().contains("0071_schema.edn, action 2 (:add-colum) has the unknown :action :add-colum"), unknown.getMessage());
        StrataException missing = assertThrows(StrataException.class, () -> read("[{:action :create-index :table-name :a :index-name :i}]"));
        assertTrue(missing.getMessage().contains("action 1 (:create-index) has no :columns"), missing.getMessage());
        StrataException badSpec = assertThrows(StrataException.class, () -> read("[{:action :add-column :table-name :a :column-name :b"
                + " :column-spec {:null false}}]"));
        assertEquals(ErrorCode.MIGRATION_FILES, badSpec.code());
        assertTrue(badSpec.getMessage().contains("action 1 (:add-column)"), badSpec.getMessage());
    }

    @Test
    void unknownActionsOfGeneratedFilesAreDescribedAsData() {
        us.bpsm.edn.Keyword action = us.bpsm.edn.Keyword.newKeyword("action");
        us.bpsm.edn.Keyword typeName = us.bpsm.edn.Keyword.newKeyword("type-name");
        List<String> sentences = ActionDescriber.describe(List.of(java.util.Map.of(action, us.bpsm.edn.Keyword.newKeyword("create-type"),
                typeName, us.bpsm.edn.Keyword.newKeyword("mood"))), Direction.BACKWARD);
        assertEquals(List.of("Undo: Create type {:type-name :mood}"), sentences);
    }
}
