package dev.strata;

import dev.strata.runner.ConnectionSource;
import dev.strata.runner.MigrationStatus;
import dev.strata.runner.Migrator;
import dev.strata.runner.MigratorOptions;
import dev.strata.runner.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Strata is the Java entry point for applications that migrate their database on start-up:
 * <pre>{@code
 * Strata.configure()
 *       .url("postgres://app:secret@db:5432/shop")
 *       .schema("public")
 *       .migrationsDir(Path.of("resources/db/migrations"))
 *       .load()
 *       .migrate();
 * }</pre>
 * It applies the same files, with the same history table, lock and checks, as {@code strata migrate}.
 */
public final class Strata {
    private final Migrator migrator;

    private Strata(Migrator migrator) {
        this.migrator = migrator;
    }

    /** A builder with the defaults: schema {@code public}, {@code resources/db/migrations}. */
    public static Builder configure() {
        return new Builder();
    }

    /** Applies every pending migration and returns what ran. */
    public List<Step> migrate() {
        return migrator.migrate();
    }

    /** Brings the schema to migration {@code n} (0 rolls back everything) and returns what ran. */
    public List<Step> migrateTo(int n) {
        return migrator.migrateTo(n);
    }

    /** Every migration with its state. */
    public MigrationStatus status() {
        return migrator.status();
    }

    /** The underlying migrator. */
    public Migrator migrator() {
        return migrator;
    }

    /** Builder collects the settings of a {@link Strata}; {@link #url} or {@link #dataSource} is required. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private Path migrationsDir = Path.of("resources", "db", "migrations");
        private MigratorOptions options = MigratorOptions.defaults();

        private Builder() {
        }

        /** {@code jdbc:postgresql://host:port/db} or {@code postgres://user:pass@host:port/db}. */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /** The user, overriding one in the URL. */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** The password, overriding one in the URL. */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** Connections from the application's pool instead of a URL. */
        public Builder dataSource(DataSource value) {
            this.dataSource = value;
            return this;
        }

        public Builder schema(String value) {
            options = options.withSchema(value);
            return this;
        }

        public Builder migrationsDir(Path value) {
            this.migrationsDir = value;
            return this;
        }

        public Builder migrationsDir(String value) {
            return migrationsDir(Path.of(value));
        }

        public Builder historyTable(String value) {
            options = options.withHistoryTable(value);
            return this;
        }

        /** PostgreSQL's {@code lock_timeout} for the migration session ({@code 10s} by default). */
        public Builder lockTimeout(String value) {
            options = options.withLockTimeout(value);
            return this;
        }

        /** How long to wait for another migrator of the schema (60 s by default). */
        public Builder lockWait(Duration value) {
            options = options.withLockWait(value);
            return this;
        }

        public Builder allowOutOfOrder(boolean value) {
            options = options.withAllowOutOfOrder(value);
            return this;
        }

        /** The configured Strata; connects only when a method runs. */
        public Strata load() {
            if ((url == null) == (dataSource == null)) {
                throw new StrataException(ErrorCode.CONFIG, "Strata.configure() needs exactly one of url(...) and"
                        + " dataSource(...).\n  Fix: call one of them before load().");
            }
            ConnectionSource source;
            if (dataSource != null) {
                source = ConnectionSource.of(dataSource);
            } else {
                try {
                    source = ConnectionSource.of(url, user, password);
                } catch (IllegalArgumentException e) {
                    throw new StrataException(ErrorCode.CONFIG, e.getMessage(), e);
                }
            }
            return new Strata(new Migrator(source, migrationsDir, options));
        }
    }
}
