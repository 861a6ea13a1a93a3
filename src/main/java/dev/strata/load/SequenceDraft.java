package dev.strata.load;

import dev.strata.model.Sequence;

/**
 * SequenceDraft represents a stand-alone sequence as the model defines it, before its
 * {@code :owned-by} reference is resolved to a table and column.
 *
 * @param sequence the sequence with every option filled in, without its owner
 * @param ownedBy  the {@code :model/field} keyword of {@code :owned-by}, or {@code null}
 */
record SequenceDraft(Sequence sequence, us.bpsm.edn.Keyword ownedBy, Location where, String subject) {
}
