package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SqlMigrationParser reads a hand-written {@code .sql} migration: an optional header of comments
 * (where {@code -- :transaction false} marks a migration that must run outside a transaction), a
 * {@code -- FORWARD} line followed by the up statements and an optional {@code -- BACKWARD} line
 * followed by the down statements. Marker lines stand alone; case does not matter.
 */
final class SqlMigrationParser {
    private static final Pattern MARKER = Pattern.compile("(?im)^[ \\t]*--[ \\t]*(FORWARD|BACKWARD)[ \\t]*\\r?$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?im)^[ \\t]*--[ \\t]*:transaction[ \\t]+false[ \\t]*\\r?$");

    /** The parts of a parsed file. */
    private static final Pattern VERIFY = Pattern.compile("(?im)^[ \\t]*--[ \\t]*:verify[ \\t]+(.*?)[ \\t]*\\r?$");

    private static final Pattern ACCEPTED = Pattern.compile("(?im)^[ \\t]*--[ \\t]*:accepted[ \\t]+(.*?)[ \\t]*\\r?$");
    private static final Pattern SAFETY = Pattern.compile("(?im)^[ \\t]*--[ \\t]*:safety[ \\t]+(.*?)[ \\t]*\\r?$");

    record Sections(List<String> up, List<String> down, boolean transactional, VerifySettings verify,
                    MigrationSafety safety) {
    }

    private SqlMigrationParser() {
    }

    static Sections parse(String text, Path file) {
        Matcher m = MARKER.matcher(text);
        int forwardStart = -1;
        int forwardBody = -1;
        int backwardStart = -1;
        int backwardBody = -1;
        while (m.find()) {
            boolean forward = m.group(1).toUpperCase(Locale.ROOT).equals("FORWARD");
            int line = lineOf(text, m.start());
            if (forward) {
                if (forwardStart >= 0) {
                    throw problem(file, "has a second '-- FORWARD' line (line " + line + ")",
                            "keep one '-- FORWARD' section");
                }
                forwardStart = m.start();
                forwardBody = m.end();
            } else {
                if (forwardStart < 0) {
                    throw problem(file, "has '-- BACKWARD' (line " + line + ") before '-- FORWARD'",
                            "put the forward statements first, then the backward ones");
                }
                if (backwardStart >= 0) {
                    throw problem(file, "has a second '-- BACKWARD' line (line " + line + ")",
                            "keep one '-- BACKWARD' section");
                }
                backwardStart = m.start();
                backwardBody = m.end();
            }
        }
        if (forwardStart < 0) {
            throw problem(file, "has no '-- FORWARD' line",
                    "write '-- FORWARD' on its own line before the statements that apply the change,"
                            + " and '-- BACKWARD' before those that undo it");
        }
        String header = text.substring(0, forwardStart);
        if (!SqlStatements.split(header).isEmpty()) {
            throw problem(file, "has SQL before its '-- FORWARD' line",
                    "move the statements below '-- FORWARD' (only comments may come before it)");
        }
        boolean transactional = !NO_TRANSACTION.matcher(header).find();
        String forward = text.substring(forwardBody, backwardStart < 0 ? text.length() : backwardStart);
        String backward = backwardStart < 0 ? "" : text.substring(backwardBody);
        VerifySettings verify = VerifySettings.defaults();
        java.util.regex.Matcher vm = VERIFY.matcher(header);
        if (vm.find()) {
            try {
                verify = VerifySettings.parse(us.bpsm.edn.parser.Parsers.newParser(us.bpsm.edn.parser.Parsers.defaultConfiguration())
                        .nextValue(us.bpsm.edn.parser.Parsers.newParseable(vm.group(1))));
            } catch (IllegalArgumentException | us.bpsm.edn.EdnException e) {
                throw problem(file, "has a bad '-- :verify' line: " + e.getMessage(),
                        "write e.g. '-- :verify {:allow-row-changes [:audit_log]}' or '-- :verify false'");
            }
        }
        MigrationSafety safety;
        try {
            safety = MigrationSafety.parse(commentValue(ACCEPTED, header), commentValue(SAFETY, header));
        } catch (IllegalArgumentException | us.bpsm.edn.EdnException e) {
            String[] parts = String.valueOf(e.getMessage()).split("; ", 2);
            throw problem(file, "has a bad '-- " + parts[0] + "' line",
                    parts.length > 1 ? parts[1] : "write e.g. '-- :accepted [{:rule :drop-column :object \"column t.c\"}]'");
        }
        return new Sections(SqlStatements.split(forward), SqlStatements.split(backward), transactional, verify, safety);
    }

    /** The EDN value of a {@code -- :key value} header line, or null without one. */
    private static Object commentValue(Pattern line, String header) {
        java.util.regex.Matcher m = line.matcher(header);
        if (!m.find()) {
            return null;
        }
        return us.bpsm.edn.parser.Parsers.newParser(us.bpsm.edn.parser.Parsers.defaultConfiguration())
                .nextValue(us.bpsm.edn.parser.Parsers.newParseable(m.group(1)));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static StrataException problem(Path file, String what, String fix) {
        return new StrataException(ErrorCode.MIGRATION_FILES, "migration file " + file + " " + what + ".\n  Fix: " + fix + ".");
    }
}
