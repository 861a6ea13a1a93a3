package dev.strata.runner;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.migration.Direction;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Migrator applies and rolls back the migrations of one directory on one schema of a target
 * database. Each run takes the schema's advisory lock, creates the schema and its history table
 * when missing, checks the files against the history (changed, missing, out-of-order files are
 * refused before anything runs) and then runs each migration with its history row in one
 * transaction, so a failure leaves the schema and the history as they were.
 */
public final class Migrator {
    private final ConnectionSource target;
    private final Path migrationsDir;
    private final MigratorOptions options;
    private final HistoryTable history;

    private Backup runBackup;
    private MigrationListener listener = MigrationListener.NONE;
    private List<Migration> files;

    public Migrator(ConnectionSource target, Path migrationsDir, MigratorOptions options) {
        this.target = Objects.requireNonNull(target, "target");
        this.migrationsDir = Objects.requireNonNull(migrationsDir, "migrationsDir");
        this.options = Objects.requireNonNull(options, "options");
        this.history = new HistoryTable(options.schema(), options.historyTable());
    }

    public MigratorOptions options() {
        return options;
    }

    /** Reports each step of later runs to {@code l} as it commits; returns this migrator. */
    public Migrator listener(MigrationListener l) {
        this.listener = l == null ? MigrationListener.NONE : l;
        return this;
    }

    /** The backup taken by the last run of this migrator, if it took one ({@link MigratorOptions#backupDir()}). */
    public java.util.Optional<Backup> lastBackup() {
        return java.util.Optional.ofNullable(runBackup);
    }

    public Path migrationsDir() {
        return migrationsDir;
    }

    /** The migration files, in number order (those given by {@link #files}, else read from the directory). */
    public List<Migration> migrations() {
        return files != null ? files : MigrationFiles.readAll(migrationsDir);
    }

    /**
     * Uses {@code migrations} (read from this migrator's directory by the caller) instead of
     * reading the directory on every run: a fleet reads its files once for all its tenants.
     */
    public Migrator files(List<Migration> migrations) {
        this.files = List.copyOf(migrations);
        return this;
    }

    /** Applies every pending migration, in number order. */
    public List<Step> migrate() {
        return run(Integer.MAX_VALUE, false);
    }

    /** Applies the pending migrations numbered up to {@code to} (an existing number). */
    public List<Step> migrate(int to) {
        return run(to, false);
    }

    /**
     * Brings the schema to migration {@code n}: rolls back applied migrations above it (highest
     * first) and applies pending ones up to it. {@code 0} rolls back everything.
     */
    public List<Step> migrateTo(int n) {
        return run(n, true);
    }

    /** The state of every migration; reads only (no lock, creates nothing). */
    public MigrationStatus status() {
        List<Migration> files = migrations();
        try (Connection c = target.open()) {
            return statusOf(files, history.read(c));
        } catch (SQLException e) {
            throw databaseError("could not read the migration history", e);
        }
    }

    /** The rows of the history table, in number order; reads only (no lock, creates nothing). */
    public List<AppliedMigration> history() {
        try (Connection c = target.open()) {
            return history.read(c);
        } catch (SQLException e) {
            throw databaseError("could not read the migration history", e);
        }
    }

    /**
     * Refuses, as {@link #baseline} does, when the history table has rows; reads only. Lets a caller
     * refuse before it prepares the baseline migration.
     */
    public void checkBaselineAllowed() {
        refuseMigrated(history());
    }

    private void refuseMigrated(List<AppliedMigration> rows) {
        if (rows.isEmpty()) {
            return;
        }
        AppliedMigration last = rows.get(rows.size() - 1);
        throw new StrataException(ErrorCode.MIGRATION_FILES, "schema " + options.schema() + " already has "
                + rows.size() + (rows.size() == 1 ? " migration" : " migrations") + " recorded in "
                + history.qualifiedName() + " (the last is " + MigrationFiles.baseName(last.number(), last.name())
                + "); a baseline is only for a schema Strata has never migrated.\n"
                + "  Fix: keep migrating it with strata migrate, or point --url/--schema at the schema to adopt.");
    }

