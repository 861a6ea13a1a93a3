-- One fingerprint per schema of ? (a text[] of schema names), whatever their number: an md5 over
-- the sorted lines that describe its relations, columns (type, NOT NULL, default), constraints,
-- indexes, views, functions, user types and triggers, with the schema's own name taken out of
-- every definition, so that two schemas built by the same DDL have the same fingerprint. The
-- history table (? , the second parameter, repeated) and what hangs on it are left out. Run with
-- search_path = pg_catalog, so that every name in a definition is qualified and then unqualified.
WITH ns AS (
    SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?::text[])
), hist AS (
    SELECT c.oid FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relname = ?
), items AS (
    SELECT c.relnamespace AS ns, 'rel ' || c.relname || ' ' || c.relkind::text AS item
    FROM pg_catalog.pg_class c
    WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.oid NOT IN (SELECT oid FROM hist)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                      AND d.refobjid IN (SELECT oid FROM hist))
    UNION ALL
    SELECT c.relnamespace, 'col ' || c.relname || '.' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || coalesce(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')
    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND c.oid NOT IN (SELECT oid FROM hist) AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT co.connamespace, 'con ' || coalesce(c.relname, '') || ' ' || co.conname || ' '
           || pg_catalog.pg_get_constraintdef(co.oid)
    FROM pg_catalog.pg_constraint co LEFT JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
    WHERE co.connamespace IN (SELECT oid FROM ns) AND (co.conrelid = 0 OR co.conrelid NOT IN (SELECT oid FROM hist))
    UNION ALL
    SELECT i.relnamespace, 'idx ' || pg_catalog.pg_get_indexdef(i.oid)
    FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
    WHERE i.relnamespace IN (SELECT oid FROM ns) AND x.indrelid NOT IN (SELECT oid FROM hist)
    UNION ALL
    SELECT c.relnamespace, 'view ' || c.relname || ' ' || pg_catalog.pg_get_viewdef(c.oid)
    FROM pg_catalog.pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relkind IN ('v', 'm')
    UNION ALL
    SELECT p.pronamespace, 'fn ' || pg_catalog.pg_get_functiondef(p.oid)
    FROM pg_catalog.pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns) AND p.prokind IN ('f', 'p')
    UNION ALL
    SELECT t.typnamespace, 'type ' || t.typname || ' ' || t.typtype::text || ' '
           || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e
                        WHERE e.enumtypid = t.oid), '')
           || coalesce(' ' || pg_catalog.format_type(t.typbasetype, t.typtypmod), '')
    FROM pg_catalog.pg_type t
    WHERE t.typnamespace IN (SELECT oid FROM ns) AND t.typtype IN ('e', 'd')
    UNION ALL
    SELECT c.relnamespace, 'trg ' || pg_catalog.pg_get_triggerdef(tg.oid)
    FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
    WHERE NOT tg.tgisinternal AND c.relnamespace IN (SELECT oid FROM ns)
)
SELECT ns.nspname,
       pg_catalog.md5(coalesce(pg_catalog.string_agg(l.line, E'\n' ORDER BY l.line), '')) AS fingerprint
FROM ns
LEFT JOIN LATERAL (
    SELECT replace(replace(i.item, pg_catalog.quote_ident(ns.nspname) || '.', ''), ns.nspname || '.', '') AS line
    FROM items i WHERE i.ns = ns.oid
) l ON true
GROUP BY ns.nspname
