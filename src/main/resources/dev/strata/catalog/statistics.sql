-- Extended statistics objects (CREATE STATISTICS) of the schemas read, those of extensions left out.
-- kinds is empty when the object has every kind (the default, which the definition does not print);
-- 'e' (expressions, 14+) is implied by the keys and never written. The keys are the ON list of
-- pg_get_statisticsobjdef, which prints expressions as the server deparses them. columns are every
-- column of the table the keys use, those inside expressions included (pg_depend), for ordering.
-- The target is NULL for the default: -1 before 17, NULL from 17 on.
SELECT s.stxname AS statistics_name,
       CASE WHEN s.stxnamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       c.relname AS table_name,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE cn.nspname END AS table_schema,
       CASE WHEN ARRAY['d', 'f', 'm']::"char"[] <@ s.stxkind THEN ARRAY[]::text[]
            ELSE ARRAY(SELECT CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies' ELSE 'mcv' END
                       FROM unnest(s.stxkind) AS k
                       WHERE k IN ('d', 'f', 'm')
                       ORDER BY position(k::text IN 'dfm')) END AS kinds,
       substring(pg_get_statisticsobjdef(s.oid)
                 FROM '^CREATE STATISTICS (?:"(?:[^"]|"")*"|[^ ."]+)(?:\.(?:"(?:[^"]|"")*"|[^ ."]+))?(?: \([a-z, ]+\))? ON (.*) FROM ') AS keys,
       ARRAY(SELECT a.attname::text
             FROM pg_depend d
             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_statistic_ext'::regclass AND d.objid = s.oid
               AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
             ORDER BY a.attnum) AS columns,
       NULLIF((to_jsonb(s) ->> 'stxstattarget')::int, -1) AS target,
       obj_description(s.oid, 'pg_statistic_ext') AS comment
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_class c ON c.oid = s.stxrelid
JOIN pg_namespace cn ON cn.oid = c.relnamespace
WHERE s.stxnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_statistic_ext'::regclass AND e.objid = s.oid AND e.deptype = 'e')
ORDER BY n.nspname, s.stxname
