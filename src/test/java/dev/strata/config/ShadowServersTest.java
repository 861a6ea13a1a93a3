package dev.strata.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.PgMajor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shadow server's version when the target is not reached, in the documented order, and bad settings. */
class ShadowServersTest {
    @TempDir
    Path dir;

    private ShadowServers.Choice offline(String strataEdn, Map<String, String> env) throws Exception {
        Files.writeString(dir.resolve("strata.edn"), strataEdn);
        StrataConfig config = StrataConfig.load(dir, dir.resolve("strata.edn"));
        return ShadowServers.offline(config, null, null, env::get);
    }

    @Test
    void profileVersionThenRecordedTargetThenTheBundledOne() throws Exception {
        assertEquals(PgMajor.BUNDLED, offline("{}", Map.of()).major(), "nothing known: the bundled major");
        ShadowServers.record(dir, new PgMajor.ServerVersion(150019, "15.19"));
        ShadowServers.Choice recorded = offline("{}", Map.of());
        assertEquals(15, recorded.major());
        assertTrue(recorded.reason().contains("recorded in"), recorded.reason());
        ShadowServers.Choice profile = offline("{:profiles {:dev {:pg-version 14}}}", Map.of());
        assertEquals(14, profile.major(), ":pg-version wins over the record");
        assertTrue(profile.reason().contains(":pg-version of profile :dev"), profile.reason());
    }

    @Test
    void unsupportedOrMalformedSettingsAreConfigurationErrors() throws Exception {
        StrataException bad = assertThrows(StrataException.class, () -> offline("{:profiles {:dev {:pg-version 12}}}", Map.of()));
        assertEquals(ErrorCode.CONFIG, bad.code());
        assertTrue(bad.getMessage().contains(":pg-version 12"), bad.getMessage());
        Files.createDirectories(dir.resolve(".strata"));
        Files.writeString(dir.resolve(ShadowServers.RECORD), "garbage\n");
        StrataException record = assertThrows(StrataException.class, () -> offline("{}", Map.of()));
        assertEquals(ErrorCode.CONFIG, record.code());
        assertTrue(record.getMessage().contains("delete it"), record.getMessage());
    }

    @Test
    void aTargetOutsideThirteenToEighteenIsRefused() {
        StrataException e = assertThrows(StrataException.class,
                () -> ShadowServers.forTarget(new PgMajor.ServerVersion(120010, "12.10")));
        assertEquals(ErrorCode.CONFIG, e.code());
    }
}