    /**
     * Records {@code m} as applied without running it: the baseline of a schema whose objects
     * already exist. Under the schema's advisory lock and in one transaction, it creates the schema
     * and the history table when missing, refuses when the history already has rows, and inserts
     * the row of {@code m} (with an execution time of 0 ms). The schema's other objects are not
     * touched.
     *
     * @return the row written
     * @throws StrataException with {@link ErrorCode#MIGRATION_FILES} when the history is not empty
     */
    @SuppressWarnings("try") // the lock is held for the body; it is released by close()
    public AppliedMigration baseline(Migration m) {
        Objects.requireNonNull(m, "m");
        try (Connection c = target.open()) {
            c.setAutoCommit(true);
            setting(c, "lock_timeout", options.lockTimeout());
            try (AdvisoryLock lock = AdvisoryLock.acquire(c, options.schema(), options.lockWait())) {
                c.setAutoCommit(false);
                try {
                    history.create(c);
                    refuseMigrated(history.read(c));
                    history.insert(c, m, 0);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                return history.read(c).get(0);
            }
        } catch (SQLException e) {
            throw databaseError("could not record the baseline " + m.id(), e);
        }
    }

    /**
     * Creates the schema from nothing: the schema, its history table, every migration with its
     * history row, then {@code seed} (statements run in the new schema), all in one transaction
     * under the schema's advisory lock, so a failure leaves no schema behind. Refuses a schema that
     * already exists. A migration that must run outside a transaction (CREATE INDEX CONCURRENTLY)
     * cannot be part of that transaction: then each migration commits on its own, as {@link #migrate}
     * does, and a failure drops the schema again (DROP SCHEMA ... CASCADE), so nothing is left
     * either way.
     *
     * @return the migrations applied, in order
     */
    @SuppressWarnings("try") // the lock is held for the body; it is released by close()
    public List<Step> createFresh(List<String> seed) {
        List<Migration> files = migrations();
        try (Connection c = target.open()) {
            c.setAutoCommit(true);
            setting(c, "lock_timeout", options.lockTimeout());
            try (AdvisoryLock lock = AdvisoryLock.acquire(c, options.schema(), options.lockWait())) {
                if (schemaExists(c)) {
                    throw new StrataException(ErrorCode.MIGRATION_FILES, "schema " + options.schema()
                            + " already exists on " + target.description() + ": a new tenant needs a schema of its own.\n"
                            + "  Fix: choose another name, or bring the existing schema up to date with"
                            + " strata tenants deploy " + options.schema() + ".");
                }
                boolean oneTransaction = files.stream().allMatch(Migration::transactional);
                List<Step> steps = new ArrayList<>();
                if (oneTransaction) {
                    c.setAutoCommit(false);
                }
                try {
                    history.create(c);
                    setting(c, "search_path", dev.strata.sql.Identifiers.quote(options.schema()));
                    for (Migration m : files) {
                        if (oneTransaction) {
                            long started = System.nanoTime();
                            runEach(c, m, Direction.FORWARD, m.statements(Direction.FORWARD));
                            long millis = (System.nanoTime() - started) / 1_000_000;
                            history.insert(c, m, millis);
                            steps.add(new Step(m, Direction.FORWARD, millis));
                        } else {
                            steps.add(execute(c, m, Direction.FORWARD));
                        }
                    }
                    for (int i = 0; i < seed.size(); i++) {
                        try (Statement st = c.createStatement()) {
                            st.execute(seed.get(i));
                        } catch (SQLException e) {
                            throw new StrataException(ErrorCode.DATABASE, "the seed of schema " + options.schema()
                                    + " failed at statement " + (i + 1) + " of " + seed.size() + ":\n    "
                                    + seed.get(i).strip().replace("\n", "\n    ") + "\n  PostgreSQL: " + e.getMessage().strip()
                                    + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                                    + "\n  Fix: correct the seed script and create the tenant again.", e);
                        }
                    }
                    if (oneTransaction) {
                        c.commit();
                    }
                    return steps;
                } catch (SQLException | RuntimeException e) {
                    if (oneTransaction) {
                        c.rollback();
                    } else {
                        c.setAutoCommit(true);
                        try (Statement st = c.createStatement()) {
                            st.execute("DROP SCHEMA IF EXISTS " + dev.strata.sql.Identifiers.quote(options.schema()) + " CASCADE");
                        }
                    }
                    if (e instanceof StrataException se) {
                        throw new StrataException(se.code(), se.getMessage() + "\n  Schema " + options.schema()
                                + " was not created.", se);
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw databaseError("could not create schema " + options.schema(), e);
        }
    }

    /** Sets a session setting ({@code set_config(name, value, false)}). */
    private static void setting(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.set_config(?, ?, false)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeQuery().close();
        }
    }

    private boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, options.schema());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private MigrationStatus statusOf(List<Migration> files, List<AppliedMigration> applied) {
        return statusOf(options.schema(), files, applied);
    }

    /** The files joined with the history rows of {@code schema}. */
    public static MigrationStatus statusOf(String schema, List<Migration> files, List<AppliedMigration> allRows) {
        // A backfill's row (strata tenants backfill) records a run, not a migration.
        List<AppliedMigration> applied = allRows.stream().filter(r -> !FleetHistory.BACKFILL.equals(r.kind())).toList();
        Map<Integer, Migration> byNumber = files.stream().collect(Collectors.toMap(Migration::number, Function.identity()));
        Map<Integer, AppliedMigration> rows = applied.stream().collect(Collectors.toMap(AppliedMigration::number, Function.identity()));
        TreeSet<Integer> numbers = new TreeSet<>(byNumber.keySet());
        numbers.addAll(rows.keySet());
        List<MigrationStatus.Entry> entries = new ArrayList<>();
        for (int number : numbers) {
            Migration m = byNumber.get(number);
            AppliedMigration row = rows.get(number);
            MigrationStatus.State state;
            if (row == null) {
                state = MigrationStatus.State.PENDING;
            } else if (m == null) {
                state = MigrationStatus.State.MISSING;
            } else if (!m.checksum().equals(row.checksum())) {
                state = MigrationStatus.State.CHANGED;
            } else {
                state = MigrationStatus.State.APPLIED;
            }
            entries.add(new MigrationStatus.Entry(number, m != null ? m.name() : row.name(), state, m, row));
        }
        return new MigrationStatus(schema, entries);
    }

    @SuppressWarnings("try") // the lock is held for the body; it is released by close()
    private List<Step> run(int targetNumber, boolean rollBack) {
        List<Migration> files = migrations();
        if (targetNumber != Integer.MAX_VALUE) {
            checkTarget(targetNumber, files);
        }
        try (Connection c = target.open()) {
            c.setAutoCommit(true);
            setting(c, "lock_timeout", options.lockTimeout());
            try (AdvisoryLock lock = AdvisoryLock.acquire(c, options.schema(), options.lockWait())) {
                history.create(c);
                setting(c, "search_path", dev.strata.sql.Identifiers.quote(options.schema()));
                MigrationStatus status = statusOf(files, history.read(c));
                Plan plan = plan(status, targetNumber, rollBack);
                runBackup = null;
                if (options.backupDir() != null && (!plan.apply().isEmpty() || !plan.rollBack().isEmpty())) {
                    Migration first = !plan.rollBack().isEmpty() ? plan.rollBack().get(0) : plan.apply().get(0);
                    int appliedBefore = status.entries().stream().filter(MigrationStatus.Entry::isApplied)
                            .mapToInt(MigrationStatus.Entry::number).max().orElse(0);
                    runBackup = Backup.take(c, target, options.schema(), options.backupDir(), first.id(), appliedBefore);
                    listener.backupTaken(runBackup);
                }
                List<Step> steps = new ArrayList<>();
                for (Migration m : plan.rollBack()) {
                    Step step = executeRetrying(c, m, Direction.BACKWARD);
                    steps.add(step);
                    listener.committed(step);
                }
                for (Migration m : plan.apply()) {
                    Step step = executeRetrying(c, m, Direction.FORWARD);
                    steps.add(step);
                    listener.committed(step);
                }
                return steps;
            }
        } catch (SQLException e) {
            throw databaseError("could not run migrations", e);
        }
    }

    private record Plan(List<Migration> rollBack, List<Migration> apply) {
    }

    /** What to run, after refusing every inconsistency up front (nothing has run yet). */
    private Plan plan(MigrationStatus status, int targetNumber, boolean rollBack) {
        for (MigrationStatus.Entry e : status.entries()) {
            if (e.state() == MigrationStatus.State.CHANGED) {
                throw new StrataException(ErrorCode.MIGRATION_FILES, "migration " + e.migration().id()
                        + " has changed since it was applied to schema " + options.schema() + ":\n"
                        + "  applied to database: " + e.applied().checksum() + "\n"
                        + "  found on disk:       " + e.migration().checksum() + "\n"
                        + "  Fix: restore " + e.migration().path() + " as it was when applied (e.g. from version control);"
                        + " to change the schema further, write a new migration.");
            }
            if (e.state() == MigrationStatus.State.MISSING) {
                throw new StrataException(ErrorCode.MIGRATION_FILES, "migration " + MigrationFiles.baseName(e.number(), e.name())
                        + " is recorded as applied in " + history.qualifiedName() + " but no file numbered "
                        + String.format(Locale.ROOT, "%04d", e.number()) + " is in " + migrationsDir + ".\n"
                        + "  Fix: restore the file (e.g. from version control), or check --migrations-dir.");
            }
        }
        List<Migration> rollBacks = new ArrayList<>();
        if (rollBack) {
            status.entries().stream()
                    .filter(e -> e.isApplied() && e.number() > targetNumber)
                    .sorted(Comparator.comparingInt(MigrationStatus.Entry::number).reversed())
                    .forEach(e -> rollBacks.add(e.migration()));
        }
        for (Migration m : rollBacks) {
            if (m.down().isEmpty()) {
                throw new StrataException(ErrorCode.MIGRATION_FILES, "migration " + m.id()
                        + " cannot be rolled back: it has no down statements (" + m.path() + ").\n"
                        + "  Fix: add the statements that undo it (:down in .edn, a '-- BACKWARD' section in .sql),"
                        + " or roll back only to " + String.format(Locale.ROOT, "%04d", m.number()) + ".");
            }
        }
        int highestKept = status.entries().stream()
                .filter(e -> e.isApplied() && e.number() <= targetNumber)
                .mapToInt(MigrationStatus.Entry::number).max().orElse(0);
        List<Migration> applies = status.entries().stream()
                .filter(e -> e.state() == MigrationStatus.State.PENDING && e.number() <= targetNumber)
                .map(MigrationStatus.Entry::migration)
                .toList();
        if (!options.allowOutOfOrder()) {
            for (Migration m : applies) {
                if (m.number() < highestKept) {
                    throw new StrataException(ErrorCode.MIGRATION_FILES, "migration " + m.id() + " is not applied, but "
                            + String.format(Locale.ROOT, "%04d", highestKept) + ", a later one, is (schema "
                            + options.schema() + ").\n  Fix: renumber the file after the last migration (as "
                            + String.format(Locale.ROOT, "%04d", status.entries().get(status.entries().size() - 1).number() + 1)
                            + "), or apply it out of order with --allow-out-of-order.");
                }
            }
        }
        return new Plan(rollBacks, applies);
    }

    private void checkTarget(int n, List<Migration> files) {
        if (n == 0 || files.stream().anyMatch(m -> m.number() == n)) {
            return;
        }
        throw new StrataException(ErrorCode.MIGRATION_FILES, "there is no migration numbered "
                + String.format(Locale.ROOT, "%04d", n) + " in " + migrationsDir + "; " + availableRange(files)
                + ".\n  Fix: name one of those numbers (0 rolls back everything).");
    }

    /** "available: 0001..0005" or "it holds no migrations", for messages. */
    public static String availableRange(List<Migration> files) {
        if (files.isEmpty()) {
            return "it holds no migrations";
        }
        return "available: " + files.get(0).id().substring(0, 4) + ".." + files.get(files.size() - 1).id().substring(0, 4);
    }

    /**
     * {@link #execute}, tried again up to {@code :lock-retries} times when a transactional migration
     * failed because a lock was not granted within lock_timeout (it was rolled back, so nothing is
     * left half-done), after 1 s, 2 s, 4 s, ... (at most 30 s).
     */
    private Step executeRetrying(Connection c, Migration m, Direction direction) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                return execute(c, m, direction);
            } catch (StrataException e) {
                if (!m.transactional() || !lockTimedOut(e) || options.lockRetries() == 0) {
                    throw e;
                }
                if (attempt >= options.lockRetries()) {
                    throw new StrataException(e.code(), e.getMessage() + "\n  Tried " + (attempt + 1) + " times (:lock-retries "
                            + options.lockRetries() + ").", e);
                }
                pause(attempt);
            }
        }
    }

    private static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(30_000L, 1000L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorCode.DATABASE, "interrupted while waiting to retry after a lock timeout", e);
        }
    }

    private Step execute(Connection c, Migration m, Direction direction) throws SQLException {
        List<String> statements = m.statements(direction);
        long started = System.nanoTime();
        boolean verify = options.verify() && m.verify().enabled();
        if (!m.transactional()) {
            Snapshot before = verify ? snapshot(c, m, direction, "before") : null;
            try {
                runEach(c, m, direction, statements);
            } catch (StrataException e) {
                throw withInvalidIndexes(c, e);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            record(c, m, direction, millis);
            if (verify) {
                List<String> problems = Verification.violations(before, snapshot(c, m, direction, "after"), statements, m.verify());
                if (!problems.isEmpty()) {
                    throw verifyFailed(m, direction, problems, false);
                }
            }
            return new Step(m, direction, millis);
        }
        c.setAutoCommit(false);
        try {
            Snapshot before = verify ? snapshot(c, m, direction, "before") : null;
            runEach(c, m, direction, statements);
            if (verify) {
                List<String> problems = Verification.violations(before, snapshot(c, m, direction, "after"), statements, m.verify());
                if (!problems.isEmpty()) {
                    throw verifyFailed(m, direction, problems, true);
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            record(c, m, direction, millis);
            c.commit();
            return new Step(m, direction, millis);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private Snapshot snapshot(Connection c, Migration m, Direction direction, String when) {
        try {
            return Snapshot.take(c, options.schema(), options.historyTable(), options.verifyMaxRows());
        } catch (SQLException e) {
            StringBuilder msg = new StringBuilder("migration " + m.id() + " (" + direction.label() + ", schema "
                    + options.schema() + "): the verification could not read the schema " + when + " it: "
                    + e.getMessage().strip());
            if (e.getSQLState() != null) {
                msg.append(" (SQLSTATE ").append(e.getSQLState()).append(')');
            }
            if ("55P03".equals(e.getSQLState())) {
                msg.append("\n  A table lock was not granted within lock_timeout ").append(options.lockTimeout())
                        .append(": another session holds it. Retry when it is idle, or raise :lock-timeout.");
            }
            msg.append(m.transactional() ? "\n  Nothing of " + m.id() + " was changed." : "");
            throw new StrataException(ErrorCode.DATABASE, msg.toString(), e);
        }
    }

    private StrataException verifyFailed(Migration m, Direction direction, List<String> problems, boolean rolledBack) {
        StringBuilder msg = new StringBuilder("migration " + m.id() + " (" + direction.label() + ", schema " + options.schema()
                + ") failed verification: it did what it does not say it does:\n");
        problems.forEach(p -> msg.append("  - ").append(p).append('\n'));
        msg.append(rolledBack ? "  The migration was rolled back; the schema and its history are as they were.\n"
                : "  The migration ran outside a transaction and could not be rolled back; it is recorded as applied.\n");
        msg.append("  Fix: when the changes are intended, say so in the migration, e.g. :verify {:allow-row-changes [:table]}"
                + " (generated .edn) or a '-- :verify {:allow-row-changes [:table]}' line before '-- FORWARD' (.sql),"
                + " or run with --no-verify; see docs/migrations.md, \"Verification\".");
        return new StrataException(ErrorCode.VERIFY_FAILED, msg.toString());
    }

    /** A failed non-transactional migration: say which indexes a failed concurrent build left INVALID. */
    private StrataException withInvalidIndexes(Connection c, StrataException e) {
        try {
            List<String> invalid = Snapshot.take(c, options.schema(), options.historyTable(), 0).invalidIndexes();
            if (invalid.isEmpty()) {
                return e;
            }
            return new StrataException(e.code(), e.getMessage() + "\n  Left behind: " + String.join(", ", invalid)
                    + " INVALID (a failed CREATE INDEX CONCURRENTLY keeps the index, unusable). Drop it with"
                    + " DROP INDEX CONCURRENTLY before running the migration again, or rebuild it with REINDEX INDEX CONCURRENTLY"
                    + " once the data allows.", e);
        } catch (SQLException ignored) {
            return e;
        }
    }

    private void record(Connection c, Migration m, Direction direction, long millis) throws SQLException {
        if (direction == Direction.FORWARD) {
            history.insert(c, m, millis, runBackup == null ? null : runBackup.file().toString());
        } else {
            history.delete(c, m.number());
        }
    }

    private void runEach(Connection c, Migration m, Direction direction, List<String> statements) {
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            for (int attempt = 0; ; attempt++) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                    break;
                } catch (SQLException e) {
                    // Outside a transaction a statement that timed out on a lock did nothing and runs again,
                    // except CREATE INDEX CONCURRENTLY, which may leave an INVALID index behind.
                    if (!m.transactional() && "55P03".equals(e.getSQLState()) && attempt < options.lockRetries()
                            && !CONCURRENT_INDEX.matcher(sql).find()) {
                        pause(attempt);
                        continue;
                    }
                    throw statementFailed(m, direction, i, statements.size(), sql, e);
                }
            }
        }
    }

    private static final java.util.regex.Pattern CONCURRENT_INDEX =
            java.util.regex.Pattern.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b");

    private StrataException statementFailed(Migration m, Direction direction, int index, int total, String sql, SQLException e) {
        StringBuilder msg = new StringBuilder("migration " + m.id() + " failed (" + direction.label() + ", schema "
                + options.schema() + ") at statement " + (index + 1) + " of " + total + ":\n");
        sql.lines().forEach(line -> msg.append("    ").append(line).append('\n'));
        msg.append("  PostgreSQL: ").append(e.getMessage().strip().replace("\n", "\n    "));
        if (e.getSQLState() != null) {
            msg.append(" (SQLSTATE ").append(e.getSQLState()).append(')');
        }
        if ("55P03".equals(e.getSQLState())) {
            msg.append("\n  A table lock was not granted within lock_timeout ").append(options.lockTimeout())
                    .append(": another session holds it. Retry when it is idle, or raise :lock-timeout.");
        }
        if (m.transactional()) {
            msg.append("\n  Nothing of ").append(m.id()).append(" was ")
                    .append(direction == Direction.FORWARD ? "applied" : "rolled back")
                    .append(": its statements and its history change were rolled back.")
                    .append("\n  Fix: correct the statement in ").append(m.path()).append(" and run again.");
        } else {
            msg.append("\n  ").append(m.id()).append(" runs outside a transaction: statements 1..").append(index)
                    .append(" ran and stay; its history was not changed.")
                    .append("\n  Fix: undo or complete those statements by hand, correct ").append(m.path())
                    .append(" and run again (statements like CREATE INDEX CONCURRENTLY IF NOT EXISTS can run twice).");
        }
        return new StrataException(ErrorCode.DATABASE, msg.toString(), e);
    }

    private StrataException databaseError(String what, SQLException e) {
        return new StrataException(ErrorCode.DATABASE, what + " on " + target.description() + " (schema "
                + options.schema() + "): " + e.getMessage()
                + "\n  Fix: check that the database is running and the URL, user and password are right.", e);
    }
}
