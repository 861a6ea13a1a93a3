package dev.strata.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * ConvergenceRun represents the outcomes of a run of the harness over a set of corpus cases, with
 * the counts and lists the report shows.
 *
 * @param date          when it ran
 * @param serverVersion the PostgreSQL version it ran on
 * @param results       one result per case, in corpus order
 * @param millis        wall-clock time of the whole run
 */
public record ConvergenceRun(LocalDate date, String serverVersion, String witness, List<Result> results, long millis) {
    public ConvergenceRun {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(serverVersion, "serverVersion");
        results = List.copyOf(results);
    }

    /** One case and how it ended. */
    public record Result(CorpusCase corpusCase, Outcome outcome) {
        public Result {
            Objects.requireNonNull(corpusCase, "corpusCase");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Cases per status. */
    public Map<Outcome.Status, Integer> totals() {
        return count(results);
    }

    /** Cases per status for each group (file), groups in corpus order. */
    public Map<String, Map<Outcome.Status, Integer>> byGroup() {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.corpusCase().group(), k -> new ArrayList<>()).add(r));
        Map<String, Map<Outcome.Status, Integer>> counts = new LinkedHashMap<>();
        groups.forEach((group, rs) -> counts.put(group, count(rs)));
        return counts;
    }

    /** The results of one status grouped by category (feature or failing step), biggest group first. */
    public Map<String, List<Result>> byCategory(Outcome.Status status) {
        Map<String, List<Result>> groups = new TreeMap<>();
        results.stream().filter(r -> r.outcome().status() == status)
                .forEach(r -> groups.computeIfAbsent(r.outcome().category(), k -> new ArrayList<>()).add(r));
        List<Map.Entry<String, List<Result>>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, List<Result>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        Map<String, List<Result>> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * Passing cases whose two scripts differ but whose migration is empty: Strata read both sides
     * the same. Often right (a case about statement order or spelling), sometimes a difference the
     * catalog reader does not see; listed so that a reader can tell which.
     */
    public List<Result> passesWithoutChange() {
        return results.stream()
                .filter(r -> r.outcome().passedWithoutChange())
                .filter(r -> !r.corpusCase().current().strip().equals(r.corpusCase().desired().strip()))
                .toList();
    }

    private static Map<Outcome.Status, Integer> count(List<Result> rs) {
        Map<Outcome.Status, Integer> counts = new EnumMap<>(Outcome.Status.class);
        for (Outcome.Status s : Outcome.Status.values()) {
            counts.put(s, 0);
        }
        rs.forEach(r -> counts.merge(r.outcome().status(), 1, Integer::sum));
        return counts;
    }
}
