package dev.strata.state;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogRead;
import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.load.VersionCheck;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import dev.strata.pg.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * ScratchApply turns a model or a list of migration statements into a catalog: it applies them to
 * a throw-away database on the dev server and reads that database back. Both sides of every diff
 * are made this way (or read from a live schema), so they are compared in PostgreSQL's own
 * spelling. The scratch database is dropped afterwards, also on failure.
 */
public final class ScratchApply {
    private static final String SCHEMA = "public";

    private ScratchApply() {
    }

    /** The catalog a model produces: compile it, apply the script, read it back. */
    public static CatalogRead model(Schema model, DevServer dev) {
        return model(model, dev, DdlCompiler.compile(model));
    }

    /** As {@link #model(Schema, DevServer)}, with the model's script already compiled. */
    public static CatalogRead model(Schema model, DevServer dev, List<String> statements) {
        VersionCheck.check(model, dev.major());
        return apply(dev, "strata_desired", statements, model.namespaceNames(), null, null, (index, sql, e) -> new StrataException(ErrorCode.INVALID_MODEL,
                "PostgreSQL rejected the model's DDL at statement " + (index + 1) + " of " + statements.size()
                        + ": " + e.getMessage().strip() + "\n  statement: " + abbreviate(sql)
                        + "\n  Fix the model object this statement comes from (run 'strata print-ddl' to see the"
                        + " whole script).", e));
    }

    /** The catalog a list of migration steps produces, applied in order. */
    public static CatalogRead steps(List<Step> steps, DevServer dev) {
        return steps(steps, dev, null);
    }

    /**
     * The catalog a list of steps produces; with a {@code kind} ({@code files}, {@code model}), the
     * database is kept on a server that {@link DevServer#keepsStates() keeps states}, under a name
     * made of the kind and a hash of the statements, the server's version and this build of
     * Strata, and read again by the next run with the same statements instead of replaying them.
     * A changed statement (an edited migration file, a changed model) gives another hash: the state
     * is made again, and the one kept before for that kind is dropped. When the kept state was made
     * by the first statements of the list (new migration files since), it is copied and only the
     * rest are applied.
     */
    public static CatalogRead steps(List<Step> steps, DevServer dev, String kind) {
        return steps(steps, dev, kind, null);
    }

    /**
     * As {@link #steps(List, DevServer, String)}, the state kept under a hash of {@code key}
     * instead of the steps (the model's compiled script, of which the steps are a rendering).
     */
    public static CatalogRead steps(List<Step> steps, DevServer dev, String kind, List<String> key) {
        List<String> statements = steps.stream().map(Step::sql).toList();
        // The migrations may have made schemas besides the target one: read every one of them, so
        // that a schema the model no longer has is dropped.
        return apply(dev, "strata_current", statements, null, kind, key, (index, sql, e) -> {
            Step step = steps.get(index);
            return new StrataException(ErrorCode.MIGRATION_FILES, "migration " + step.origin()
                    + " failed on a scratch database: " + e.getMessage().strip() + "\n  statement: " + abbreviate(sql)
                    + "\n  Fix the migration file (or, if it was generated, regenerate it).", e);
        });
    }

    /** One statement to replay and where it comes from (for messages), e.g. {@code 0003_add_indexes}. */
    public record Step(String origin, String sql) {
    }

    private interface Failure {
        StrataException of(int index, String sql, SQLException e);
    }

    /** {@code otherSchemas} null reads every user schema of the scratch database besides the target one. */
    private static CatalogRead apply(DevServer dev, String prefix, List<String> statements, List<String> otherSchemas,
                                     String kind, List<String> key, Failure failure) {
        String kept = kind != null && dev.keepsStates()
                ? KeptStates.name(kind, dev, key != null ? key : statements, otherSchemas) : null;
        try {
            if (kept != null) {
                java.util.Optional<CatalogRead> read = readKept(dev, kept, otherSchemas);
                if (read.isPresent()) {
                    return read.get();
                }
            }
            // The files' state kept before new files were added: copied, and only the new statements applied.
            KeptStates.Prefix base = kept != null && key == null
                    ? KeptStates.prefix(dev, kind, statements, otherSchemas).orElse(null) : null;
            ScratchDatabase scratch = base == null ? dev.createScratch(prefix) : dev.createScratchFrom(prefix, base.database());
            int from = base == null ? 0 : base.statements();
            CatalogRead read;
            try (Connection c = scratch.connect()) {
                try (Statement s = c.createStatement()) {
                    for (int i = from; i < statements.size(); i++) {
                        try {
                            s.execute(statements.get(i));
                        } catch (SQLException e) {
                            throw failure.of(i, statements.get(i), e);
                        }
                    }
                }
                read = read(c, otherSchemas);
            } catch (SQLException | RuntimeException e) {
                scratch.close();
                throw e;
            }
            if (kept == null || !KeptStates.keep(dev, scratch.name(), kind, kept, (key != null ? key : statements).size())) {
                scratch.close();
            }
            return read;
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "scratch database on " + JdbcUrls.redact(dev.url()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The state kept for {@code kind} under a hash of {@code key}, read, if this server keeps one:
     * what {@link #steps(List, DevServer, String, List)} made on an earlier run with the same key.
     */
    public static java.util.Optional<CatalogRead> kept(DevServer dev, String kind, List<String> key) {
        if (!dev.keepsStates()) {
            return java.util.Optional.empty();
        }
        try {
            return readKept(dev, KeptStates.name(kind, dev, key, null), null);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "kept state on " + JdbcUrls.redact(dev.url()) + ": " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<CatalogRead> readKept(DevServer dev, String kept, List<String> otherSchemas)
            throws SQLException {
        if (!KeptStates.exists(dev, kept)) {
            return java.util.Optional.empty();
        }
        try (Connection c = dev.connectTo(kept)) {
            return java.util.Optional.of(read(c, otherSchemas));
        }
    }

    private static CatalogRead read(Connection c, List<String> otherSchemas) throws SQLException {
        return CatalogReader.inspect(c, SCHEMA, otherSchemas != null ? otherSchemas : CatalogReader.userSchemas(c));
    }

    /** A statement on one line, at most 240 characters, for error messages. */
    public static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 240 ? oneLine : oneLine.substring(0, 237) + "...";
    }
}
