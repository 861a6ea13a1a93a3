package dev.strata.cli;

import dev.strata.config.ShadowServers;
import dev.strata.pg.DevServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * DevServers opens the server that holds a command's scratch databases, as
 * {@link ShadowServers} decides: the one a dev URL names, else the project's embedded shadow cluster
 * of the chosen major version (kept under {@code .strata/shadow/}), started once per command and
 * stopped on close.
 */
final class DevServers {
    private DevServers() {
    }

    static DevServer open(Project project, String devUrl, ShadowServers.Choice choice) {
        return ShadowServers.open(devUrl, choice, project.config().projectDir());
    }

    /**
     * Opens the dev server on another thread, so that starting an embedded one overlaps with
     * other work (reading the target). Closing waits for the start and stops the server, also
     * when it was never used.
     */
    static Pending openInBackground(Project project, String devUrl, ShadowServers.Choice choice) {
        return new Pending(CompletableFuture.supplyAsync(() -> open(project, devUrl, choice)), choice);
    }

    /** Pending represents a dev server that is starting. */
    static final class Pending implements AutoCloseable {
        private final CompletableFuture<DevServer> future;
        private final ShadowServers.Choice choice;

        private Pending(CompletableFuture<DevServer> future, ShadowServers.Choice choice) {
            this.future = future;
            this.choice = choice;
        }

        ShadowServers.Choice choice() {
            return choice;
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
