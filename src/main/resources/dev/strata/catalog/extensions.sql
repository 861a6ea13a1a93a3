-- Installed extensions of the database (plpgsql, always there, left out), with the schema that
-- holds their objects ('' for the inspected schema) and their installed version.
SELECT x.extname AS extension_name,
       CASE WHEN x.extnamespace = :schema_oid THEN '' ELSE n.nspname END AS extension_schema,
       x.extversion AS extension_version
FROM pg_extension x
JOIN pg_namespace n ON n.oid = x.extnamespace
WHERE x.extname <> 'plpgsql'
ORDER BY x.extname
