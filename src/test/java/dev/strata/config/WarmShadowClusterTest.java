package dev.strata.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.PgMajor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's embedded shadow cluster is made once under {@code .strata/shadow/<major>} and only
 * started afterwards; what a killed run left in it is dropped, and a second run at the same time
 * gets a throw-away cluster instead of waiting.
 */
class WarmShadowClusterTest {
    @Test
    void keptBetweenRunsCleanedAndNeverShared(@TempDir Path project) throws Exception {
        int major = PgMajor.BUNDLED;
        Path data = project.resolve(ShadowServers.CLUSTERS).resolve(Integer.toString(major));
        try (DevServer first = ShadowServers.open(null, new ShadowServers.Choice(major, "test"), project)) {
            assertTrue(Files.isRegularFile(data.resolve("PG_VERSION")), "the cluster is kept in the project");
            try (Connection c = first.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE left_by_a_killed_run");
            }
            try (DevServer second = ShadowServers.open(null, new ShadowServers.Choice(major, "test"), project)) {
                assertEquals(major, second.major());
                assertFalse(second.url().equals(first.url()), "a concurrent run gets a cluster of its own");
                assertEquals(List.of("left_by_a_killed_run", "postgres"), databases(first),
                        "the second run did not touch the first one's cluster");
            }
        }
        long made = Files.getLastModifiedTime(data.resolve("PG_VERSION")).toMillis();
        try (DevServer again = ShadowServers.open(null, new ShadowServers.Choice(major, "test"), project)) {
            assertEquals(List.of("postgres"), databases(again), "what a run left behind is dropped");
            assertEquals(made, Files.getLastModifiedTime(data.resolve("PG_VERSION")).toMillis(), "no new initdb");
        }
    }

    private static List<String> databases(DevServer server) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
