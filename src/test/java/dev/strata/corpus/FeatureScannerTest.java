package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FeatureScannerTest {
    @Test
    void grantsAndRolesAreUnsupportedBeforeAnythingRuns() {
        assertEquals("privilege", FeatureScanner.scan("CREATE TABLE t (a int);\ngrant  select on t to app;").category());
        assertEquals("privilege", FeatureScanner.scan("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO x").category());
        assertEquals("role", FeatureScanner.scan("CREATE ROLE app_user").category());
        assertEquals("role", FeatureScanner.scan("-- x\nALTER USER app SET search_path = a").category());
        assertEquals("user mapping", FeatureScanner.scan("CREATE USER MAPPING FOR x SERVER s").category());
        assertEquals("tablespace", FeatureScanner.scan("CREATE TABLESPACE fast LOCATION '/x'").category());
    }

    @Test
    void keywordsInBodiesLiteralsAndNamesAreIgnored() {
        assertNull(FeatureScanner.scan("""
                CREATE TABLE "grant" (role text DEFAULT 'GRANT ALL');
                COMMENT ON TABLE "grant" IS 'REVOKE nothing';
                CREATE FUNCTION f() RETURNS void AS $$ BEGIN EXECUTE 'GRANT SELECT ON x TO y'; END $$ LANGUAGE plpgsql;
                ALTER TABLE "grant" OWNER TO CURRENT_USER;
                """));
    }

    @Test
    void refusedScriptsNameWhatIsMissing() {
        assertEquals("needs extension vector", FeatureScanner.scriptRefused("desired",
                new SQLException("ERROR: extension \"vector\" is not available\n  Detail: ...", "0A000"), 17).category());
        assertEquals("needs extension postgis", FeatureScanner.scriptRefused("desired", new SQLException(
                "ERROR: could not open extension control file \"/tmp/share/extension/postgis.control\": No such file",
                "58P01"), 17).category());
        assertEquals("role", FeatureScanner.scriptRefused("current",
                new SQLException("ERROR: role \"admin\" does not exist", "42704"), 17).category());
        assertEquals("not PostgreSQL 17 syntax", FeatureScanner.scriptRefused("desired",
                new SQLException("ERROR: syntax error at or near \"ASYNC\"", "42601"), 17).category());
        assertEquals("non-public schema", FeatureScanner.scriptRefused("desired",
                new SQLException("ERROR: schema \"test\" does not exist", "3F000"), 17).category());
        assertEquals("needs collation en_US", FeatureScanner.scriptRefused("desired",
                new SQLException("ERROR: collation \"en_US\" for encoding \"UTF8\" does not exist", "42704"), 17)
                .category());
        Outcome other = FeatureScanner.scriptRefused("desired",
                new SQLException("ERROR: relation \"x\" does not exist", "42P01"), 16);
        assertEquals("script fails on PostgreSQL 16", other.category());
        assertEquals("desired: ERROR: relation \"x\" does not exist (SQLSTATE 42P01)", other.detail());
    }

    @Test
    void privilegesBothScriptsShareAreLeftOut() {
        CorpusCase shared = new CorpusCase("x/a", CorpusCase.Source.PGCODEKEEPER, "x", "a",
                "REVOKE ALL ON SCHEMA public FROM PUBLIC;\nCREATE TABLE t (a int);",
                "CREATE TABLE t (a int, b int);\n-- dump line\nrevoke all  on schema public from public;", "public", 0, 0);
        CorpusCase stripped = FeatureScanner.withoutSharedPrivileges(shared);
        assertNull(FeatureScanner.scan(stripped.current()));
        assertNull(FeatureScanner.scan(stripped.desired()));
        assertEquals(true, stripped.desired().contains("b int"));

        CorpusCase differing = new CorpusCase("x/b", CorpusCase.Source.PGCODEKEEPER, "x", "b",
                "CREATE TABLE t (a int);", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO app;", "public", 0, 0);
        assertEquals("privilege", FeatureScanner.scan(FeatureScanner.withoutSharedPrivileges(differing).desired()).category());
    }
}
