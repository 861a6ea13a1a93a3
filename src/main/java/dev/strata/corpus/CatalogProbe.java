package dev.strata.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CatalogProbe finds, in a database a case's script has built, the objects and properties
 * Strata's model has no place for (domains, partitions, privileges, comments on constraints, ...).
 * Without it such a case would pass without testing anything: both catalogs would read the same.
 */
final class CatalogProbe {
    private static final String SQL = load();

    private CatalogProbe() {
    }

    /** Feature -> the objects that have it, in a stable order; empty when the model covers everything. */
    static Map<String, List<String>> unmodelled(Connection c, String targetSchema) throws SQLException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, targetSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return found;
    }

    private static String load() {
        try (InputStream in = CatalogProbe.class.getResourceAsStream("unmodelled_features.sql")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/strata/corpus/unmodelled_features.sql is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
