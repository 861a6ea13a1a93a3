package dev.strata.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

class EdnReaderTest {
    private static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }

    @Test
    void mapsKeepSourceOrder() {
        EdnMap m = (EdnMap) EdnReader.parse("{:z 1 :a 2 :m 3 :b 4 :y 5 :c 6 :x 7 :d 8 :w 9}", "t.edn");
        assertEquals(List.of(kw("z"), kw("a"), kw("m"), kw("b"), kw("y"), kw("c"), kw("x"), kw("d"), kw("w")),
                new ArrayList<>(m.keySet()));
    }

    @Test
    void keysAndCollectionsKnowTheirLines() {
        String text = """
                ;; a comment with a "string" and [brackets
                {:first 1
                 ; another {comment}
                 :second "a string
                over two lines"
                 #_ :ignored #_ {:x
                                 1}
                 :third [\\a \\newline \\]
                         {:inner 1}]
                 :fourth
                 {:deep true}}
                """;
        EdnMap m = (EdnMap) EdnReader.parse(text, "t.edn");
        assertEquals(2, m.line());
        assertEquals(2, m.lineOf(kw("first")));
        assertEquals(4, m.lineOf(kw("second")));
        assertEquals(8, m.lineOf(kw("third")));
        assertEquals(10, m.lineOf(kw("fourth")));
        EdnVector third = (EdnVector) m.get(kw("third"));
        assertEquals(8, third.line());
        assertEquals(List.of('a', '\n', ']'), third.subList(0, 3));
        assertEquals(9, ((EdnMap) third.get(3)).line());
        assertEquals(11, ((EdnMap) m.get(kw("fourth"))).line());
        assertEquals(4, m.size());
    }

    @Test
    void emptyFileIsAnEmptyMap() {
        assertEquals(Map.of(), EdnReader.parse("  ; nothing here\n", "t.edn"));
    }

    @Test
    void unbalancedBracketReportsFileAndLine() {
        StrataException e = assertThrows(StrataException.class,
                () -> EdnReader.parse("{:a 1\n :b [1 2\n :c 3}\n", "x/models.edn"));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        assertTrue(e.getMessage().startsWith("x/models.edn:3: malformed EDN: "), e.getMessage());
    }

    @Test
    void unterminatedStringReportsTheLineWhereInputEnded() {
        StrataException e = assertThrows(StrataException.class,
                () -> EdnReader.parse("{:a 1\n :b \"open\n\n}", "m.edn"));
        assertTrue(e.getMessage().startsWith("m.edn:4: malformed EDN: "), e.getMessage());
    }

    @Test
    void duplicateKeyNamesBothLines() {
        StrataException e = assertThrows(StrataException.class,
                () -> EdnReader.parse("{:a 1\n :b 2\n :a 3}", "m.edn"));
        assertEquals("m.edn:3: malformed EDN: duplicate map key :a (first at line 1); "
                + "remove or rename one of the two entries.", e.getMessage());
    }

    @Test
    void twoTopLevelFormsAreRejected() {
        StrataException e = assertThrows(StrataException.class, () -> EdnReader.parse("{:a 1}\n{:b 2}", "m.edn"));
        assertEquals("m.edn:1: malformed EDN: more than one top-level form; put everything in one map.",
                e.getMessage());
    }

    @Test
    void printerSortsKeysAndRoundTrips() {
        Object value = EdnReader.parse("{:b [1 2.5 \"s\\n\\\"q\\\"\" nil true] :a {:z #{:y :x} :c \\x} :c 10M :d 7N}",
                "t.edn");
        String printed = EdnPrinter.flat(value);
        assertEquals("{:a {:c \\x :z #{:x :y}} :b [1 2.5 \"s\\n\\\"q\\\"\" nil true] :c 10M :d 7N}", printed);
        assertEquals(value, EdnReader.parse(printed, "again"));
    }

    @Test
    void prettyBreaksLongFormsAndAlignsValues() {
        StringBuilder text = new StringBuilder("{:key-one [");
        for (int i = 0; i < 30; i++) {
            text.append(":element-").append(i).append(' ');
        }
        text.append("] :k {:a 1}}");
        Object value = EdnReader.parse(text.toString(), "t.edn");
        String pretty = EdnPrinter.pretty(value);
        String[] lines = pretty.split("\n");
        assertEquals("{:k {:a 1}", lines[0]);
        assertEquals(" :key-one [:element-0", lines[1]);
        assertEquals("           :element-1", lines[2]);
        assertTrue(lines[lines.length - 1].endsWith(":element-29]}"));
        assertEquals(value, EdnReader.parse(pretty, "again"));
    }
}
