package dev.strata.inspect;

import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@WithPostgres
class PeekTmpTest {
    @Test
    void peek(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("roundtrip.sql"));
            Inspection i = Inspector.inspect(c, "app");
            StringBuilder sb = new StringBuilder();
            i.files().forEach((k, v) -> sb.append("=== ").append(k).append('\n').append(v));
            i.unsupported().forEach(u -> sb.append("! ").append(u.describe()).append('\n'));
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/inspect-peek.txt"), sb.toString());
        }
    }
}
