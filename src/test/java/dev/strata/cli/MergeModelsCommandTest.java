package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MergeModelsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writesTheProcessedModelAndASummary() throws Exception {
        write("db/shared/models.edn", "{:book [[:id :serial {:primary-key true}]] :status {:type :enum :choices [\"a\"]}}");
        write("db/domain/a/models.edn", "{:film [[:id :serial {:primary-key true}]]}");
        write("db/domain/a/functions.edn", "{:f {:sql \"CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql\"}}");
        Path target = dir.resolve("out/models_processed.edn");
        int code = run("merge-models", "--models-dir", dir.resolve("db").toString(), "--out", target.toString());
        assertEquals(0, code, err.toString());
        assertEquals("Merged 2 tables, 1 enum, 0 extensions, 1 function, 0 views, 0 triggers, 0 policies from 2 layers"
                + " into " + target + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
        assertTrue(Files.readString(target).contains(":film {:fields [[:id :serial {:primary-key true}]]}"));
    }

    @Test
    void invalidModelExitsTwoPrintsEveryProblemAndWritesNothing() throws Exception {
        Path models = write("db/shared/models.edn", "{:book [[:id :nummeric]\n [:x :text {:null false :default nil}]]}");
        Path target = dir.resolve("out/models_processed.edn");
        int code = run("merge-models", "--models-dir", dir.resolve("db").toString(), "--out", target.toString());
        assertEquals(2, code);
        assertEquals("", out.toString());
        String[] lines = err.toString().split("\\R");
        assertEquals("error: invalid model in " + dir.resolve("db") + ": 2 problems (nothing was written)", lines[0]);
        assertEquals(3, lines.length, err.toString());
        assertTrue(lines[1].startsWith(models + ":2: model :book, field :x: field is NOT NULL"), lines[1]);
        assertTrue(lines[2].startsWith(models + ":1: model :book, field :id: unknown type :nummeric."), lines[2]);
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(target.getParent()));
    }

    @Test
    void anInvalidModelLeavesAnEarlierFileUntouched() throws Exception {
        write("db/shared/models.edn", "{:book [[:id :serial]]}");
        Path target = dir.resolve("models_processed.edn");
        assertEquals(0, run("merge-models", "--models-dir", dir.resolve("db").toString(), "--out", target.toString()));
        byte[] before = Files.readAllBytes(target);
        write("db/shared/models.edn", "{:book [[:id :serial]");
        assertEquals(2, run("merge-models", "--models-dir", dir.resolve("db").toString(), "--out", target.toString()));
        assertEquals(new String(before), Files.readString(target));
    }
}
