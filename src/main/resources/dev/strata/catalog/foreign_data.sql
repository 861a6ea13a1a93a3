-- Foreign-data wrappers (W) and servers (S), both database-wide, without those of extensions.
-- Functions print unqualified in the schema read and in pg_catalog; options are name=value as stored.
SELECT 'W' AS kind, w.fdwname AS object_name,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = w.fdwhandler) AS handler,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = w.fdwvalidator) AS validator,
       NULL AS wrapper, NULL AS server_type, NULL AS server_version,
       w.fdwoptions AS options,
       obj_description(w.oid, 'pg_foreign_data_wrapper') AS comment
FROM pg_foreign_data_wrapper w
WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_foreign_data_wrapper'::regclass
                  AND e.objid = w.oid AND e.deptype = 'e')
UNION ALL
SELECT 'S', s.srvname, NULL, NULL, w.fdwname, s.srvtype, s.srvversion, s.srvoptions,
       obj_description(s.oid, 'pg_foreign_server')
FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_foreign_server'::regclass
                  AND e.objid = s.oid AND e.deptype = 'e')
ORDER BY 1 DESC, 2
