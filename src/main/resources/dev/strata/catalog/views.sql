-- Views and materialized views of the schema, without those of extensions. What they read comes
-- from dependencies.sql (pg_rewrite -> pg_depend). reloptions are a materialized view's storage
-- parameters, and a view's options (security_barrier, security_invoker, check_option).
SELECT c.relname AS view_name,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       c.relkind = 'm' AS materialized,
       c.relispopulated AS populated,
       pg_get_viewdef(c.oid, true) AS definition,
       c.reloptions AS storage,
       (SELECT am.amname FROM pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap') AS access_method,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind IN ('v', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname
