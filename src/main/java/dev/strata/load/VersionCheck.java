package dev.strata.load;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * VersionCheck finds what a model uses that the target's PostgreSQL major does not have:
 * column compression (14), unlogged sequences, NULLS NOT DISTINCT and foreign keys with
 * {@code ON DELETE SET NULL (columns)} (15). Each is a model error that names the object, the
 * version it needs and what to do.
 */
public final class VersionCheck {
    private VersionCheck() {
    }

    /** Every problem of {@code schema} for PostgreSQL {@code major}; empty when there is none. */
    public static List<String> problems(Schema schema, int major) {
        List<String> problems = new ArrayList<>();
        for (Sequence s : schema.sequences()) {
            if (s.unlogged() && major < 15) {
                problems.add(problem("sequence " + s.name().name(), ":unlogged true (CREATE UNLOGGED SEQUENCE)", 15,
                        major, "remove :unlogged"));
            }
        }
        for (Table t : schema.tables()) {
            String table = "table " + t.name().name();
            for (Column c : t.columns()) {
                if (c.compression() != null && major < 14) {
                    problems.add(problem(table + ", field " + c.name(), ":compression :" + c.compression(), 14, major,
                            "remove :compression"));
                }
            }
            for (Constraint c : t.constraints()) {
                if (c instanceof Constraint.Unique u && u.nullsNotDistinct() && major < 15) {
                    problems.add(problem(table + ", constraint " + c.name(), ":nulls-not-distinct true", 15, major,
                            "remove :nulls-not-distinct"));
                }
                if (c instanceof Constraint.ForeignKey fk && !fk.deleteSetColumns().isEmpty() && major < 15) {
                    problems.add(problem(table + ", constraint " + c.name(), "ON DELETE " + fk.onDelete().sql()
                            + " with columns (:on-delete-columns)", 15, major, "remove :on-delete-columns"));
                }
            }
            for (Index i : t.indexes()) {
                if (i.nullsNotDistinct() && major < 15) {
                    problems.add(problem(table + ", index " + i.name(), ":nulls-not-distinct true", 15, major,
                            "remove :nulls-not-distinct"));
                }
            }
        }
        return problems;
    }

    /** Throws {@code INVALID_MODEL} listing every problem of {@code schema} for PostgreSQL {@code major}. */
    public static void check(Schema schema, int major) {
        List<String> problems = problems(schema, major);
        if (!problems.isEmpty()) {
            throw new StrataException(ErrorCode.INVALID_MODEL, "the model uses what PostgreSQL " + major
                    + " does not have: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "\n  "
                    + String.join("\n  ", problems), problems, null);
        }
    }

    private static String problem(String object, String what, int needs, int major, String fix) {
        return object + ": " + what + " needs PostgreSQL " + needs + " or newer, and the target runs " + major
                + ". " + Character.toUpperCase(fix.charAt(0)) + fix.substring(1) + ", or target PostgreSQL " + needs
                + " or newer.";
    }
}
