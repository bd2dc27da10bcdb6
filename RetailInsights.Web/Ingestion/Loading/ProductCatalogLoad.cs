using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>A product catalog: describes products (the last line of a stock code wins), adding those not seen yet.</summary>
internal sealed class ProductCatalogLoad(MemoryBudget budget) : KindLoad<ProductRow>(budget)
{
    /// <summary>The days on which products sold that this catalog moves to another category.</summary>
    private int[] _recategorizedDays = [];

    protected override string StageColumns => "stock_code text, description text, category text, base_price numeric, is_non_product boolean";

    public override int FieldCount => 5;

    public override void WriteStaged(NpgsqlBinaryImporter copy, ProductRow p)
    {
        Text(copy, p.StockCode);
        Text(copy, p.Description);
        Text(copy, p.Category);
        if (p.BasePrice is { } price)
            copy.Write(price, NpgsqlDbType.Numeric);
        else
            copy.WriteNull();
        copy.Write(p.IsNonProduct, NpgsqlDbType.Boolean);
    }

    public override IReadOnlyList<string> FactsFromStage { get; } =
    [
        """
        INSERT INTO dim_product (stock_code, description, category, base_price, is_non_product)
        SELECT DISTINCT ON (stock_code) stock_code, description, category, base_price, is_non_product
        FROM stage WHERE reason_codes IS NULL ORDER BY stock_code, line_number DESC
        ON CONFLICT (stock_code) DO UPDATE SET description = COALESCE(excluded.description, dim_product.description),
            category = excluded.category, base_price = COALESCE(excluded.base_price, dim_product.base_price)
        """,
    ];

    public override async Task BeforeFactsAsync(LoadContext context, CancellationToken cancellationToken) =>
        _recategorizedDays = await Summaries.DaysOfRecategorizedProductsAsync(context.Connection, """
            SELECT DISTINCT ON (stock_code) stock_code, category FROM stage WHERE reason_codes IS NULL ORDER BY stock_code, line_number DESC
            """, cancellationToken);

    /// <summary>Sales summarized by category follow their products into the new categories.</summary>
    public override Task AfterFactsAsync(LoadContext context, CancellationToken cancellationToken) =>
        Summaries.RecategorizeAsync(context.Connection, _recategorizedDays, cancellationToken);
}
