using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Dashboards.Segments.Customer;

/// <summary>
/// One customer's page, every figure an index read bounded by that customer, none a scan:
/// <list type="bullet">
/// <item>profile: dim_customer by its unique code, the latest run, the customer's row and cluster in it (primary keys);</item>
/// <item>history: run_customers through (customer_code, run_id), one row per run, the latest <see cref="RunsShown"/>;</item>
/// <item>totals, spend by week and latest invoices: agg_invoices through (customer_id, invoiced_at DESC), one row per
/// transaction of theirs — totals read them all, the weeks those of their last 52 weeks, the list the newest
/// <see cref="InvoicesShown"/>;</item>
/// <item>most-bought products: the lines of their newest <see cref="InvoicesForProducts"/> transactions, each found
/// through fact_sales' natural key (retailer_id, invoice, …): at most that many index lookups, each reading one
/// invoice's lines;</item>
/// <item>refunds: refunds through their customer_id index, the customer's refunds only.</item>
/// </list>
/// So the cost grows with the customer's own invoices, lines and refunds, and not at all with the chain's lines,
/// days, stores, products or other customers.
/// </summary>
public sealed class CustomerQueries(DashboardDatabase database)
{
    public const int InvoicesShown = 20;
    public const int ProductsShown = 10;
    public const int InvoicesForProducts = 500;
    public const int RefundsShown = 10;
    public const int RunsShown = 30;

    /// <returns>Null when no sale and no run names the customer.</returns>
    public async Task<CustomerProfile?> ProfileAsync(string code, CancellationToken cancellationToken) =>
        (await database.ListAsync(CustomerSql.Profile, null, r => r.IsDBNull(0) && !r.GetBoolean(14) ? null : new CustomerProfile(
            code,
            r.IsDBNull(0) ? null : r.GetInt32(0),
            r.IsDBNull(1) ? null : r.GetString(1),
            r.IsDBNull(2) ? null : new CustomerRun(r.GetInt64(2), r.GetFieldValue<DateOnly>(3)),
            r.IsDBNull(4) ? null : new RunCustomer
            {
                CustomerCode = code, RecencyDays = r.GetInt32(4), Frequency = r.GetInt32(5), Monetary = r.GetDecimal(6),
                R = r.GetInt16(7), F = r.GetInt16(8), M = r.GetInt16(9), Segment = r.GetString(10), Cluster = r.GetInt32(11),
            },
            r.IsDBNull(12) ? null : new CustomerCluster(r.GetInt32(11), r.GetString(12), r.GetString(13))),
            cancellationToken, ("code", code))).Single();

    public Task<List<CustomerRunEntry>> HistoryAsync(string code, CancellationToken cancellationToken) =>
        database.ListAsync(CustomerSql.History, null, r => new CustomerRunEntry(r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetString(2),
            r.GetInt16(3), r.GetInt16(4), r.GetInt16(5), r.GetInt32(6)), cancellationToken, ("code", code));

    public async Task<CustomerTotals> TotalsAsync(int customerId, CancellationToken cancellationToken) =>
        (await database.ListAsync(CustomerSql.Totals, null, r => new CustomerTotals(r.GetInt64(0), r.GetDecimal(1), r.GetInt64(2),
            r.IsDBNull(3) ? null : r.GetDateTime(3), r.IsDBNull(4) ? null : r.GetDateTime(4), r.GetInt64(5), r.GetDecimal(6)),
            cancellationToken, ("customer", customerId))).Single();

    public Task<List<CustomerWeek>> SpendByWeekAsync(int customerId, CancellationToken cancellationToken) =>
        database.ListAsync(CustomerSql.SpendByWeek, null, r => new CustomerWeek(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetDecimal(2)),
            cancellationToken, ("customer", customerId));

    public Task<List<CustomerInvoice>> InvoicesAsync(int customerId, CancellationToken cancellationToken) =>
        database.ListAsync(CustomerSql.Invoices, null, r => new CustomerInvoice(r.GetString(0), r.GetDateTime(1), r.GetString(2), r.GetInt64(3),
            r.GetDecimal(4)), cancellationToken, ("customer", customerId));

    public Task<List<CustomerProduct>> TopProductsAsync(int customerId, CancellationToken cancellationToken) =>
        database.ListAsync(CustomerSql.TopProducts, null, r => new CustomerProduct(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
            r.GetInt64(2), r.GetDecimal(3), r.GetInt64(4)), cancellationToken, ("customer", customerId));

    public Task<List<CustomerRefund>> RefundsAsync(int customerId, CancellationToken cancellationToken) =>
        database.ListAsync(CustomerSql.Refunds, null, r => new CustomerRefund(r.GetDateTime(0), r.GetString(1), r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), r.GetDecimal(5), r.GetString(6)), cancellationToken, ("customer", customerId));
}
