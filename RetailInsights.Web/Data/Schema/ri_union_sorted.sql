-- The sorted union of two id sets: how a load merges a day's customers into agg_store_daily and agg_category_daily.
CREATE FUNCTION ri_union_sorted(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM (SELECT unnest(a) UNION SELECT unnest(b)) u (x) $$;
