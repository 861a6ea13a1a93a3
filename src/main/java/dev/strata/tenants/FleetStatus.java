package dev.strata.tenants;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * FleetStatus represents where every tenant of a database stands.
 *
 * @param database where they are (password redacted)
 * @param tenants  one per tenant, in name order
 */
public record FleetStatus(String database, List<TenantStatus> tenants) {
    public FleetStatus {
        tenants = List.copyOf(tenants);
    }

    /** How many tenants are in each state (every state present, zero when none). */
    public Map<TenantStatus.State, Integer> totals() {
        Map<TenantStatus.State, Integer> out = new EnumMap<>(TenantStatus.State.class);
        for (TenantStatus.State s : TenantStatus.State.values()) {
            out.put(s, 0);
        }
        tenants.forEach(t -> out.merge(t.state(), 1, Integer::sum));
        return out;
    }

    /** The tenants that are not up to date. */
    public List<TenantStatus> needingAttention() {
        return tenants.stream().filter(t -> t.state() != TenantStatus.State.UP_TO_DATE).toList();
    }
}
