package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.RunnerFixtures;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata tenants ...} end to end, in-process, on a real PostgreSQL. */
@WithPostgres
class TenantsCliTest {

    private static CliRun tenants(ScratchDatabase db, Path config, String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "tenants";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--url";
        full[args.length + 2] = CliRun.url(db);
        full[args.length + 3] = "--config";
        full[args.length + 4] = config.toString();
        return CliRun.of(full);
    }

    private static Path project(Path dir, String tenants) throws Exception {
        RunnerFixtures.writeBasicProject(dir.resolve("migrations"));
        Files.writeString(dir.resolve("seed.sql"), "INSERT INTO users (id, name) VALUES (1, 'first member');\n");
        return Files.writeString(dir.resolve("strata.edn"), "{:migrations-dir \"migrations\"\n :tenants " + tenants + "}\n");
    }

    @Test
    void createDeployStatusRollbackAndASabotagedTenant(DevServer server, @TempDir Path dir) throws Exception {
        Path config = project(dir, "{:schemas-like \"acme\\\\_%\" :seed \"seed.sql\"}");
        try (ScratchDatabase db = server.createScratch("tenants_cli")) {
            CliRun created = tenants(db, config, "create", "acme_one");
            assertEquals(0, created.code(), created.toString());
            assertTrue(created.out().contains("Created tenant acme_one") && created.out().contains("3 applied"), created.toString());
            assertEquals(List.of("first member"), RunnerFixtures.strings(db, "SELECT name FROM acme_one.users"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (int i = 2; i <= 52; i++) {
                    s.execute("CREATE SCHEMA acme_" + i);
                }
                s.execute("CREATE TABLE acme_7.users (id int)");
            }
            CliRun listed = tenants(db, config, "list");
            assertTrue(listed.out().contains("52 tenants on"), listed.toString());

            CliRun deployed = tenants(db, config, "deploy-all", "--parallel", "4");
            assertEquals(9, deployed.code(), deployed.toString());
            assertTrue(deployed.out().contains("50 applied, 1 up to date, 1 failed"), deployed.toString());
            assertTrue(deployed.out().contains("✗ acme_7:") && deployed.out().contains("relation \"users\" already exists"),
                    deployed.toString());
            assertTrue(deployed.err().contains("1 of 52 tenants failed (acme_7)"), deployed.toString());

            CliRun status = tenants(db, config, "status");
            assertEquals(0, status.code(), status.toString());
            assertTrue(status.out().contains("up to date         51") && status.out().contains("failed             1")
                    && status.out().contains("acme_7: last run failed"), status.toString());
            CliRun json = tenants(db, config, "status", "--json");
            assertTrue(json.out().contains("\"failed\":1") && json.out().contains("\"tenant\":\"acme_7\",\"database\""),
                    json.toString());

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE acme_7.users");
            }
            CliRun rerun = tenants(db, config, "deploy-all", "--json");
            assertEquals(0, rerun.code(), rerun.toString());
            assertTrue(rerun.out().contains("\"applied\":1,\"up_to_date\":51,\"failed\":0"), rerun.toString());

            CliRun one = tenants(db, config, "status", "acme_7");
            assertTrue(one.out().contains("tenant acme_7: up to date") && one.out().contains("✓ 0003_add_indexes"), one.toString());

            CliRun rolledBack = tenants(db, config, "rollback", "3", "acme_9");
            assertEquals(0, rolledBack.code(), rolledBack.toString());
            assertEquals(2, RunnerFixtures.history(db, "acme_9").size());
            CliRun allTo1 = tenants(db, config, "migrate-to", "1", "--tenants-like", "acme\\_1%", "--exclude", "acme_10");
            assertEquals(0, allTo1.code(), allTo1.toString());
            assertEquals(1, RunnerFixtures.history(db, "acme_11").size());
            assertEquals(3, RunnerFixtures.history(db, "acme_10").size());

            CliRun unknown = tenants(db, config, "deploy", "acme_404");
            assertEquals(64, unknown.code(), unknown.toString());
            assertTrue(unknown.err().contains("no tenant acme_404"), unknown.toString());
            CliRun negative = tenants(db, config, "migrate-to", "-1");
            assertEquals(64, negative.code(), negative.toString());
        }
    }

