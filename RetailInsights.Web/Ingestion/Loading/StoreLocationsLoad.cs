using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>A store locations file: places stores in their city and region (the last line of a store wins).</summary>
internal sealed class StoreLocationsLoad(MemoryBudget budget) : KindLoad<StoreLocationRow>(budget)
{
    protected override string StageColumns => "store_code text, name text, city text, region text, size_sq_ft integer";

    public override int FieldCount => 5;

    public override void WriteStaged(NpgsqlBinaryImporter copy, StoreLocationRow s)
    {
        Text(copy, s.StoreCode);
        Text(copy, s.Name);
        Text(copy, s.City);
        Text(copy, s.Region);
        if (s.SizeSqFt is { } size)
            copy.Write(size, NpgsqlDbType.Integer);
        else
            copy.WriteNull();
    }

    public override IReadOnlyList<string> FactsFromStage { get; } =
    [
        """
        INSERT INTO dim_store (store_code, name, city, region, size_sq_ft)
        SELECT DISTINCT ON (store_code) store_code, name, city, region, size_sq_ft
        FROM stage WHERE reason_codes IS NULL ORDER BY store_code, line_number DESC
        ON CONFLICT (store_code) DO UPDATE SET name = COALESCE(excluded.name, dim_store.name), city = excluded.city,
            region = excluded.region, size_sq_ft = COALESCE(excluded.size_sq_ft, dim_store.size_sq_ft)
        """,
    ];
}
