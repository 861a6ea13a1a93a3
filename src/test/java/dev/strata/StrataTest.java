package dev.strata;

import static dev.strata.runner.RunnerFixtures.history;
import static dev.strata.runner.RunnerFixtures.relations;
import static dev.strata.runner.RunnerFixtures.writeBasicProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.Step;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

@WithPostgres
class StrataTest {
    @TempDir
    Path dir;

    @Test
    void migratesOnStartUpFromAUrl(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("facade")) {
            Strata strata = Strata.configure().url(db.url()).user(server.user()).password(server.password())
                    .schema("app").migrationsDir(dir).load();
            assertEquals(3, strata.status().pendingCount());
            List<Step> steps = strata.migrate();
            assertEquals(List.of("0001_create_users", "0002_add_email", "0003_add_indexes"),
                    steps.stream().map(s -> s.migration().id()).toList());
            assertEquals(3, history(db, "app").size());
            assertEquals(3, strata.status().appliedCount());
            assertEquals(2, strata.migrateTo(1).size());
            assertEquals(List.of("1 create_users edn"), history(db, "app"));
        }
    }

    @Test
    void migratesThroughAnApplicationDataSource(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("facade")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(db.url());
            ds.setUser(server.user());
            if (server.password() != null) {
                ds.setPassword(server.password());
            }
            Strata strata = Strata.configure().dataSource(ds).migrationsDir(dir.toString()).historyTable("app_history").load();
            assertEquals(3, strata.migrate().size());
            assertEquals(List.of("app_history:r", "app_history_pkey:i", "users:r", "users_email_idx:i", "users_pkey:i"),
                    relations(db, "public"));
        }
    }

    @Test
    void needsExactlyOneTarget() {
        StrataException none = assertThrows(StrataException.class, () -> Strata.configure().load());
        assertEquals(ErrorCode.CONFIG, none.code());
        StrataException badUrl = assertThrows(StrataException.class, () -> Strata.configure().url("mysql://h/db").load());
        assertEquals(ErrorCode.CONFIG, badUrl.code());
        StrataException badTimeout = assertThrows(StrataException.class, () -> Strata.configure().lockTimeout("soon"));
        assertEquals(ErrorCode.CONFIG, badTimeout.code());
    }
}
