-- Sequences of the schema. Identity sequences (internal dependency on their column) belong to the
-- column and are left out, as are sequences of extensions. owned_by is table.column, each part
-- quoted as needed, for serial columns and OWNED BY.
SELECT c.relname AS sequence_name,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start_value,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache,
       s.seqcycle AS cycle,
       (SELECT CASE WHEN tc.relnamespace = :schema_oid THEN '' ELSE quote_ident(tn.nspname) || '.' END
               || quote_ident(tc.relname) || '.' || quote_ident(a.attname)
        FROM pg_depend d
        JOIN pg_class tc ON tc.oid = d.refobjid
        JOIN pg_namespace tn ON tn.oid = tc.relnamespace
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
          AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype = 'a'
        LIMIT 1) AS owned_by,
       obj_description(c.oid, 'pg_class') AS comment,
       c.relpersistence = 'u' AS unlogged
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind = 'S'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'))
ORDER BY c.relname
