-- Access methods made with CREATE ACCESS METHOD (not built in, not of an extension). They are
-- database-wide; the handler prints unqualified in the schema read and in pg_catalog.
SELECT am.amname AS access_method_name,
       CASE am.amtype WHEN 't' THEN 'TABLE' ELSE 'INDEX' END AS access_method_type,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = am.amhandler) AS handler,
       obj_description(am.oid, 'pg_am') AS comment
FROM pg_am am
WHERE am.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_am'::regclass AND e.objid = am.oid AND e.deptype = 'e')
ORDER BY am.amname
