-- Text search parsers, templates, dictionaries and configurations of the schemas read, without
-- those of extensions: one row per object, its options as name=value lines in CREATE's order
-- (values as SQL; a dictionary's own options are one OPTIONS line as PostgreSQL keeps them) and, for a configuration, its mappings as token=dict1,dict2 lines (dictionaries
-- in the order tried). Functions, templates, parsers and dictionaries print unqualified in the
-- schema read and in pg_catalog, qualified elsewhere.
WITH fn AS (
    SELECT f.oid, CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                       ELSE quote_ident(n.nspname) || '.' || quote_ident(f.proname) END AS sql
    FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace
), ext AS (
    SELECT e.classid, e.objid FROM pg_depend e WHERE e.deptype = 'e'
)
SELECT 'PARSER' AS kind, p.prsname AS object_name,
       CASE WHEN p.prsnamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       concat_ws(E'\n', 'START=' || (SELECT sql FROM fn WHERE fn.oid = p.prsstart),
                 'GETTOKEN=' || (SELECT sql FROM fn WHERE fn.oid = p.prstoken),
                 'END=' || (SELECT sql FROM fn WHERE fn.oid = p.prsend),
                 'HEADLINE=' || (SELECT sql FROM fn WHERE fn.oid = p.prsheadline),
                 'LEXTYPES=' || (SELECT sql FROM fn WHERE fn.oid = p.prslextype)) AS options,
       NULL AS mappings,
       obj_description(p.oid, 'pg_ts_parser') AS comment
FROM pg_ts_parser p JOIN pg_namespace n ON n.oid = p.prsnamespace
WHERE p.prsnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_parser'::regclass AND ext.objid = p.oid)
UNION ALL
SELECT 'TEMPLATE', t.tmplname, CASE WHEN t.tmplnamespace = :schema_oid THEN '' ELSE n.nspname END,
       concat_ws(E'\n', 'INIT=' || (SELECT sql FROM fn WHERE fn.oid = t.tmplinit),
                 'LEXIZE=' || (SELECT sql FROM fn WHERE fn.oid = t.tmpllexize)),
       NULL, obj_description(t.oid, 'pg_ts_template')
FROM pg_ts_template t JOIN pg_namespace n ON n.oid = t.tmplnamespace
WHERE t.tmplnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_template'::regclass AND ext.objid = t.oid)
UNION ALL
SELECT 'DICTIONARY', d.dictname, CASE WHEN d.dictnamespace = :schema_oid THEN '' ELSE n.nspname END,
       concat_ws(E'\n', 'TEMPLATE=' || (SELECT CASE WHEN t.tmplnamespace IN (:schema_oid, 'pg_catalog'::regnamespace)
                                                    THEN quote_ident(t.tmplname)
                                                    ELSE quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname) END
                                        FROM pg_ts_template t JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
                                        WHERE t.oid = d.dicttemplate),
                 'OPTIONS=' || d.dictinitoption),
       NULL, obj_description(d.oid, 'pg_ts_dict')
FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
WHERE d.dictnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_dict'::regclass AND ext.objid = d.oid)
UNION ALL
SELECT 'CONFIGURATION', c.cfgname, CASE WHEN c.cfgnamespace = :schema_oid THEN '' ELSE n.nspname END,
       'PARSER=' || (SELECT CASE WHEN p.prsnamespace IN (:schema_oid, 'pg_catalog'::regnamespace)
                                 THEN quote_ident(p.prsname)
                                 ELSE quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) END
                     FROM pg_ts_parser p JOIN pg_namespace pn ON pn.oid = p.prsnamespace WHERE p.oid = c.cfgparser),
       (SELECT string_agg(tt.alias || '=' || m.dicts, E'\n' ORDER BY tt.alias)
        FROM (SELECT mm.maptokentype,
                     string_agg(CASE WHEN d.dictnamespace IN (:schema_oid, 'pg_catalog'::regnamespace)
                                     THEN quote_ident(d.dictname)
                                     ELSE quote_ident(dn.nspname) || '.' || quote_ident(d.dictname) END,
                                ',' ORDER BY mm.mapseqno) AS dicts
              FROM pg_ts_config_map mm JOIN pg_ts_dict d ON d.oid = mm.mapdict
              JOIN pg_namespace dn ON dn.oid = d.dictnamespace
              WHERE mm.mapcfg = c.oid GROUP BY mm.maptokentype) m
        JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype),
       obj_description(c.oid, 'pg_ts_config')
FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
WHERE c.cfgnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_config'::regclass AND ext.objid = c.oid)
ORDER BY 1, 3, 2
