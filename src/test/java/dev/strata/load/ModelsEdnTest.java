package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModelsEdnTest is the base of tests that load one {@code shared/models.edn}: what it loads to, or
 * the problems the loader reports (every one, as {@code file:line: subject: what. Fix: ...}).
 */
abstract class ModelsEdnTest {
    @TempDir
    Path dir;

    ModelTree tree;

    Schema load(String modelsEdn) {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn", modelsEdn);
        return tree.load().schema();
    }

    List<String> problems(String modelsEdn) {
        tree = new ModelTree(dir.resolve("db")).file("shared/models.edn", modelsEdn);
        StrataException e = assertThrows(StrataException.class, tree::load);
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        return e.problems();
    }

    /** The {@code file:line: } prefix of a problem on that line of models.edn. */
    String at(int line) {
        return tree.path("shared/models.edn") + ":" + line + ": ";
    }
}
