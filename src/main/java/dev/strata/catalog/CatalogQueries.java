package dev.strata.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CatalogQueries runs the catalog SQL resources ({@code dev/strata/catalog/<kind>.sql}) on one
 * connection and counts the statements it sends. Resources name their parameters
 * {@code :schema_oid} and {@code :schema_name} (the inspected schema), {@code :schema_oids} (it and
 * the other schemas read) and {@code :schema_names} (the other schemas asked for).
 */
final class CatalogQueries {
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(schema_oids|schema_oid|schema_names|schema_name)\\b");
    private static final Map<String, String> SQL = new ConcurrentHashMap<>();

    private final Connection connection;
    private final Map<String, Object> parameters;
    private int count;

    CatalogQueries(Connection connection, Map<String, Object> parameters) {
        this.connection = connection;
        this.parameters = new HashMap<>(parameters);
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs the resource {@code kind.sql} and maps each row. */
    <T> List<T> query(String kind, RowReader<T> reader) throws SQLException {
        Matcher m = PARAMETER.matcher(sql(kind));
        List<Object> values = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            Object value = parameters.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(kind + ".sql needs :" + m.group(1) + ", which is not set yet");
            }
            values.add(value);
            // Typed placeholders: the driver sends a long as int8, which has no = operator with oid.
            m.appendReplacement(text, switch (m.group(1)) {
                case "schema_oid" -> "CAST(? AS oid)";
                case "schema_oids" -> "CAST(CAST(? AS bigint[]) AS oid[])";
                case "schema_names" -> "CAST(? AS text[])";
                default -> "CAST(? AS text)";
            });
        }
        m.appendTail(text);
        count++;
        try (PreparedStatement ps = connection.prepareStatement(text.toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Long[] longs) {
                    ps.setArray(i + 1, connection.createArrayOf("int8", longs));
                } else if (value instanceof String[] strings) {
                    ps.setArray(i + 1, connection.createArrayOf("text", strings));
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new SQLException(kind + ".sql: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Runs one statement that returns no rows. */
    void execute(String statement) throws SQLException {
        count++;
        try (var s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /** Binds a parameter for the queries that follow. */
    void bind(String name, Object value) {
        parameters.put(name, value);
    }

    int count() {
        return count;
    }

    /** A text[] column as a list; SQL NULL gives an empty list. */
    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static String sql(String kind) {
        return SQL.computeIfAbsent(kind, k -> {
            try (InputStream in = CatalogQueries.class.getResourceAsStream(k + ".sql")) {
                if (in == null) {
                    throw new IllegalStateException("catalog query " + k + ".sql missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
