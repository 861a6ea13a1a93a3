package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;

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
}
