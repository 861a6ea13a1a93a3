-- The schemas read besides the inspected one (the other schemas asked for that exist), with their
-- comments, and the inspected one itself (target = true) for its comment alone. public's own
-- comment from initdb counts as none, as pg_dump leaves it out too.
SELECT n.nspname AS schema_name,
       CASE WHEN n.nspname = 'public' AND obj_description(n.oid, 'pg_namespace') = 'standard public schema'
            THEN NULL ELSE obj_description(n.oid, 'pg_namespace') END AS comment,
       n.oid = :schema_oid AS target
FROM pg_namespace n
WHERE n.oid = ANY(:schema_oids) OR n.oid = :schema_oid
ORDER BY n.nspname
