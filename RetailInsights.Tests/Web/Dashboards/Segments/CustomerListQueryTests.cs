using RetailInsights.Tests.Support;
using RetailInsights.Web.Analytics;
using RetailInsights.Web.Dashboards.Segments;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

/// <summary>The customer list's pages, sorts and totals, done in SQL, against plain SQL on the run's customers.</summary>
[Trait("Tier", "database")]
[Collection(SegmentRunsCollection.Name)]
public sealed class CustomerListQueryTests(SegmentRunsFixture runs)
{
    private CustomerListQuery Query => new(runs.Dashboards);

    private Task<List<string>> CodesAsync(string sql) => runs.ListAsync(sql, r => r.GetString(0));

    [Theory]
    [InlineData("Monetary", true, "c.monetary DESC, c.customer_code")]
    [InlineData("Code", false, "c.customer_code ASC, c.customer_code")]
    [InlineData("RecencyDays", false, "c.recency_days ASC, c.customer_code")]
    [InlineData("monetary; DROP TABLE run_customers", false, "c.monetary DESC, c.customer_code")]
    [InlineData("PreviousSegment", true, "c.monetary DESC, c.customer_code")]
    [InlineData(null, false, "c.monetary DESC, c.customer_code")]
    public void OrderBy_takesWhitelistedColumnsOnly(string? column, bool descending, string expected) =>
        Assert.Equal(expected, CustomerListQuery.OrderBy(column, descending));

    [Fact]
    public async Task PageAsync_ofASegment_pagesBySpend_withoutOverlap_andCountsItsCustomers()
    {
        var segment = (await CodesAsync($"SELECT segment FROM run_customers WHERE run_id = {runs.LatestRun} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")).Single();
        var selection = new CustomerSelection { Segment = segment };

        var first = await Query.PageAsync(runs.LatestRun, selection, null, false, 0, 10, CancellationToken.None);
        var second = await Query.PageAsync(runs.LatestRun, selection, null, false, 1, 10, CancellationToken.None);

        var expected = await CodesAsync($"""
            SELECT customer_code FROM run_customers WHERE run_id = {runs.LatestRun} AND segment = '{segment.Replace("'", "''")}'
            ORDER BY monetary DESC, customer_code LIMIT 20
            """);
        Assert.Equal(expected, first.Rows.Concat(second.Rows).Select(r => r.Code).ToList());
        Assert.Equal(await runs.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM run_customers WHERE run_id = {runs.LatestRun} AND segment = '{segment.Replace("'", "''")}'"), first.Total);
        Assert.All(first.Rows, r => Assert.Equal(segment, r.Segment));
    }

    [Fact]
    public async Task PageAsync_ofAMove_listsExactlyThoseCustomers_withTheirSegmentInThePreviousRun()
    {
        var move = (await runs.ListAsync($"""
            SELECT from_segment, to_segment FROM run_segment_moves WHERE run_id = {runs.LatestRun} AND from_segment NOT IN ('', to_segment)
            ORDER BY customers DESC, 1, 2 LIMIT 1
            """, r => (From: r.GetString(0), To: r.GetString(1)))).Single();

        var page = await Query.PageAsync(runs.LatestRun, new CustomerSelection { PreviousSegment = move.From, Segment = move.To }, "Code", false, 0,
            CustomerListQuery.MaxPageSize, CancellationToken.None);

        var expected = await CodesAsync($"""
            SELECT a.customer_code FROM run_customers a JOIN run_customers b ON b.run_id = {runs.EarlierRun} AND b.customer_code = a.customer_code
            WHERE a.run_id = {runs.LatestRun} AND b.segment = '{move.From.Replace("'", "''")}' AND a.segment = '{move.To.Replace("'", "''")}'
            ORDER BY a.customer_code
            """);
        Assert.Equal(expected.Take(CustomerListQuery.MaxPageSize), page.Rows.Select(r => r.Code));
        Assert.Equal(expected.Count, page.Total);
        Assert.All(page.Rows, r => Assert.Equal((move.From, move.To), (r.PreviousSegment, r.Segment)));
    }

    [Fact]
    public async Task PageAsync_ofCustomersNotScoredBefore_listsThoseTheEarlierRunLacks()
    {
        var page = await Query.PageAsync(runs.LatestRun, new CustomerSelection { PreviousSegment = CustomerSelection.NotScoredBefore }, "Code", false, 0,
            CustomerListQuery.MaxPageSize, CancellationToken.None);

        var expected = await CodesAsync($"""
            SELECT a.customer_code FROM run_customers a
            WHERE a.run_id = {runs.LatestRun} AND NOT EXISTS (SELECT 1 FROM run_customers b WHERE b.run_id = {runs.EarlierRun} AND b.customer_code = a.customer_code)
            ORDER BY a.customer_code
            """);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Take(CustomerListQuery.MaxPageSize), page.Rows.Select(r => r.Code));
        Assert.Equal(expected.Count, page.Total);
        Assert.All(page.Rows, r => Assert.Null(r.PreviousSegment));
    }

    [Fact]
    public async Task PageAsync_ofACellSearchedAndSortedByRecency_equalsSql_andCapsThePageSize()
    {
        var cell = (await runs.ListAsync($"""
            SELECT r, (f + m + 1) / 2 FROM run_customers WHERE run_id = {runs.LatestRun} GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1
            """, r => (R: (int)r.GetInt16(0), FM: r.GetInt32(1)))).Single();
        var selection = new CustomerSelection { R = cell.R, FM = cell.FM, Search = "1" };

        var page = await Query.PageAsync(runs.LatestRun, selection, "RecencyDays", true, 0, 10_000, CancellationToken.None);

        var matching = $"""
            FROM run_customers WHERE run_id = {runs.LatestRun} AND r = {cell.R} AND (f + m + 1) / 2 = {cell.FM} AND customer_code LIKE '%1%'
            """;
        Assert.Equal(await CodesAsync($"SELECT customer_code {matching} ORDER BY recency_days DESC, customer_code LIMIT {CustomerListQuery.MaxPageSize}"),
            page.Rows.Select(r => r.Code).ToList());
        Assert.Equal(await runs.Database.ScalarAsync<long>($"SELECT count(*) {matching}"), page.Total);
    }
}
