package dev.strata.tenants;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.migration.SqlStatements;
import dev.strata.runner.AppliedMigration;
import dev.strata.runner.ConnectionSource;
import dev.strata.runner.FleetHistory;
import dev.strata.runner.MigrationStatus;
import dev.strata.runner.Migrator;
import dev.strata.runner.MigratorOptions;
import dev.strata.runner.Step;
import dev.strata.sql.Identifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Fleet runs the migrations of one directory over the tenant schemas of one database: it finds
 * them ({@link TenantSettings}), creates new ones, deploys, rolls back and reports, many tenants at
 * once. Each tenant is migrated by its own {@link Migrator} on its own connection, under the
 * advisory lock of its schema, so tenants never wait for each other while two runs on one tenant
 * still exclude each other; each migration commits with its history row, as for one schema. A
 * failed tenant stops only itself and is written to the fleet journal ({@value #JOURNAL_SCHEMA}
 * .{@value #JOURNAL_TABLE}), which {@link #status} reads; its next success clears it.
 *
 * <p>The fleet's state is read in a fixed number of queries whatever the tenant count: the
 * discovery query, the histories of every tenant ({@link FleetHistory}: two) and the journal.
 */
public final class Fleet {
    public static final String JOURNAL_SCHEMA = "strata_fleet";
    public static final String JOURNAL_TABLE = "failures";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    private final ConnectionSource database;
    private final Path migrationsDir;
    private final MigratorOptions options;
    private final TenantSettings settings;

    /**
     * @param database      the database holding the tenant schemas
     * @param migrationsDir the migration files every tenant gets
     * @param options       the runner options; the schema is replaced by each tenant's
     * @param settings      how tenants are found, seeded and checked
     */
    public Fleet(ConnectionSource database, Path migrationsDir, MigratorOptions options, TenantSettings settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.migrationsDir = Objects.requireNonNull(migrationsDir, "migrationsDir");
        this.options = Objects.requireNonNull(options, "options");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TenantSettings settings() {
        return settings;
    }

    public String description() {
        return database.description();
    }

    /** The tenant schemas the rule finds, narrowed by {@code selection}, in name order. */
    public List<String> tenants(Selection selection) {
        try (Connection c = database.open()) {
            return select(discover(c), selection);
        } catch (SQLException e) {
            throw databaseError("could not list the tenant schemas", e);
        }
    }

    /** The schemas the rule finds (existing schemas only for {@code :list}), in name order. */
    private List<String> discover(Connection c) throws SQLException {
        TreeSet<String> found = new TreeSet<>();
        if (settings.query() != null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(settings.query())) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name != null) {
                        found.add(name);
                    }
                }
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.CONFIG, "the :tenants :query failed on " + database.description()
                        + ": " + e.getMessage().strip() + "\n  Fix: correct the query in strata.edn; its first column"
                        + " must give the tenant schema names.", e);
            }
            return List.copyOf(found);
        }
        try (PreparedStatement ps = c.prepareStatement(settings.schemasLike() != null
                ? "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE ? ORDER BY 1"
                : "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?) ORDER BY 1")) {
            if (settings.schemasLike() != null) {
                ps.setString(1, settings.schemasLike());
            } else {
                ps.setArray(1, c.createArrayOf("text", settings.list().toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        found.remove(JOURNAL_SCHEMA);
        return List.copyOf(found);
    }

    private List<String> select(List<String> found, Selection selection) {
        List<String> out = new ArrayList<>(found);
        if (!selection.tenants().isEmpty()) {
            List<String> unknown = selection.tenants().stream().filter(t -> !found.contains(t)).toList();
            if (!unknown.isEmpty() && selection.strict()) {
                throw new StrataException(ErrorCode.USAGE, "no tenant " + String.join(", ", unknown) + " among "
                        + settings.describe() + " on " + database.description() + " (" + found.size() + " found).\n"
                        + "  Fix: check the name (strata tenants list), or create it with strata tenants create "
                        + unknown.get(0) + ".");
            }
            out.retainAll(new LinkedHashSet<>(selection.tenants()));
        }
        if (selection.like() != null) {
            out.removeIf(t -> !Selection.like(selection.like(), t));
        }
        out.removeAll(selection.exclude());
        return out;
    }

    /**
     * Creates tenant {@code name}: the schema, its history table, every migration and the seed
     * script, in one transaction (see {@link Migrator#createFresh}); a failure leaves no schema.
     */
    public TenantOutcome create(String name) {
        if (!NAME.matcher(name).matches() || name.startsWith("pg_") || name.equals(JOURNAL_SCHEMA)) {
            throw new StrataException(ErrorCode.USAGE, "'" + name + "' cannot be a tenant schema name.\n"
                    + "  Fix: use lower-case letters, digits and underscores (at most 63, not starting with a digit"
                    + " or pg_), e.g. acme_corp.");
        }
        if (settings.list() != null && !settings.list().contains(name)) {
            throw new StrataException(ErrorCode.CONFIG, "tenant " + name + " is not in the :tenants :list of strata.edn,"
                    + " so no other command would find it.\n  Fix: add \"" + name + "\" to :list first.");
        }
        if (settings.schemasLike() != null && !Selection.like(settings.schemasLike(), name)) {
            throw new StrataException(ErrorCode.CONFIG, "tenant " + name + " does not match :tenants :schemas-like '"
                    + settings.schemasLike() + "', so no other command would find it.\n  Fix: choose a name that matches.");
        }
        List<String> seed = seedStatements();
        long started = System.nanoTime();
        List<Step> steps = new Migrator(database, migrationsDir, options.withSchema(name)).createFresh(seed);
        return new TenantOutcome(name, TenantOutcome.State.APPLIED, steps, null, (System.nanoTime() - started) / 1_000_000);
    }

    private List<String> seedStatements() {
        if (settings.seed() == null) {
            return List.of();
        }
        try {
            return SqlStatements.split(Files.readString(settings.seed()));
        } catch (IOException e) {
            throw new StrataException(ErrorCode.CONFIG, "cannot read the tenant seed " + settings.seed() + ": "
                    + e.getMessage() + "\n  Fix: check :tenants :seed in strata.edn.", e);
        }
    }

    /** Applies the pending migrations of every selected tenant. */
    public FleetRun deploy(Selection selection, RunOptions run) {
        return runAll("deploy", selection, run, s -> s.pending() > 0, Migrator::migrate);
    }

    /** Brings every selected tenant to migration {@code n} (0: rolls back everything). */
    public FleetRun migrateTo(int n, Selection selection, RunOptions run) {
        List<Migration> files = MigrationFiles.readAll(migrationsDir);
        if (n < 0 || n != 0 && files.stream().noneMatch(m -> m.number() == n)) {
            throw new StrataException(ErrorCode.USAGE, "there is no migration numbered " + n + " in " + migrationsDir
                    + "; " + Migrator.availableRange(files) + ".\n  Fix: name one of those numbers (0 rolls back everything).");
        }
        return runAll("migrate-to " + n, selection, run,
                s -> s.current() != n || s.migrations().entries().stream()
                        .anyMatch(e -> e.number() <= n && e.state() == MigrationStatus.State.PENDING),
                m -> m.migrateTo(n));
    }

    /**
     * Rolls back migration {@code version} on every selected tenant that has it applied; a tenant
     * with a later migration applied is refused (a failure naming the way out), one without it is
     * left as it is.
     */
    public FleetRun rollback(int version, Selection selection, RunOptions run) {
        List<Migration> files = MigrationFiles.readAll(migrationsDir);
        if (files.stream().noneMatch(m -> m.number() == version)) {
            throw new StrataException(ErrorCode.USAGE, "there is no migration numbered " + version + " in "
                    + migrationsDir + "; " + Migrator.availableRange(files) + ".\n  Fix: name one of those numbers.");
        }
        int below = files.stream().mapToInt(Migration::number).filter(x -> x < version).max().orElse(0);
        return runAll("rollback " + version, selection, run,
                s -> s.migrations().entries().stream().anyMatch(e -> e.number() == version && e.isApplied()),
                m -> {
                    MigrationStatus st = m.status();
                    List<Integer> later = st.entries().stream().filter(e -> e.isApplied() && e.number() > version)
                            .map(MigrationStatus.Entry::number).toList();
                    if (!later.isEmpty()) {
                        throw new StrataException(ErrorCode.MIGRATION_FILES, "migration " + version + " cannot be rolled"
                                + " back alone on schema " + m.options().schema() + ": later migrations "
                                + later + " are applied on top of it.\n  Fix: roll those back first, or run strata"
                                + " tenants migrate-to " + below + " to roll back all of them.");
                    }
                    return m.migrateTo(below);
                });
    }

    /** Where every selected tenant stands, read in a fixed number of queries. */
    public FleetStatus status(Selection selection) {
        return status(selection, MigrationFiles.readAll(migrationsDir));
    }

    private FleetStatus status(Selection selection, List<Migration> files) {
        try (Connection c = database.open()) {
            return new FleetStatus(database.description(), statuses(c, select(discover(c), selection), files, false));
        } catch (SQLException e) {
            throw databaseError("could not read the tenants' histories", e);
        }
    }

    /** Each tenant's files joined with its history and last failure (and its missing required tables). */
    private List<TenantStatus> statuses(Connection c, List<String> tenants, List<Migration> files, boolean required)
            throws SQLException {
        Map<String, List<AppliedMigration>> histories = FleetHistory.read(c, tenants, options.historyTable());
        Map<String, String> failures = journal(c);
        Map<String, List<String>> missing = required ? missingTables(c, tenants) : Map.of();
        List<TenantStatus> out = new ArrayList<>();
        for (String t : tenants) {
            out.add(new TenantStatus(t, Migrator.statusOf(t, files, histories.get(t)), failures.get(t), missing.get(t),
                    List.of()));
        }
        return out;
    }

    /** How many drifted tenants {@link #verify} diffs in detail; the others are named by their fingerprint only. */
    public static final int DETAILED_DRIFT = 25;
    static final String REFERENCE_SCHEMA = "strata_fleet_reference";

    /**
     * The health check of every selected tenant: its migrations (nothing pending, no changed or
     * missing file), the required tables, its last run, and, when {@code modelDdl} is given, its
     * catalog against the model. The catalogs are compared by a fingerprint of every tenant schema
     * read in one query, against the model's DDL applied in a scratch schema of the same database
     * inside a transaction that is rolled back (so nothing is left); the tenants whose fingerprint
     * differs are then diffed in detail (at most {@value #DETAILED_DRIFT}). A tenant with pending
     * migrations is not compared: pending already says it is behind.
     *
     * @param modelDdl the model's compiled DDL ({@code DdlCompiler.compile}), or null to leave drift out
     */
    public FleetStatus verify(Selection selection, List<String> modelDdl) {
        List<Migration> files = MigrationFiles.readAll(migrationsDir);
        try (Connection c = database.open()) {
            List<TenantStatus> statuses = new ArrayList<>(statuses(c, select(discover(c), selection), files, true));
            if (modelDdl != null) {
                List<String> comparable = statuses.stream().filter(st -> st.pending() == 0).map(TenantStatus::tenant).toList();
                Map<String, List<String>> drift = drift(c, comparable, modelDdl);
                statuses.replaceAll(st -> drift.containsKey(st.tenant()) ? new TenantStatus(st.tenant(), st.migrations(),
                        st.failure(), st.missingTables(), drift.get(st.tenant())) : st);
            }
            return new FleetStatus(database.description(), statuses);
        } catch (SQLException e) {
            throw databaseError("could not verify the tenants", e);
        }
    }

    private Map<String, List<String>> missingTables(Connection c, List<String> tenants) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        if (settings.requiredTables().isEmpty() || tenants.isEmpty()) {
            return out;
        }
        Map<String, Set<String>> present = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) AND c.relname = ANY (?)"
                + " AND c.relkind IN ('r', 'p', 'f')")) {
            ps.setArray(1, c.createArrayOf("text", tenants.toArray()));
            ps.setArray(2, c.createArrayOf("text", settings.requiredTables().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getString(2));
                }
            }
        }
        for (String t : tenants) {
            Set<String> have = present.getOrDefault(t, Set.of());
            List<String> lacks = settings.requiredTables().stream().filter(r -> !have.contains(r)).toList();
            if (!lacks.isEmpty()) {
                out.put(t, lacks);
            }
        }
        return out;
    }

    /** The differences from the model of each tenant whose fingerprint differs from the model's. */
    private Map<String, List<String>> drift(Connection c, List<String> tenants, List<String> modelDdl) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        if (tenants.isEmpty()) {
            return out;
        }
        c.setAutoCommit(false);
        try {
            dev.strata.model.Schema reference = reference(c, modelDdl);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)");
            }
            List<String> all = new ArrayList<>(tenants);
            all.add(REFERENCE_SCHEMA);
            Map<String, String> prints = fingerprints(c, all, options.historyTable());
            String expected = prints.get(REFERENCE_SCHEMA);
            List<String> differing = tenants.stream().filter(t -> !expected.equals(prints.get(t))).toList();
            for (int i = 0; i < differing.size(); i++) {
                String t = differing.get(i);
                if (i >= DETAILED_DRIFT) {
                    out.put(t, List.of("its catalog's fingerprint differs from the model's (not diffed: more than "
                            + DETAILED_DRIFT + " tenants differ; run strata diff --schema " + t + ")"));
                    continue;
                }
                List<String> lines = new ArrayList<>();
                try {
                    dev.strata.model.Schema live = dev.strata.workflow.Drift.withoutTable(
                            dev.strata.catalog.CatalogReader.read(c, t), options.historyTable());
                    for (dev.strata.diff.Change change : dev.strata.diff.Differ.diff(live, reference,
                            dev.strata.model.Hints.none())) {
                        lines.add(dev.strata.workflow.ChangeActions.kind(change) + " " + change.object());
                    }
                } catch (StrataException e) {
                    lines.add(e.getMessage().lines().findFirst().orElse(e.getMessage()));
                }
                if (!lines.isEmpty()) {
                    out.put(t, lines);
                }
            }
            return out;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /**
     * The model as PostgreSQL reads it back: its DDL applied in the scratch schema {@value
     * #REFERENCE_SCHEMA} inside the caller's transaction (which the caller rolls back).
     */
    private static dev.strata.model.Schema reference(Connection c, List<String> modelDdl) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + REFERENCE_SCHEMA);
            s.execute("SELECT pg_catalog.set_config('search_path', '" + REFERENCE_SCHEMA + "', true)");
        }
        for (int i = 0; i < modelDdl.size(); i++) {
            try (Statement s = c.createStatement()) {
                s.execute(modelDdl.get(i));
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INVALID_MODEL, "the model's DDL failed in the scratch schema "
                    + REFERENCE_SCHEMA + " at statement " + (i + 1) + " of " + modelDdl.size() + ":\n    "
                    + modelDdl.get(i).strip().replace("\n", "\n    ") + "\n  PostgreSQL: " + e.getMessage().strip()
                    + "\n  Fix: check the model with strata print-ddl; nothing was changed on the tenants.", e);
            }
        }
        return dev.strata.catalog.CatalogReader.read(c, REFERENCE_SCHEMA);
    }

    /**
     * Brings the selected tenants that lack a required table ({@code :required-tables}) up to the
     * model: creates, in one transaction per tenant under its lock, every object of the model the
     * tenant lacks (tables with their keys, indexes, triggers and policies, types, sequences,
     * functions, views), never touching an object that exists, and records the run in the
     * tenant's history (kind {@code backfill}). A schema made by hand, or before those tables
     * existed, gets them this way; the others are left as they are.
     */
    public FleetRun backfill(Selection selection, List<String> modelDdl, RunOptions run) {
        if (settings.requiredTables().isEmpty()) {
            throw new StrataException(ErrorCode.CONFIG, "strata tenants backfill needs :required-tables in :tenants,"
                    + " the tables every tenant must have.\n  Fix: add e.g. :required-tables [\"team_member\" \"vendor\"].");
        }
        long started = System.nanoTime();
        List<String> tenants;
        Map<String, List<String>> missing;
        dev.strata.model.Schema reference;
        try (Connection c = database.open()) {
            tenants = select(discover(c), selection);
            missing = missingTables(c, tenants);
            c.setAutoCommit(false);
            try {
                reference = reference(c, modelDdl);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw databaseError("could not read the tenants for the backfill", e);
        }
        List<String> notInModel = settings.requiredTables().stream()
                .filter(r -> reference.table(r).isEmpty()).toList();
        if (!notInModel.isEmpty()) {
            throw new StrataException(ErrorCode.CONFIG, "the required tables " + notInModel + " are not in the model,"
                    + " so a backfill cannot create them.\n  Fix: add them to the model, or remove them from :required-tables.");
        }
        List<TenantOutcome> outcomes = new ArrayList<>();
        List<String> todo = tenants.stream().filter(missing::containsKey).toList();
        run.listener().starting(todo.size(), 1);
        for (String t : tenants) {
            if (!missing.containsKey(t)) {
                outcomes.add(new TenantOutcome(t, TenantOutcome.State.UP_TO_DATE, List.of(), null, 0));
                continue;
            }
            run.listener().started(t);
            long t0 = System.nanoTime();
            TenantOutcome o;
            try {
                backfillOne(t, reference);
                o = new TenantOutcome(t, TenantOutcome.State.APPLIED, List.of(), null, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                o = new TenantOutcome(t, TenantOutcome.State.FAILED, List.of(), e.getMessage(), (System.nanoTime() - t0) / 1_000_000);
            }
            outcomes.add(o);
            run.listener().finished(o);
            if (o.state() == TenantOutcome.State.FAILED && run.failFast()) {
                break;
            }
        }
        for (String t : todo) {
            if (outcomes.stream().noneMatch(o -> o.tenant().equals(t))) {
                outcomes.add(new TenantOutcome(t, TenantOutcome.State.SKIPPED, List.of(), "not started: --fail-fast after a failure", 0));
            }
        }
        outcomes.sort(java.util.Comparator.comparing(TenantOutcome::tenant));
        return new FleetRun("backfill", outcomes, 1, (System.nanoTime() - started) / 1_000_000);
    }

    private void backfillOne(String tenant, dev.strata.model.Schema reference) {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, FleetHistory.lockKey(tenant));
                    ps.executeQuery().close();
                }
                dev.strata.model.Schema live = dev.strata.workflow.Drift.withoutTable(
                        dev.strata.catalog.CatalogReader.read(c, tenant), options.historyTable());
                List<dev.strata.diff.Change> creations = creations(dev.strata.diff.Differ.diff(live, reference,
                        dev.strata.model.Hints.none()));
                List<dev.strata.diff.Change> planned = dev.strata.plan.Planner.plan(creations, live, reference);
                List<dev.strata.sql.Statement> statements = dev.strata.sql.ChangeRenderer.renderAll(planned).up();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), true)")) {
                    ps.setString(1, tenant);
                    ps.executeQuery().close();
                }
                long t0 = System.nanoTime();
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < statements.size(); i++) {
                    String sql = statements.get(i).sql();
                    all.append(sql).append(";\n");
                    try (Statement st = c.createStatement()) {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new StrataException(ErrorCode.DATABASE, "the backfill of tenant " + tenant + " failed at statement "
                                + (i + 1) + " of " + statements.size() + ":\n    " + sql.replace("\n", "\n    ")
                                + "\n  PostgreSQL: " + e.getMessage().strip() + "\n  Nothing of the backfill was applied to "
                                + tenant + ".", e);
                    }
                }
                List<String> made = planned.stream().filter(ch -> ch instanceof dev.strata.diff.Change.CreateTable)
                        .map(ch -> ((dev.strata.diff.Change.CreateTable) ch).table().name().name()).toList();
                FleetHistory.recordBackfill(c, tenant, options.historyTable(), "backfill " + String.join(", ", made),
                        dev.strata.migration.Checksums.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), (System.nanoTime() - t0) / 1_000_000);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw databaseError("could not backfill tenant " + tenant, e);
        }
    }

    /** The changes that create what the tenant lacks, and nothing that alters or drops what it has. */
    private static List<dev.strata.diff.Change> creations(List<dev.strata.diff.Change> changes) {
        Set<dev.strata.model.QualifiedName> created = new java.util.HashSet<>();
        for (dev.strata.diff.Change ch : changes) {
            if (ch instanceof dev.strata.diff.Change.CreateTable ct) {
                created.add(ct.table().name());
            }
        }
        List<dev.strata.diff.Change> out = new ArrayList<>();
        for (dev.strata.diff.Change ch : changes) {
            boolean keep = ch instanceof dev.strata.diff.Change.CreateTable
                    || ch instanceof dev.strata.diff.Change.CreateEnum
                    || ch instanceof dev.strata.diff.Change.CreateDomain
                    || ch instanceof dev.strata.diff.Change.CreateCompositeType
                    || ch instanceof dev.strata.diff.Change.CreateSequence
                    || ch instanceof dev.strata.diff.Change.CreateExtension
                    || ch instanceof dev.strata.diff.Change.CreateFunction
                    || ch instanceof dev.strata.diff.Change.CreateView
                    || ch instanceof dev.strata.diff.Change.AddConstraint a && created.contains(a.table())
                    || ch instanceof dev.strata.diff.Change.CreateIndex i && created.contains(i.index().table())
                    || ch instanceof dev.strata.diff.Change.CreateTrigger tr && created.contains(tr.trigger().table())
                    || ch instanceof dev.strata.diff.Change.CreatePolicy p && created.contains(p.policy().table())
                    || ch instanceof dev.strata.diff.Change.EnableRowLevelSecurity r && created.contains(r.table());
            if (keep) {
                out.add(ch);
            }
        }
        return out;
    }

    private static Map<String, String> fingerprints(Connection c, List<String> schemas, String historyTable)
            throws SQLException {
        String sql;
        try (java.io.InputStream in = Fleet.class.getResourceAsStream("/dev/strata/tenants/fingerprints.sql")) {
            sql = new String(Objects.requireNonNull(in, "fingerprints.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            ps.setString(2, historyTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private Map<String, String> journal(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT to_regclass(" + Identifiers.literal(Identifiers.quote(JOURNAL_SCHEMA) + "." + JOURNAL_TABLE) + ")")) {
            rs.next();
            if (rs.getString(1) == null) {
                return out;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tenant, message FROM "
                + Identifiers.quote(JOURNAL_SCHEMA) + "." + JOURNAL_TABLE)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** What one tenant's migrator does in a run. */
    @FunctionalInterface
    private interface Work {
        List<Step> run(Migrator migrator);
    }

    private FleetRun runAll(String command, Selection selection, RunOptions run, java.util.function.Predicate<TenantStatus> needsWork,
                            Work work) {
        long started = System.nanoTime();
        List<Migration> files = MigrationFiles.readAll(migrationsDir);
        FleetStatus status = status(selection, files);
        // A tenant whose files do not match its history is run too: its migrator refuses it, which reports it.
        List<TenantStatus> todo = status.tenants().stream()
                .filter(s -> needsWork.test(s) || s.state() == TenantStatus.State.CHECKSUM_MISMATCH).toList();
        java.util.Set<String> todoNames = new java.util.HashSet<>();
        todo.forEach(s -> todoNames.add(s.tenant()));
        Map<String, TenantOutcome> outcomes = Collections.synchronizedMap(new HashMap<>());
        for (TenantStatus s : status.tenants()) {
            if (!todoNames.contains(s.tenant()) && s.failure() == null) {
                outcomes.put(s.tenant(), new TenantOutcome(s.tenant(), TenantOutcome.State.UP_TO_DATE, List.of(), null, 0));
            }
        }
        // A tenant whose last run failed but that has nothing to do now (fixed by hand) is cleared.
        List<String> cleared = status.tenants().stream().filter(s -> !todoNames.contains(s.tenant()) && s.failure() != null)
                .map(TenantStatus::tenant).toList();
        cleared.forEach(t -> outcomes.put(t, new TenantOutcome(t, TenantOutcome.State.UP_TO_DATE, List.of(), null, 0)));
        int parallel = Math.max(1, Math.min(parallelism(run), Math.max(1, todo.size())));
        run.listener().starting(todo.size(), parallel);
        List<String> names = todo.stream().map(TenantStatus::tenant).toList();
        int canary = Math.min(run.canary(), names.size());
        AtomicBoolean stop = new AtomicBoolean(false);
        List<String> succeeded = Collections.synchronizedList(new ArrayList<>());
        List<String> failedNow = Collections.synchronizedList(new ArrayList<>());
        runBatch(names.subList(0, canary), files, parallel, run, work, outcomes, stop, succeeded, failedNow);
        boolean canaryFailed = canary > 0 && !failedNow.isEmpty();
        if (!canaryFailed && !stop.get()) {
            runBatch(names.subList(canary, names.size()), files, parallel, run, work, outcomes, stop, succeeded, failedNow);
        }
        String skipReason = canaryFailed ? "not started: a canary tenant failed" : "not started: --fail-fast after a failure";
        for (String t : names) {
            outcomes.computeIfAbsent(t, k -> {
                TenantOutcome skipped = new TenantOutcome(k, TenantOutcome.State.SKIPPED, List.of(), skipReason, 0);
                run.listener().finished(skipped);
                return skipped;
            });
        }
        List<String> clear = new ArrayList<>(succeeded);
        clear.addAll(cleared);
        writeJournal(failedNow.stream().map(outcomes::get).toList(), clear);
        List<TenantOutcome> ordered = new ArrayList<>(outcomes.values());
        ordered.sort(java.util.Comparator.comparing(TenantOutcome::tenant));
        return new FleetRun(command, ordered, parallel, (System.nanoTime() - started) / 1_000_000);
    }

    private void runBatch(List<String> tenants, List<Migration> files, int parallel, RunOptions run, Work work,
                          Map<String, TenantOutcome> outcomes, AtomicBoolean stop, List<String> succeeded,
                          List<String> failed) {
        if (tenants.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "strata-tenant");
            t.setDaemon(true);
            return t;
        });
        WorkerConnections connections = new WorkerConnections(database);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String tenant : tenants) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return;
                    }
                    run.listener().started(tenant);
                    long t0 = System.nanoTime();
                    List<Step> committed = Collections.synchronizedList(new ArrayList<>());
                    Migrator migrator = new Migrator(connections.forThisThread(), migrationsDir, options.withSchema(tenant))
                            .files(files)
                            .listener(new dev.strata.runner.MigrationListener() {
                                @Override
                                public void committed(Step step) {
                                    committed.add(step);
                                }
                            });
                    TenantOutcome outcome;
                    try {
                        List<Step> steps = work.run(migrator);
                        outcome = new TenantOutcome(tenant, steps.isEmpty() ? TenantOutcome.State.UP_TO_DATE
                                : TenantOutcome.State.APPLIED, steps, null, (System.nanoTime() - t0) / 1_000_000);
                        succeeded.add(tenant);
                        connections.release(true);
                    } catch (RuntimeException e) {
                        connections.release(false);
                        outcome = new TenantOutcome(tenant, TenantOutcome.State.FAILED, List.copyOf(committed),
                                e instanceof StrataException ? e.getMessage() : e.toString(), (System.nanoTime() - t0) / 1_000_000);
                        failed.add(tenant);
                        if (run.failFast()) {
                            stop.set(true);
                        }
                    }
                    outcomes.put(tenant, outcome);
                    run.listener().finished(outcome);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a tenant worker failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    throw new StrataException(ErrorCode.DATABASE, "interrupted while migrating tenants", e);
                }
            }
        } finally {
            pool.shutdownNow();
            connections.close();
        }
    }

    /**
     * How many tenants run at once: {@link RunOptions#parallel()} when given, else the smaller of the
     * {@code :parallel} ceiling (16 by default), one per processor of this machine and half of the
     * server's free connections; never more than the free connections.
     */
    int parallelism(RunOptions run) {
        int free = freeConnections();
        if (run.parallel() != null) {
            return Math.max(1, Math.min(run.parallel(), Math.max(1, free)));
        }
        int ceiling = settings.parallel() != null ? settings.parallel() : 16;
        // DDL is CPU work on the server: more tenants at once than there are processors only makes
        // backends preempt each other while they hold catalog locks (measured: on 2 processors,
        // 2 at once deploy 1.4 times faster than 4 or 8). The client's processors stand in for the
        // server's, which SQL does not tell; :parallel or --parallel set it for a bigger server.
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(ceiling, Math.min(cores, free / 2)));
    }

    private int freeConnections() {
        try (Connection c = database.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"
                        + " - (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend')::int")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw databaseError("could not read the server's free connections", e);
        }
    }

    /** Records this run's failures and clears the tenants that succeeded (one statement each). */
    private void writeJournal(List<TenantOutcome> failed, List<String> succeeded) {
        if (failed.isEmpty() && succeeded.isEmpty()) {
            return;
        }
        String table = Identifiers.quote(JOURNAL_SCHEMA) + "." + JOURNAL_TABLE;
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            if (failed.isEmpty()) {
                try (ResultSet rs = s.executeQuery("SELECT to_regclass(" + Identifiers.literal(table) + ")")) {
                    rs.next();
                    if (rs.getString(1) == null) {
                        return;
                    }
                }
            } else {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(JOURNAL_SCHEMA));
                s.execute("CREATE TABLE IF NOT EXISTS " + table + " (tenant text PRIMARY KEY, message text NOT NULL,"
                        + " failed_at timestamptz NOT NULL DEFAULT now())");
            }
            if (!succeeded.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE tenant = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("text", succeeded.toArray()));
                    ps.executeUpdate();
                }
            }
            if (!failed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (tenant, message)"
                        + " SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (tenant) DO UPDATE"
                        + " SET message = excluded.message, failed_at = now()")) {
                    ps.setArray(1, c.createArrayOf("text", failed.stream().map(TenantOutcome::tenant).toArray()));
                    ps.setArray(2, c.createArrayOf("text", failed.stream().map(TenantOutcome::error).toArray()));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw databaseError("could not write the fleet journal " + table, e);
        }
    }

    private StrataException databaseError(String what, SQLException e) {
        return new StrataException(ErrorCode.DATABASE, what + " on " + database.description() + ": "
                + e.getMessage().strip() + "\n  Fix: check that the database is running and the URL, user and password are right.", e);
    }
}
