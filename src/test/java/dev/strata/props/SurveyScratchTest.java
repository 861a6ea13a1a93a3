package dev.strata.props;
import org.junit.jupiter.api.Test;
import java.util.*;
class SurveyScratchTest {
  @Test void survey() throws Exception {
    MigrationInvariantProperties p = new MigrationInvariantProperties();
    Map<String,Integer> buckets = new TreeMap<>(); Map<String,String> example = new HashMap<>();
    int n = Integer.getInteger("n", 60); long t0 = System.nanoTime();
    for (long seed = 0; seed < n; seed++) {
      SchemaPair pair = SchemaArbitraries.pair(seed * 7919, 1 + (int)(seed % 5), Features.all(), seed * 104729, 1 + (int)(seed % 8), KnownGaps.CURRENT);
      try { p.upConvergesDownRestoresAndSelfDiffsAreEmpty(pair); buckets.merge("OK", 1, Integer::sum); }
      catch (Throwable e) {
        String m = String.valueOf(e.getMessage());
        String key = m.lines().filter(l -> !l.isBlank()).findFirst().orElse("?");
        key = key.replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("[0-9]+", "N");
        if (key.length() > 150) key = key.substring(0, 150);
        buckets.merge(key, 1, Integer::sum); example.putIfAbsent(key, "seed " + seed + ": " + m);
      }
    }
    System.out.println("SURVEY ms/pair " + (System.nanoTime()-t0)/1e6/n);
    buckets.forEach((k,v) -> System.out.println("SURVEY " + v + "  " + k));
    StringBuilder sb = new StringBuilder();
    example.forEach((k,v) -> sb.append("=== ").append(k).append('\n').append(v.length() > 6000 ? v.substring(0, 3000) + "\n[...]\n" + v.substring(v.length() - 3000) : v).append("\n\n"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/props_scratch/survey.txt"), sb.toString());
  }
}
