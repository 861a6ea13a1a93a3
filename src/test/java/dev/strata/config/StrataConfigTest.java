package dev.strata.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.runner.MigratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrataConfigTest {
    private static final String FULL = "{:models-dir \"model\" :migrations-dir \"db/migrations\"\n"
            + " :processed-model \"out/processed.edn\" :strip-keys [:validation :ui]\n"
            + " :history-table \"schema_history\" :schema \"app\" :lock-timeout \"3s\" :lock-wait-seconds 5\n"
            + " :profiles {:dev {} :test {:url-env \"TEST_DATABASE_URL\"} :prod {:url-env \"DATABASE_URL\" :schema \"live\"}\n"
            + "            :staging {:url \"postgres://deploy:s3cr%40t@staging.example:6543/shop?sslmode=require\"}}}";

    @TempDir
    Path project;

    private StrataConfig write(String text) throws IOException {
        Files.writeString(project.resolve("strata.edn"), text);
        return StrataConfig.load(project, null);
    }

    @Test
    void readsEverySettingWithPathsRelativeToTheProject() throws IOException {
        StrataConfig c = write(FULL);
        Path root = project.toAbsolutePath().normalize();
        assertEquals(root.resolve("strata.edn"), c.file());
        assertEquals(root.resolve("model"), c.modelsDir());
        assertEquals(root.resolve("db/migrations"), c.migrationsDirOrDefault());
        assertEquals(root.resolve("out/processed.edn"), c.processedModel());
        assertEquals(List.of("validation", "ui"), c.stripKeys());
        MigratorOptions o = c.migratorOptions(Targets.schema(c, null, null));
        assertEquals(new MigratorOptions("app", "schema_history", "3s", Duration.ofSeconds(5), false), o);
        assertEquals(List.of("dev", "prod", "staging", "test"), List.copyOf(c.profiles().keySet()));
        assertEquals(new Profile("test", null, "TEST_DATABASE_URL", null, null, null), c.profile("test"));
        assertEquals("live", Targets.schema(c, "prod", null));
        assertEquals("cli", Targets.schema(c, "prod", "cli"));
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        StrataConfig c = StrataConfig.load(project, null);
        Path root = project.toAbsolutePath().normalize();
        assertNull(c.file());
        assertEquals(root.resolve("resources/db/migrations"), c.migrationsDirOrDefault());
        assertEquals(root.resolve("db/models_processed.edn"), c.processedModel());
        assertEquals(List.of("validation", "form", "admin", "security", "ui"), c.stripKeys());
        assertEquals(MigratorOptions.defaults(), c.migratorOptions("public"));
        assertEquals(Profile.empty("dev"), c.profile("dev"));
    }

    @Test
    void anExplicitFileSetsTheProjectDirectory() throws IOException {
        Path sub = Files.createDirectories(project.resolve("elsewhere"));
        Files.writeString(sub.resolve("custom.edn"), "{:migrations-dir \"m\"}");
        StrataConfig c = StrataConfig.load(Path.of("/"), sub.resolve("custom.edn"));
        assertEquals(sub.toAbsolutePath().normalize().resolve("m"), c.migrationsDirOrDefault());
        StrataException missing = assertThrows(StrataException.class, () -> StrataConfig.load(project, project.resolve("nope.edn")));
        assertEquals(ErrorCode.CONFIG, missing.code());
        assertTrue(missing.getMessage().contains("nope.edn does not exist"), missing.getMessage());
    }

    @Test
    void badSettingsAreConfigErrorsNamingTheFileAndTheFix() {
        Map<String, String> cases = Map.of(
                "{:migration-dir \"x\"}", "has the unknown key :migration-dir at the top level.\n  Fix: use only :history-table",
                "{:lock-timeout \"ten seconds\"}", "has :lock-timeout \"ten seconds\", which PostgreSQL cannot read",
                "{:lock-wait-seconds -1}", "has :lock-wait-seconds -1, which is not a whole number of seconds",
                "{:strip-keys [\"ui\"]}", "has :strip-keys [ui], which is not a vector of keywords",
                "[:schema \"x\"]", "is not a map",
                "{:profiles {:prod {:url \"postgres://a@h/db\" :url-env \"X\"}}}", "gives :profiles :prod both :url and :url-env",
                "{:profiles {:prod {:uri \"postgres://h/db\"}}}", "has the unknown key :uri at :profiles :prod",
                "{:schema \"a\"", "is not valid EDN");
        cases.forEach((text, expected) -> {
            StrataException e = assertThrows(StrataException.class, () -> write(text), text);
            assertEquals(ErrorCode.CONFIG, e.code(), text);
            assertTrue(e.getMessage().contains(project.toAbsolutePath().normalize().resolve("strata.edn").toString()), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        });
    }

    @Test
    void targetsResolveInOrderAndNeverShowPasswords() throws IOException {
        StrataConfig c = write(FULL);
        Map<String, String> env = Map.of("TEST_DATABASE_URL", "postgres://tester:pw-test@db.test:5433/t",
                "DATABASE_URL", "postgresql://prod:pw-prod@db.prod/live");
        try (Target t = Targets.resolve(c, "test", "jdbc:postgresql://cli:5432/x?user=u&password=pw-cli", env::get)) {
            assertEquals("jdbc:postgresql://cli:5432/x?user=u&password=*** (--url)", t.describe());
        }
        try (Target t = Targets.resolve(c, "test", null, env::get)) {
            assertEquals("jdbc:postgresql://db.test:5433/t (profile :test, TEST_DATABASE_URL)", t.describe());
        }
        try (Target t = Targets.resolve(c, "prod", null, env::get)) {
            assertEquals("jdbc:postgresql://db.prod:5432/live (profile :prod, DATABASE_URL)", t.describe());
        }
        try (Target t = Targets.resolve(c, "staging", null, env::get)) {
            assertEquals("jdbc:postgresql://staging.example:6543/shop?sslmode=require", t.source().description());
            assertFalse(t.describe().contains("s3cr"), t.describe());
        }
        try (Target t = Targets.resolve(c, "dev", null, env::get)) {
            assertEquals("DATABASE_URL", t.origin(), "DATABASE_URL comes before the embedded server");
        }
    }

    @Test
    void unresolvableTargetsAreConfigErrors() throws IOException {
        StrataConfig c = write(FULL);
        StrataException unset = assertThrows(StrataException.class, () -> Targets.resolve(c, "test", null, k -> null));
        assertEquals(ErrorCode.CONFIG, unset.code());
        assertTrue(unset.getMessage().contains("profile :test takes its database URL from TEST_DATABASE_URL, which is not set"), unset.getMessage());
        StrataException unknown = assertThrows(StrataException.class, () -> Targets.resolve(c, "qa", null, k -> null));
        assertTrue(unknown.getMessage().contains("there is no profile :qa in " + c.file() + "; known: :dev, :prod, :staging, :test"),
                unknown.getMessage());
        StrataException badUrl = assertThrows(StrataException.class,
                () -> Targets.resolve(c, "dev", "mysql://root:hunter2@h/db", k -> null));
        assertEquals(ErrorCode.CONFIG, badUrl.code());
        assertTrue(badUrl.getMessage().contains("the database URL from --url is not usable"), badUrl.getMessage());
        assertFalse(badUrl.getMessage().contains("hunter2"), badUrl.getMessage());
        StrataConfig bare = StrataConfig.load(Files.createDirectories(project.resolve("bare")), null);
        StrataConfig withProd = new StrataConfig(bare.projectDir(), null, bare.modelsDir(), null, bare.processedModel(), bare.stripKeys(),
                bare.historyTable(), bare.schema(), bare.lockTimeout(), bare.lockWaitSeconds(), Map.of("prod", Profile.empty("prod")), bare.safety(), 0, null);
        StrataException nothing = assertThrows(StrataException.class, () -> Targets.resolve(withProd, "prod", null, k -> null));
        assertTrue(nothing.getMessage().contains("profile :prod names no database"), nothing.getMessage());
    }
}
