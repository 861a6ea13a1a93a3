package dev.strata.runner;

import dev.strata.migration.Direction;
import dev.strata.migration.Migration;

/**
 * Step represents one migration a run applied or rolled back.
 *
 * @param migration the migration
 * @param direction forward (applied) or backward (rolled back)
 * @param millis    how long its statements took
 */
public record Step(Migration migration, Direction direction, long millis) {
}
