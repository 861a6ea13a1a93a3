package dev.strata.inspect;

import dev.strata.sql.SqlText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.edn.EdnReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.bpsm.edn.Keyword;

/** Layout, escaping and readability of the printed EDN, and the names and types chosen for it. */
class EdnTextTest {
    private static Keyword kw(String s) {
        return Keyword.newKeyword(s);
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void oneFieldPerLineAlignedUnderTheFirst() {
        Map<Object, Object> top = map(
                kw("status"), map(kw("type"), kw("enum"), kw("choices"), List.of("a", "b")),
                kw("items"), map(kw("fields"), map(
                                kw("id"), map(kw("type"), kw("serial"), kw("primary-key"), true),
                                kw("name"), map(kw("type"), List.of(kw("varchar"), 255L), kw("null"), false)),
                        kw("indexes"), List.of(map(kw("name"), "i1", kw("fields"), List.of(kw("name"))),
                                map(kw("name"), "i2", kw("fields"), List.of(List.of(kw("raw"), "lower(name)"))))));
        assertEquals("""
                ;; header
                {:status {:type :enum :choices ["a" "b"]}

                 :items {:fields {:id {:type :serial :primary-key true}
                                  :name {:type [:varchar 255] :null false}}
                         :indexes [{:name "i1" :fields [:name]}
                                   {:name "i2" :fields [[:raw "lower(name)"]]}]}}
                """, EdnText.file(List.of("header"), top));
    }

    @Test
    void stringsKeepLineBreaksAndEscapeQuotesAndBackslashes(@TempDir Path dir) throws Exception {
        String sql = "CREATE FUNCTION f()\n RETURNS text AS $$ SELECT 'a\\b \"q\"' $$";
        String text = EdnText.file(List.of(), map(kw("f"), map(kw("sql"), sql)));
        assertEquals("{:f {:sql \"CREATE FUNCTION f()\n RETURNS text AS $$ SELECT 'a\\\\b \\\"q\\\"' $$\"}}\n", text);
        Path file = dir.resolve("f.edn");
        Files.writeString(file, text);
        Object read = EdnReader.read(file);
        assertEquals(sql, ((Map<?, ?>) ((Map<?, ?>) read).get(kw("f"))).get(kw("sql")), "reads back to the same SQL");
    }

    @Test
    void aLongMapBreaksOneEntryPerLine() {
        String longDefault = "x".repeat(90);
        String text = EdnText.file(List.of(), map(kw("t"), map(kw("a"), longDefault, kw("b"), 1L)));
        assertEquals("{:t {:a \"" + longDefault + "\"\n     :b 1}}\n", text);
    }

    @Test
    void namesRoundTripExactly() {
        assertEquals(kw("created-at"), ModelNames.key("created_at"));
        assertEquals(kw("AlbumId"), ModelNames.key("AlbumId"));
        assertEquals(kw("_hidden"), ModelNames.key("_hidden"));
        assertEquals("first-name", ModelNames.key("first-name"));
        assertEquals("two words", ModelNames.key("two words"));
        assertEquals(null, ModelNames.keyword("bıgınt"));
    }

    @Test
    void builtInTypesBecomeKeywordsOrVectorsAndTheRestRaw() {
        assertEquals(kw("integer"), TypeForms.of("integer"));
        assertEquals(kw("timestamptz"), TypeForms.of("timestamp with time zone"));
        assertEquals(kw("double-precision"), TypeForms.of("double precision"));
        assertEquals(List.of(kw("varchar"), 255L), TypeForms.of("character varying(255)"));
        assertEquals(List.of(kw("numeric"), 10L, 2L), TypeForms.of("numeric(10,2)"));
        assertEquals(List.of(kw("timestamp"), 3L), TypeForms.of("timestamp(3) without time zone"));
        assertEquals(List.of(kw("raw"), "interval year to month"), TypeForms.of("interval year to month"));
        assertEquals(List.of(kw("raw"), "citext"), TypeForms.of("citext"));
    }

    @Test
    void primaryKeyNamesFollowPostgreSQL() {
        assertEquals("orders_pkey", TreeBuilder.objectName("orders", null, "pkey"));
        assertEquals("t_col_seq", TreeBuilder.objectName("t", "col", "seq"));
        String longName = "a".repeat(70);
        assertEquals("a".repeat(58) + "_pkey", TreeBuilder.objectName(longName, null, "pkey"));
        assertEquals("a".repeat(29) + "_" + "b".repeat(29) + "_seq",
                TreeBuilder.objectName("a".repeat(40), "b".repeat(40), "seq"));
    }

    @Test
    void sqlScanFindsTopLevelSpacesAndUnwrapsParentheses() {
        assertEquals(true, SqlText.hasTopLevelSpace("name DESC"));
        assertEquals(false, SqlText.hasTopLevelSpace("lower((name)::text)"));
        assertEquals(false, SqlText.hasTopLevelSpace("\"two words\""));
        assertEquals("a > 0", SqlText.unwrap("((a > 0))"));
        assertEquals("(a > 0) AND (b > 0)", SqlText.unwrap("((a > 0) AND (b > 0))"));
    }
}
