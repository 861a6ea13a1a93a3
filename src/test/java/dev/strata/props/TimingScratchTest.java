package dev.strata.props;
import dev.strata.catalog.*;
import dev.strata.compile.DdlCompiler;
import org.junit.jupiter.api.Test;
class TimingScratchTest {
  @Test void time() throws Exception {
    TryDatabases.get();
    long create=0, apply=0, read=0, drop=0; int queries=0;
    for (int i=0;i<30;i++) {
      var s = SchemaGen.build(i, 1 + i % 5, Features.all()).toSchema();
      long t0=System.nanoTime();
      var db = TryDatabases.get().create();
      long t1=System.nanoTime();
      db.run(DdlCompiler.compile(s));
      long t2=System.nanoTime();
      CatalogRead r = CatalogReader.inspect(db.connection, "public");
      queries = r.queryCount();
      long t3=System.nanoTime();
      db.close();
      long t4=System.nanoTime();
      System.out.print((t1-t0)/1000000 + " "); create+=t1-t0; apply+=t2-t1; read+=t3-t2; drop+=t4-t3;
    }
    System.out.printf("per schema ms: create %.1f apply %.1f read %.1f drop %.1f queries %d%n", create/30e6, apply/30e6, read/30e6, drop/30e6, queries);
  }
}
