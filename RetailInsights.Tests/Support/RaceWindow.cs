namespace RetailInsights.Tests.Support;

/// <summary>
/// Makes a rare race certain, in a test's own database: every row inserted into a table waits a while after its
/// INSERT … ON CONFLICT has checked for a conflicting row and before the row enters the table's unique indexes — the
/// moment two writers of the same new row must both be in for a unique index that is not the ON CONFLICT's to fail.
/// PostgreSQL inserts a row's index entries in the order the indexes were made, so a slow index is made first and
/// the table's keys and unique indexes are made again after it (with the foreign keys that lean on them).
/// </summary>
public static class RaceWindow
{
    public static Task WidenAsync(TestDatabase database, string table, string column, double seconds = 0.5) => database.ExecuteAsync($$"""
        CREATE OR REPLACE FUNCTION race_window_wait(value anyelement, seconds float8) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS
        $f$ BEGIN PERFORM pg_sleep(seconds); RETURN 0; END $f$;
        DO $d$
        DECLARE
            foreign_keys text[];
            keys text[];
            indexes text[];
            statement text;
        BEGIN
            SELECT coalesce(array_agg(format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))), '{}')
            INTO foreign_keys FROM pg_constraint WHERE contype = 'f' AND confrelid = '{{table}}'::regclass;
            SELECT coalesce(array_agg(format('ALTER TABLE {{table}} ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))), '{}')
            INTO keys FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = '{{table}}'::regclass;
            SELECT coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') INTO indexes FROM pg_index i
            WHERE i.indrelid = '{{table}}'::regclass AND i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid);

            EXECUTE (SELECT coalesce(string_agg(format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname), '; '), 'SELECT 1')
                     FROM pg_constraint WHERE contype = 'f' AND confrelid = '{{table}}'::regclass);
            EXECUTE (SELECT coalesce(string_agg(format('ALTER TABLE {{table}} DROP CONSTRAINT %I', conname), '; '), 'SELECT 1')
                     FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = '{{table}}'::regclass);
            EXECUTE (SELECT coalesce(string_agg(format('DROP INDEX %s', i.indexrelid::regclass), '; '), 'SELECT 1') FROM pg_index i
                     WHERE i.indrelid = '{{table}}'::regclass AND i.indisunique);
            CREATE INDEX ix_{{table}}_race_window ON {{table}} (race_window_wait({{column}}, {{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}));
            FOREACH statement IN ARRAY keys || indexes || foreign_keys LOOP
                EXECUTE statement;
            END LOOP;
        END $d$;
        """);
}
