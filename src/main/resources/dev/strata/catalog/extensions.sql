-- Installed extensions of the database (plpgsql, always there, left out).
SELECT x.extname AS extension_name
FROM pg_extension x
WHERE x.extname <> 'plpgsql'
ORDER BY x.extname