    @Test
    void aProjectWithoutTenantsSaysHowToDeclareThem(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir.resolve("migrations"));
        Path config = Files.writeString(dir.resolve("strata.edn"), "{:migrations-dir \"migrations\"}\n");
        try (ScratchDatabase db = server.createScratch("tenants_none")) {
            CliRun run = tenants(db, config, "list");
            assertEquals(8, run.code(), run.toString());
            assertTrue(run.err().contains("has no :tenants") && run.err().contains(":schemas-like"), run.toString());
            Path bad = Files.writeString(dir.resolve("strata.edn"), "{:tenants {:schemas-like \"t_%\" :list [\"a\"]}}\n");
            CliRun twoRules = tenants(db, bad, "list");
            assertEquals(8, twoRules.code(), twoRules.toString());
            assertTrue(twoRules.err().contains("more than one of :query, :schemas-like and :list"), twoRules.toString());
        }
    }

    @Test
    void verifyAndBackfillAgainstTheModel(DevServer server, @TempDir Path dir) throws Exception {
        Path config = project(dir, "{:schemas-like \"shop\\\\_%\" :required-tables [\"users\" \"vendor\"]}");
        Path shared = Files.createDirectories(dir.resolve("resources/db/shared"));
        Files.writeString(shared.resolve("models.edn"), """
                {:users {:fields {:id {:type :bigint :primary-key true}
                                  :name {:type :text :null false}
                                  :email {:type :text :comment "it's; the address"}}
                         :indexes [{:fields [:email] :name "users_email_idx"}]}
                 :vendor {:fields {:id {:type :bigint :primary-key true}
                                   :name {:type :text :null false}}}}
                """);
        try (ScratchDatabase db = server.createScratch("tenants_verify")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (int i = 1; i <= 5; i++) {
                    s.execute("CREATE SCHEMA shop_" + i);
                }
            }
            assertEquals(0, tenants(db, config, "deploy-all").code());
            CliRun verify = tenants(db, config, "verify");
            assertEquals(3, verify.code(), verify.toString());
            assertTrue(verify.out().contains("0 of 5 tenants healthy") && verify.out().contains("lacks required tables: vendor")
                    && verify.out().contains("differs from the model: create-table vendor"), verify.toString());
            CliRun backfill = tenants(db, config, "backfill");
            assertEquals(0, backfill.code(), backfill.toString());
            assertTrue(backfill.out().contains("backfill on") && backfill.out().contains("5 applied"), backfill.toString());
            CliRun healthy = tenants(db, config, "verify", "--json");
            assertEquals(0, healthy.code(), healthy.toString());
            assertTrue(healthy.out().contains("\"healthy\":5,\"unhealthy\":0"), healthy.toString());
            assertEquals(List.of("-1 backfill vendor backfill", "1 create_users edn", "2 add_email sql", "3 add_indexes edn"),
                    RunnerFixtures.history(db, "shop_2"), "the backfill is recorded beside the migrations");
            CliRun status = tenants(db, config, "status");
            assertTrue(status.out().contains("up to date         5"), "a backfill row is not a migration: " + status);
        }
    }

    @Test
    void aFleetOverTwoDatabases(DevServer server, @TempDir Path dir) throws Exception {
        try (ScratchDatabase one = server.createScratch("fleet_db1"); ScratchDatabase two = server.createScratch("fleet_db2")) {
            RunnerFixtures.writeBasicProject(dir.resolve("migrations"));
            Path config = Files.writeString(dir.resolve("strata.edn"), "{:migrations-dir \"migrations\"\n"
                    + " :tenants {:schemas-like \"t\\\\_%\" :databases [{:url \"" + CliRun.url(one) + "\"}"
                    + " {:url \"" + CliRun.url(two) + "\" :parallel 2}]}}\n");
            try (Connection c = one.connect(); Statement s = c.createStatement()) {
                for (int i = 1; i <= 30; i++) {
                    s.execute("CREATE SCHEMA t_a" + i);
                }
            }
            try (Connection c = two.connect(); Statement s = c.createStatement()) {
                for (int i = 1; i <= 25; i++) {
                    s.execute("CREATE SCHEMA t_b" + i);
                }
                s.execute("CREATE TABLE t_b3.users (id int)");
            }
            CliRun deployed = CliRun.of("tenants", "deploy-all", "--config", config.toString());
            assertEquals(9, deployed.code(), deployed.toString());
            assertTrue(deployed.out().contains("30 applied, 0 up to date, 0 failed")
                    && deployed.out().contains("24 applied, 0 up to date, 1 failed") && deployed.out().contains("(2 at once"),
                    deployed.toString());
            assertTrue(deployed.err().contains("1 of 55 tenants on 2 databases failed (t_b3)"), deployed.toString());

            CliRun status = CliRun.of("tenants", "status", "--json", "--config", config.toString());
            assertTrue(status.out().startsWith("{\"databases\":[") && status.out().contains("\"tenant\":\"t_b3\"")
                    && status.out().contains("\"failed\":1"), status.toString());
            CliRun one3 = CliRun.of("tenants", "status", "t_b3", "--config", config.toString());
            assertTrue(one3.out().contains("tenant t_b3: failed"), one3.toString());

            CliRun created = CliRun.of("tenants", "create", "t_new", "--config", config.toString());
            assertEquals(0, created.code(), created.toString());
            assertTrue(created.out().contains("fleet_db2"), "the database with fewer tenants: " + created);
            assertEquals(3, RunnerFixtures.history(two, "t_new").size());

            CliRun unknown = CliRun.of("tenants", "deploy", "t_zz", "--config", config.toString());
            assertEquals(64, unknown.code(), unknown.toString());
            assertTrue(unknown.err().contains("no tenant t_zz on any of the 2 databases"), unknown.toString());
        }
    }
}
