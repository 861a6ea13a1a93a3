package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.model.TextSearch;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text search parsers, templates, dictionaries and configurations, from the model to PostgreSQL and back. */
@WithPostgres
class TextSearchPostgresTest {
    private static final String OBJECTS = """
            CREATE TEXT SEARCH PARSER my_parser (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
                LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
            CREATE TEXT SEARCH TEMPLATE my_template (INIT = dsnowball_init, LEXIZE = dsnowball_lexize);
            CREATE TEXT SEARCH DICTIONARY my_stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');
            """;

    @Test
    void objectsAndMappingsConverge(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, OBJECTS
                        + "CREATE TEXT SEARCH CONFIGURATION my_cfg (PARSER = my_parser);"
                        + "ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR asciiword WITH simple;"
                        + "CREATE TABLE doc (body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('my_cfg', body)) STORED);",
                OBJECTS + "CREATE TEXT SEARCH CONFIGURATION my_cfg (PARSER = my_parser);"
                        + "ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR asciiword, word WITH my_stem, simple;"
                        + "COMMENT ON TEXT SEARCH CONFIGURATION my_cfg IS 'stemmed';"
                        + "COMMENT ON TEXT SEARCH DICTIONARY my_stem IS 'english stems';"
                        + "CREATE TEXT SEARCH CONFIGURATION other (COPY = english);"
                        + "CREATE TABLE doc (body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('my_cfg', body)) STORED);",
                (c, m) -> assertTrue(Pipeline.up(m).stream().noneMatch(s -> s.startsWith("DROP TEXT SEARCH CONFIGURATION my_cfg")),
                        "mappings change in place: " + Pipeline.up(m)));
        TextSearch cfg = r.desired().textSearch().stream().filter(t -> t.name().name().equals("my_cfg")).findFirst()
                .orElseThrow();
        assertEquals(List.of("my_stem", "simple"), cfg.mappings().get("word"));
        assertEquals(List.of(TextSearch.Kind.PARSER, TextSearch.Kind.TEMPLATE, TextSearch.Kind.DICTIONARY,
                TextSearch.Kind.CONFIGURATION, TextSearch.Kind.CONFIGURATION),
                r.desired().textSearch().stream().map(TextSearch::kind).toList());
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:my-stem {:type :text-search-dictionary :template :snowball :options {:language "english"}}
                 :my-english {:type :text-search-configuration :copy :english
                              :mappings {:asciiword [:my-stem :simple] :email []} :comment "mine"}}
                """);
        ModelApply.Result r = ModelApply.run(server, "ts_m", root);
        Schema model = r.model();
        Schema read = r.read();
        TextSearch cfg = read.textSearch().stream().filter(t -> t.kind() == TextSearch.Kind.CONFIGURATION)
                .findFirst().orElseThrow();
        assertEquals(List.of("my_stem", "simple"), cfg.mappings().get("asciiword"));
        assertTrue(!cfg.mappings().containsKey("email") && cfg.mappings().containsKey("hword"), cfg.mappings().toString());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported());
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":type :text-search-configuration") && models.contains(":parser :default")
                && models.contains(":options {:language \"english\"}"), models);
        Schema back = ModelLoader.load(writeTree(root.resolve("back"), inspection)).schema();
        assertEquals(read.textSearch().stream().map(TextSearch::definitionOnly).toList(),
                back.textSearch().stream().map(TextSearch::definitionOnly).toList());
    }

    @Test
    void badEntriesAreInvalidModels(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:a {:type :text-search-configuration :mappings {:word [:simple]}}
                 :b {:type :text-search-dictionary :options {:language "english"}}
                 :c {:type :text-search-parser :start :prsd-start}}
                """);
        StrataException e = assertThrows(StrataException.class, () -> ModelLoader.load(root));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("has :parser or :copy") && problems.contains("no :template")
                && problems.contains("text search parser has no :gettoken"), problems);
    }

    private static Path writeTree(Path dir, Inspection inspection) throws java.io.IOException {
        for (var e : inspection.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
        }
        return dir;
    }
}
