package dev.strata.props;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Names represents the pools generated identifiers come from: plain names, reserved words that
 * must be quoted ({@code user}, {@code order}), mixed case ({@code Mixed}, also beside
 * {@code mixed}), spaces and non-ASCII letters.
 */
final class Names {
    static final List<String> RELATIONS = List.of(
            "user", "order", "Mixed", "mixed", "group", "accounts", "items", "Line Item", "events", "select",
            "customers", "invoices", "table", "CamelCase", "audit_log", "payments", "sessions", "documents",
            "products", "regions", "café", "notes", "tags", "Projects", "tasks", "check", "reports");

    static final List<String> COLUMNS = List.of(
            "name", "user", "order", "Mixed", "mixed", "desc", "from", "value", "Value", "created_at", "Amount",
            "status", "data", "labels", "note", "position", "check", "Total Price", "email", "flag", "day",
            "payload", "counts", "code", "kind", "select", "größe", "limit", "updated_at", "score");

    static final List<String> ENUM_LABELS = List.of(
            "active", "inactive", "pending", "in progress", "it's", "Done", "café", "archived", "draft",
            "ARCHIVED", "on hold", "x");

    private Names() {
    }

    /** A name from the pool that is not taken, or {@code fallback + n} once the pool is used up. */
    static String fresh(Random rng, List<String> pool, Set<String> taken, String fallback) {
        List<String> free = pool.stream().filter(n -> !taken.contains(n)).toList();
        if (!free.isEmpty()) {
            return free.get(rng.nextInt(free.size()));
        }
        for (int i = 1; ; i++) {
            if (!taken.contains(fallback + i)) {
                return fallback + i;
            }
        }
    }
}
