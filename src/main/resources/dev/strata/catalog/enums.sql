-- Enum types of the schema with their labels in sort order (labels added BEFORE/AFTER later get
-- fractional sort orders), without enums that belong to an extension.
SELECT t.typname AS enum_name,
       CASE WHEN t.typnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = t.typnamespace) END AS object_schema,
       ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
WHERE t.typnamespace = ANY(:schema_oids)
  AND t.typtype = 'e'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
ORDER BY t.typname
