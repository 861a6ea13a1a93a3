package dev.strata.corpus;

import java.util.List;
import java.util.Objects;

/**
 * CorpusCase represents one convergence case taken from an external corpus: a schema before
 * ({@code current}) and after ({@code desired}), each a SQL script PostgreSQL runs as it is.
 *
 * @param id           a stable identifier, {@code <source>/<group>/<name>}, used in reports and in
 *                     the known-failures list
 * @param source       the corpus it comes from
 * @param group        the file or folder it was read from, for counts by file
 *                     ({@code tests_tables.yml}, {@code migra}, {@code samples})
 * @param name         its name inside the group
 * @param current      the script that builds the schema before; empty for an empty schema
 * @param desired      the script that builds the schema after
 * @param targetSchema the schema the scripts build and Strata reads ({@code public}, or the one a
 *                     corpus case makes its default)
 * @param minVersion   the lowest PostgreSQL major version the case is for, or 0
 * @param maxVersion   the highest PostgreSQL major version the case is for, or 0 for no limit
 * @param preset       the outcome decided when the case was read (a step its corpus expects to
 *                     fail, a construct the corpus reader does not translate), or {@code null}
 *                     when the case is to be run
 * @param expectsNoChange whether the corpus says both sides are the same schema (Atlas's
 *                     {@code synced} steps): a non-empty migration is then a failure
 * @param describes    the {@code psql \d} output the corpus expects of tables after the up
 */
public record CorpusCase(
        String id,
        Source source,
        String group,
        String name,
        String current,
        String desired,
        String targetSchema,
        int minVersion,
        int maxVersion,
        Outcome preset,
        boolean expectsNoChange,
        List<Describe> describes) {

    /** A case to run, with nothing decided or expected beyond the invariants. */
    public CorpusCase(String id, Source source, String group, String name, String current, String desired,
            String targetSchema, int minVersion, int maxVersion) {
        this(id, source, group, name, current, desired, targetSchema, minVersion, maxVersion, null, false, List.of());
    }

    /**
     * What {@code psql -c '\d table'} prints for the tables, one after the other, as the corpus
     * expects it after the up.
     *
     * @param tables   the tables, in the order described
     * @param expected the expected output
     */
    public record Describe(List<String> tables, String expected) {
        public Describe {
            tables = List.copyOf(tables);
            Objects.requireNonNull(expected, "expected");
        }
    }

    public CorpusCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        current = current == null ? "" : current;
        desired = desired == null ? "" : desired;
        Objects.requireNonNull(targetSchema, "targetSchema");
        describes = describes == null ? List.of() : List.copyOf(describes);
    }

    /** The corpora the harness reads. */
    public enum Source {
        SQLDEF("sqldef"),
        MIGRA("migra"),
        PGCODEKEEPER("pgcodekeeper"),
        SAMPLES("samples"),
        ATLAS("atlas");

        private final String folder;

        Source(String folder) {
            this.folder = folder;
        }

        /** The folder under the corpora root, also the first part of case ids. */
        public String folder() {
            return folder;
        }
    }

    /** Why the case does not apply to a server of this major version, or {@code null} when it does. */
    public String versionMismatch(int serverMajor) {
        if (minVersion > 0 && serverMajor < minVersion) {
            return "needs PostgreSQL " + minVersion + " or newer";
        }
        if (maxVersion > 0 && serverMajor > maxVersion) {
            return "needs PostgreSQL " + maxVersion + " or older";
        }
        return null;
    }
}
