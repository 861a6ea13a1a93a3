package dev.strata.pg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * JdbcUrls converts and edits PostgreSQL connection URLs: the {@code postgres://user:pass@host/db}
 * form users paste from their hosting provider (libpq's URI syntax), and JDBC's
 * {@code jdbc:postgresql://host/db?...}.
 *
 * <p>Parsing is strict: a URL that does not say exactly which server to reach (a port that is not
 * a number, a password holding an unescaped {@code @}, a malformed escape, an unknown parameter)
 * is refused with {@link IllegalArgumentException} naming the part that is wrong. It never falls
 * back to another host or port. See docs/configuration.md, "Database URLs".
 */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    /** Connection facts parsed from a URL. The password is never printed by {@link #redact}. */
    public record Parsed(String jdbcUrl, String user, String password) {
    }

    /** libpq parameter names and the pgjdbc property each one becomes. */
    private static final Map<String, String> LIBPQ_PARAMETERS = Map.ofEntries(
            Map.entry("user", "user"),
            Map.entry("password", "password"),
            Map.entry("dbname", "dbname"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("options", "options"),
            Map.entry("target_session_attrs", "targetServerType"),
            Map.entry("gssencmode", "gssEncMode"),
            Map.entry("channel_binding", "channelBinding"));

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** Accepts {@code postgres://}, {@code postgresql://} and {@code jdbc:postgresql:} URLs. */
    public static Parsed parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        if (!url.equals(url.strip())) {
            throw new IllegalArgumentException("the database URL " + redact(url) + " starts or ends with white space");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return parseJdbc(url);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return parseUri(url);
        }
        throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url)
                + " (expected postgres://user:pass@host:port/db or jdbc:postgresql://host:port/db)");
    }

    private static Parsed parseUri(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            throw fail(url, "it has a fragment ('#...'); a '#' inside a password must be written %23");
        }
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? null : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int at = beforeQuery.lastIndexOf('@');
        int slashAfterAt = beforeQuery.indexOf('/', Math.max(at, 0));
        int authorityEnd = slashAfterAt < 0 ? beforeQuery.length() : slashAfterAt;
        String authority = beforeQuery.substring(0, authorityEnd);
        String path = beforeQuery.substring(authorityEnd);
        if (authority.indexOf('/') >= 0) {
            throw fail(url, "the user or password holds a '/'; write it as %2F");
        }
        String userInfo = null;
        String hosts = authority;
        int firstAt = authority.indexOf('@');
        if (firstAt >= 0) {
            if (firstAt != authority.lastIndexOf('@')) {
                throw fail(url, "it holds more than one '@' before the host; a '@' inside the user or password"
                        + " must be written %40");
            }
            userInfo = authority.substring(0, firstAt);
            hosts = authority.substring(firstAt + 1);
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(url, "user", colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(url, "password", userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
        List<String> hostList = new ArrayList<>();
        for (String hostPort : hosts.split(",", -1)) {
            hostList.add(hostAndPort(url, hostPort, hosts.contains(",")));
        }
        jdbc.append(String.join(",", hostList));
        String database = "postgres";
        if (!path.isEmpty() && !path.equals("/")) {
            String raw = path.substring(1);
            if (raw.contains("/")) {
                throw fail(url, "the database name '" + raw + "' holds a '/'; write it as %2F");
            }
            database = decode(url, "database name", raw);
        }
        List<String> params = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw fail(url, "the parameter '" + pair + "' is not name=value");
                }
                String name = decode(url, "parameter name", pair.substring(0, eq));
                String value = decode(url, "parameter " + name, pair.substring(eq + 1));
                switch (name) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "dbname" -> database = value;
                    case "host", "hostaddr", "port" -> throw fail(url, "the parameter '" + name
                            + "' is not supported; put the host and port before the path (postgres://user@host:5432/db)");
                    default -> params.add(jdbcParameter(url, name) + "=" + encode(value));
                }
            }
        }
        jdbc.append('/').append(encode(database));
        if (!params.isEmpty()) {
            jdbc.append('?').append(String.join("&", params));
        }
        return new Parsed(jdbc.toString(), user, password);
    }

    /** {@code host[:port]} or {@code [v6]:port} of a postgres:// URL, as pgjdbc writes it. */
    private static String hostAndPort(String url, String hostPort, boolean several) {
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw fail(url, "the IPv6 address '" + hostPort + "' has no closing ']'");
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw fail(url, "'" + after + "' after the IPv6 address is not ':port'");
                }
                port = after.substring(1);
            }
            if (!host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.%a-z]+")) {
                throw fail(url, "'" + host + "' is not an IPv6 address");
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            if (host.isEmpty()) {
                if (several) {
                    throw fail(url, "one of its hosts is empty");
                }
                host = "localhost";
            } else {
                String decoded = decode(url, "host", host);
                if (decoded.startsWith("/")) {
                    throw fail(url, "the host '" + decoded + "' is a Unix-domain socket directory, which Strata cannot"
                            + " reach; use a TCP host and port");
                }
                if (!HOST_NAME.matcher(decoded).matches()) {
                    throw fail(url, "the host '" + decoded + "' is not a host name or address");
                }
                host = decoded;
            }
        }
        if (port == null) {
            return host + ":5432";
        }
        return host + ":" + port(url, port);
    }

    private static String port(String url, String port) {
        if (port.isEmpty()) {
            throw fail(url, "the port after ':' is empty");
        }
        if (!PORT.matcher(port).matches()) {
            throw fail(url, "the port '" + port + "' is not a number");
        }
        int n = Integer.parseInt(port);
        if (n < 1 || n > 65535) {
            throw fail(url, "the port " + n + " is outside 1-65535");
        }
        return Integer.toString(n);
    }

    private static String jdbcParameter(String url, String name) {
        String mapped = LIBPQ_PARAMETERS.get(name);
        if (mapped != null) {
            return mapped;
        }
        if (PGProperty.forName(name) != null) {
            return name;
        }
        throw fail(url, "the parameter '" + name + "' is neither a libpq connection parameter Strata maps ("
                + String.join(", ", new java.util.TreeSet<>(LIBPQ_PARAMETERS.keySet()))
                + ") nor a PostgreSQL JDBC driver property");
    }

    /** A jdbc:postgresql: URL, checked with the driver's own parser. */
    private static Parsed parseJdbc(String url) {
        String afterScheme = url.substring("jdbc:postgresql:".length());
        if (afterScheme.startsWith("//")) {
            String authority = afterScheme.substring(2).split("[/?]", 2)[0];
            if (authority.contains("@")) {
                throw fail(url, "a jdbc:postgresql: URL cannot hold user@ before the host; pass user=...&password=..."
                        + " as parameters, or use the postgres://user:password@host/db form");
            }
            for (String hostPort : authority.split(",", -1)) {
                int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.indexOf(':');
                if (colon >= 0) {
                    port(url, hostPort.substring(colon + 1));
                }
                String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
                if (host.isEmpty() && authority.contains(",")) {
                    throw fail(url, "one of its hosts is empty");
                }
                if (!host.isEmpty() && !host.startsWith("[") && !HOST_NAME.matcher(host).matches()) {
                    throw fail(url, "the host '" + host + "' is not a host name or address");
                }
            }
        }
        Properties props = Driver.parseURL(url, new Properties());
        if (props == null) {
            throw fail(url, "the PostgreSQL JDBC driver cannot parse it");
        }
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String name = pair.split("=", 2)[0];
                if (!name.isEmpty() && PGProperty.forName(name) == null) {
                    throw fail(url, "the parameter '" + name + "' is not a PostgreSQL JDBC driver property");
                }
            }
        }
        return new Parsed(url, null, null);
    }

    private static IllegalArgumentException fail(String url, String what) {
        return new IllegalArgumentException("the database URL " + redact(url) + " cannot be used: " + what);
    }

    /** Strict percent-decoding: '+' stays '+', a malformed escape is an error. */
    private static String decode(String url, String part, String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%') {
                if (i + 2 >= s.length()) {
                    throw fail(url, "the " + part + " has an incomplete escape '" + s.substring(i) + "'");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw fail(url, "the " + part + " has a malformed escape '" + s.substring(i, i + 3) + "'");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(ch) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
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

    private static final Pattern USER_INFO = Pattern.compile("(://[^:/@?]*:)([^/?]*)@");

    /** The URL with any password replaced by {@code ***}, for messages; a password holding '@' is hidden whole. */
    public static String redact(String url) {
        Matcher m = USER_INFO.matcher(url);
        String out = m.find() ? url.substring(0, m.start()) + m.group(1) + "***@" + url.substring(m.end()) : url;
        return out.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
