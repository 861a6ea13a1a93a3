package dev.strata.model;

import java.util.Objects;
import java.util.SortedMap;

/**
 * ForeignData holds the records of SQL/MED: foreign-data wrappers and servers, which belong to the
 * database like extensions, and what makes a table a foreign table. Options are name to value as
 * stored ({@code OPTIONS (host 'db')}), sorted by name.
 */
public final class ForeignData {
    private ForeignData() {
    }

    /**
     * A {@code CREATE FOREIGN DATA WRAPPER} no extension owns.
     *
     * @param name      its name
     * @param handler   the handler function as SQL, or {@code null} (NO HANDLER)
     * @param validator the validator function as SQL, or {@code null} (NO VALIDATOR)
     * @param options   its options
     * @param comment   the comment, or {@code null}
     */
    public record Wrapper(String name, String handler, String validator, SortedMap<String, String> options,
                          String comment) {
        public Wrapper {
            Objects.requireNonNull(name, "name");
            options = StorageParameters.copyOf(options);
        }
    }

    /**
     * A {@code CREATE SERVER}.
     *
     * @param name    its name
     * @param type    TYPE, or {@code null}
     * @param version VERSION, or {@code null}
     * @param wrapper the foreign-data wrapper
     * @param options its options
     * @param comment the comment, or {@code null}
     */
    public record Server(String name, String type, String version, String wrapper, SortedMap<String, String> options,
                         String comment) {
        public Server {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(wrapper, "wrapper");
            options = StorageParameters.copyOf(options);
        }

        /** The same server without its options and comment: what cannot change in place. */
        public Server fixedPart() {
            return new Server(name, type, null, wrapper, null, null);
        }
    }

    /**
     * What makes a table a foreign table: {@code SERVER s OPTIONS (...)}.
     *
     * @param server  the server
     * @param options the table's options
     */
    public record Table(String server, SortedMap<String, String> options) {
        public Table {
            Objects.requireNonNull(server, "server");
            options = StorageParameters.copyOf(options);
        }
    }
}
