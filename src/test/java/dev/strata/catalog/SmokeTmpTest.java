package dev.strata.catalog;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@WithPostgres
class SmokeTmpTest {
    @Test
    void dump(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("smoke"); Connection c = db.connect()) {
            String ddl = java.nio.file.Files.readString(java.nio.file.Path.of("/tmp/smoke.sql"));
            c.createStatement().execute("CREATE SCHEMA app"); c.createStatement().execute("SET search_path TO app");
            for (String st : ddl.split(";\n")) if (!st.isBlank()) c.createStatement().execute(st);
            CatalogRead r = CatalogReader.inspect(c, "app");
            StringBuilder sb = new StringBuilder();
            var s = r.schema();
            for (var x : s.extensions()) sb.append(x).append('\n');
            for (var x : s.enums()) sb.append(x).append('\n');
            for (var x : s.sequences()) sb.append(x).append('\n');
            for (var t : s.tables()) { sb.append("TABLE ").append(t.name()).append(" rls=").append(t.rowLevelSecurity()).append(" comment=").append(t.comment()).append('\n');
                for (var x : t.columns()) sb.append("  ").append(x).append('\n');
                for (var x : t.constraints()) sb.append("  ").append(x).append('\n');
                for (var x : t.indexes()) sb.append("  ").append(x).append('\n'); }
            for (var x : s.views()) sb.append(x).append('\n');
            for (var x : s.functions()) sb.append(x).append('\n');
            for (var x : s.triggers()) sb.append(x).append('\n');
            for (var x : s.policies()) sb.append(x).append('\n');
            for (var x : r.dependencies()) sb.append(x).append('\n');
            sb.append("queries=").append(r.queryCount()).append(" ms=").append(r.millis()).append('\n');
            var rs = c.createStatement().executeQuery("show search_path"); rs.next(); sb.append("search_path after: ").append(rs.getString(1));
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/smoke.out"), sb.toString());
        }
    }
}
