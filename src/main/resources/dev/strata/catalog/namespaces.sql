-- The schemas read besides the inspected one (the other schemas asked for that exist), with their comments.
SELECT n.nspname AS schema_name,
       obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_namespace n
WHERE n.oid = ANY(:schema_oids)
  AND n.oid <> :schema_oid
ORDER BY n.nspname
