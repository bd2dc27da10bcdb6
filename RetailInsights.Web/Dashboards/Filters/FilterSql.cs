using Npgsql;
using NpgsqlTypes;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards.Filters;

/// <summary>
/// A filter as SQL over the summary tables, whose rows all carry date_key, store_id and retailer_id (and product_id,
/// for the product and refund summaries). Stores, region, source and category are looked up in the small dimension
/// tables inside the query, so a filter costs one range scan of a summary's key, never a read of the facts.
/// </summary>
public static class FilterSql
{
    /// <summary>Days, stores or region, and source system, of a summary row aliased <paramref name="alias"/>.</summary>
    public static string Rows(string alias) => $"""
        {alias}.date_key BETWEEN @from AND @to
        AND (@all_stores OR {alias}.store_id IN (SELECT store_id FROM dim_store
                 WHERE (cardinality(@stores) = 0 OR store_code = ANY(@stores)) AND (@region IS NULL OR region = @region)))
        AND (@source IS NULL OR {alias}.retailer_id = (SELECT retailer_id FROM dim_retailer WHERE code = @source))
        """;

    /// <summary><see cref="Rows"/>, and the category of the row's product, and the product itself (by stock code).</summary>
    public static string ProductRows(string alias) => $"""
        {Rows(alias)}
        AND (@category IS NULL OR {alias}.product_id IN (SELECT product_id FROM dim_product WHERE coalesce(category, '') = @category))
        AND (@filter_product IS NULL OR {alias}.product_id = (SELECT product_id FROM dim_product WHERE stock_code = @filter_product))
        """;

    /// <summary>
    /// The refund summary that answers the filter, as "table alias WHERE rows": refunds by category (a third of the rows)
    /// unless the filter names a product, which only the by-product summary holds.
    /// </summary>
    public static string RefundRows(DashboardFilter filter, string alias) => filter.Product is null
        ? $"agg_refunds_category_daily {alias} WHERE {Rows(alias)} AND (@category IS NULL OR {alias}.category = @category)"
        : $"agg_refunds_daily {alias} WHERE {ProductRows(alias)}";

    /// <summary>
    /// <see cref="RefundRows"/> for a read that needs neither reason nor category (totals by day or store): one row per
    /// store-day when the filter names no category or product.
    /// </summary>
    public static string RefundTotalRows(DashboardFilter filter, string alias) => filter.Category is null && filter.Product is null
        ? $"agg_refunds_store_daily {alias} WHERE {Rows(alias)}"
        : RefundRows(filter, alias);

    /// <summary>
    /// The filter's parameters (@from, @to, @all_stores, @stores, @region, @source, @category, @filter_product: so named
    /// that a page's own @product, say a basket explorer's, does not clash with it).
    /// </summary>
    public static void AddParameters(NpgsqlCommand command, DashboardFilter filter)
    {
        command.Parameters.AddWithValue("from", DateKeys.Of(filter.From));
        command.Parameters.AddWithValue("to", DateKeys.Of(filter.To));
        command.Parameters.AddWithValue("all_stores", filter.Stores.Count == 0 && filter.Region is null);
        command.Parameters.AddWithValue("stores", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.Stores.ToArray());
        command.Parameters.AddWithValue("region", NpgsqlDbType.Text, (object?)filter.Region ?? DBNull.Value);
        command.Parameters.AddWithValue("source", NpgsqlDbType.Text, (object?)filter.Source ?? DBNull.Value);
        command.Parameters.AddWithValue("category", NpgsqlDbType.Text, (object?)filter.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("filter_product", NpgsqlDbType.Text, (object?)filter.Product ?? DBNull.Value);
    }
}
