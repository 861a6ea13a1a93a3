package dev.strata.edn;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.CollectionBuilder;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * EdnReader reads one EDN document with edn-java, keeping source order and lines: maps become
 * {@link EdnMap}, vectors and lists {@link EdnVector}, sets unmodifiable insertion-ordered sets.
 * edn-java reports no positions, so the reader counts the newlines the parser consumes; a
 * collection's line is the line where the parser met its opening bracket, a key's line the line
 * where the parser finished reading it.
 */
public final class EdnReader {
    private EdnReader() {
    }

    /** Reads a file; an empty (or comment-only) file reads as an empty map. */
    public static Object read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.INVALID_MODEL, file + ": cannot read the file: " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses text; {@code source} names it in messages. Malformed text throws a
     * {@link StrataException} with {@link ErrorCode#INVALID_MODEL} whose message starts with
     * {@code source:line:}.
     */
    public static Object parse(String text, String source) {
        LineCounter in = new LineCounter(Parsers.newParseable(text));
        Parser.Config config = Parsers.newParserConfigBuilder()
                .setMapFactory(() -> new MapBuilder(in, source))
                .setVectorFactory(() -> new VectorBuilder(in))
                .setListFactory(() -> new VectorBuilder(in))
                .setSetFactory(() -> new SetBuilder(in, source))
                .acceptUnicodeEscapesInStringLiterals(true)
                .build();
        Parser parser = Parsers.newParser(config);
        try {
            Object value = parser.nextValue(in);
            if (value == Parser.END_OF_INPUT) {
                return new EdnMap.Builder(1).build();
            }
            int endLine = in.line;
            if (parser.nextValue(in) != Parser.END_OF_INPUT) {
                throw malformed(source, endLine, "more than one top-level form",
                        "put everything in one map");
            }
            return value;
        } catch (EdnException e) {
            throw malformed(source, in.line, readable(e.getMessage()),
                    "check the brackets, quotes and map entries at or before that line");
        }
    }

    /** edn-java names tokens (END_VECTOR); say the bracket instead. */
    private static String readable(String message) {
        String m = String.valueOf(message);
        for (String[] token : new String[][] {{"END_VECTOR", "']'"}, {"END_LIST", "')'"}, {"END_MAP_OR_SET", "'}'"},
                {"BEGIN_VECTOR", "'['"}, {"BEGIN_LIST", "'('"}, {"BEGIN_MAP", "'{'"}, {"BEGIN_SET", "'#{'"},
                {"END_OF_INPUT", "the end of the file"}}) {
            m = m.replace(token[0], token[1]);
        }
        return m;
    }

    private static StrataException malformed(String source, int line, String what, String fix) {
        return new StrataException(ErrorCode.INVALID_MODEL,
                source + ":" + line + ": malformed EDN: " + what + "; " + fix + ".");
    }

    /** Counts the newlines the parser has consumed (and given back). */
    private static final class LineCounter implements Parseable {
        private final Parseable delegate;
        private int line = 1;

        LineCounter(Parseable delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int c = delegate.read();
            if (c == '\n') {
                line++;
            }
            return c;
        }

        @Override
        public void unread(int ch) throws IOException {
            if (ch == '\n') {
                line--;
            }
            delegate.unread(ch);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    private static final class MapBuilder implements CollectionBuilder {
        private final LineCounter in;
        private final String source;
        private final EdnMap.Builder map;
        private Object key;
        private int keyLine;
        private boolean haveKey;

        MapBuilder(LineCounter in, String source) {
            this.in = in;
            this.source = source;
            this.map = new EdnMap.Builder(in.line);
        }

        @Override
        public void add(Object o) {
            if (!haveKey) {
                if (map.containsKey(o)) {
                    throw malformed(source, in.line, "duplicate map key " + EdnPrinter.flat(o)
                                    + " (first at line " + map.lineOf(o) + ")",
                            "remove or rename one of the two entries");
                }
                key = o;
                keyLine = in.line;
                haveKey = true;
            } else {
                map.put(key, o, keyLine);
                haveKey = false;
            }
        }

        @Override
        public Object build() {
            if (haveKey) {
                throw malformed(source, in.line, "map literal has a key without a value ("
                        + EdnPrinter.flat(key) + " at line " + keyLine + ")", "add the missing value");
            }
            return map.build();
        }
    }

    private static final class VectorBuilder implements CollectionBuilder {
        private final List<Object> items = new ArrayList<>();
        private final int line;

        VectorBuilder(LineCounter in) {
            this.line = in.line;
        }

        @Override
        public void add(Object o) {
            items.add(o);
        }

        @Override
        public Object build() {
            return new EdnVector(items, line);
        }
    }

    private static final class SetBuilder implements CollectionBuilder {
        private final LineCounter in;
        private final String source;
        private final Set<Object> items = new LinkedHashSet<>();

        SetBuilder(LineCounter in, String source) {
            this.in = in;
            this.source = source;
        }

        @Override
        public void add(Object o) {
            if (!items.add(o)) {
                throw malformed(source, in.line, "duplicate set element " + EdnPrinter.flat(o),
                        "remove one of them");
            }
        }

        @Override
        public Object build() {
            return Collections.unmodifiableSet(items);
        }
    }
}
