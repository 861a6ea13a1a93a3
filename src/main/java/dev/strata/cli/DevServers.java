package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * DevServers opens the server that holds a command's scratch databases: the one {@code --dev-url}
 * names, else a throw-away embedded PostgreSQL, started once per command and stopped on close.
 */
final class DevServers {
    private DevServers() {
    }

    static DevServer open(String devUrl) {
        if (devUrl == null) {
            return DevServer.embedded(null);
        }
        try {
            JdbcUrls.Parsed parsed = JdbcUrls.parse(devUrl);
            return DevServer.external(parsed.jdbcUrl(), parsed.user(), parsed.password());
        } catch (IllegalArgumentException e) {
            throw new StrataException(ErrorCode.CONFIG, "--dev-url is not usable: " + e.getMessage()
                    + "\n  Fix: write postgres://user:password@host:5432/db or jdbc:postgresql://host:5432/db"
                    + " (a server where Strata may create and drop scratch databases).", e);
        }
    }

    /**
     * Opens the dev server on another thread, so that starting an embedded one overlaps with
     * other work (reading the target). Closing waits for the start and stops the server, also
     * when it was never used.
     */
    static Pending openInBackground(String devUrl) {
        return new Pending(CompletableFuture.supplyAsync(() -> open(devUrl)));
    }

    /** Pending represents a dev server that is starting. */
    static final class Pending implements AutoCloseable {
        private final CompletableFuture<DevServer> future;

        private Pending(CompletableFuture<DevServer> future) {
            this.future = future;
        }

        /** The server, once started; its start-up error, if it failed. */
        DevServer get() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        @Override
        public void close() {
            DevServer server;
            try {
                server = future.join();
            } catch (CompletionException e) {
                return;
            }
            server.close();
        }
    }
}
