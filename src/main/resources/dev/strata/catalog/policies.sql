-- Row-level-security policies on the schema's tables. Roles come back quoted and sorted, PUBLIC
-- for role oid 0.
SELECT c.relname AS table_name,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       p.polname AS policy_name,
       p.polpermissive AS permissive,
       p.polcmd AS command,
       ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE quote_ident(ro.rolname) END
             FROM unnest(p.polroles) AS r(oid)
             LEFT JOIN pg_roles ro ON ro.oid = r.oid
             ORDER BY 1) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
       obj_description(p.oid, 'pg_policy') AS comment
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
WHERE c.relnamespace = ANY(:schema_oids)
  AND NOT c.relispartition
ORDER BY c.relname, p.polname
