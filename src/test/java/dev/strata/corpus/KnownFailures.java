package dev.strata.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * KnownFailures represents the committed list of corpus cases that fail today
 * ({@code known-failures.txt}: {@code <case id><TAB><reason>} per line, {@code #} comments).
 */
final class KnownFailures {
    static final String RESOURCE = "known-failures.txt";

    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    static KnownFailures load() {
        try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource dev/strata/corpus/" + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownFailures parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String id = (tab < 0 ? line : line.substring(0, tab)).strip();
            String reason = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (reasons.put(id, reason) != null) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": " + id + " is listed twice");
            }
        }
        return new KnownFailures(reasons);
    }

    boolean contains(String id) {
        return reasons.containsKey(id);
    }

    String reason(String id) {
        return reasons.get(id);
    }

    Set<String> ids() {
        return reasons.keySet();
    }
}
