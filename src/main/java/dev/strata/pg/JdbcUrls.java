package dev.strata.pg;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * JdbcUrls converts and edits PostgreSQL connection URLs: the {@code postgres://user:pass@host/db}
 * form users paste from their hosting provider, and JDBC's {@code jdbc:postgresql://host/db?...}.
 */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    /** Connection facts parsed from a URL. The password is never printed by {@link #redact}. */
    public record Parsed(String jdbcUrl, String user, String password) {
    }

    /** Accepts {@code postgres://}, {@code postgresql://} and {@code jdbc:postgresql://} URLs. */
    public static Parsed parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new Parsed(url, null, null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new Parsed("jdbc:postgresql://" + host + ":" + port + path + query, user, password);
        }
        throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url)
                + " (expected postgres://user:pass@host:port/db or jdbc:postgresql://host:port/db)");
    }

    /** The same JDBC URL pointing at another database. */
    public static String withDatabase(String jdbcUrl, String database) {
        int schemeEnd = jdbcUrl.indexOf("//");
        int pathStart = jdbcUrl.indexOf('/', schemeEnd + 2);
        int queryStart = jdbcUrl.indexOf('?');
        String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
        String hostPart = pathStart < 0 ? (queryStart < 0 ? jdbcUrl : jdbcUrl.substring(0, queryStart))
                : jdbcUrl.substring(0, pathStart);
        return hostPart + "/" + database + query;
    }

    /** The URL with any password replaced by {@code ***}, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]+:)[^@]*@", "$1***@")
                .replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
