namespace RetailInsights.Tests.Support;

/// <summary>
/// A database's schema as sorted text lines read from the catalog: columns (type, null, collation, default or
/// generation, identity, storage), constraints, indexes, functions, triggers, views, sequences and extensions. Like
/// <c>pg_dump --schema-only</c> but blind to column order, which follows a table's history rather than its definition.
/// </summary>
public static class SchemaDescription
{
    public static async Task<string> ReadAsync(TestDatabase database) => string.Join("\n", await database.TextsAsync(Sql)) + "\n";

    private const string Sql = """
        SELECT line FROM (
            SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
            UNION ALL
            SELECT format('column %s.%s %s%s%s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || co.collname ELSE '' END,
                CASE WHEN d.adbin IS NULL THEN '' WHEN a.attgenerated = 's' THEN ' generated ' || pg_get_expr(d.adbin, d.adrelid)
                     ELSE ' default ' || pg_get_expr(d.adbin, d.adrelid) END,
                CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END,
                CASE WHEN a.attstorage <> t.typstorage THEN ' storage ' || a.attstorage::text ELSE '' END)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT format('constraint %s.%s %s', c.relname, con.conname, pg_get_constraintdef(con.oid))
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'function ' || pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'trigger ' || pg_get_triggerdef(tg.oid) FROM pg_trigger tg WHERE NOT tg.tgisinternal
            UNION ALL
            SELECT format('view %s %s', viewname, definition) FROM pg_views WHERE schemaname = 'public'
            UNION ALL
            SELECT format('sequence %s %s', sequencename, data_type) FROM pg_sequences WHERE schemaname = 'public'
        ) x (line)
        ORDER BY line COLLATE "C"
        """;
}
