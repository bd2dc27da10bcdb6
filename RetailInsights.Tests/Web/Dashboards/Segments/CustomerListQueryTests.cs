using RetailInsights.Web.Dashboards.Segments;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

public sealed class CustomerListQueryTests
{
    [Theory]
    [InlineData("Monetary", true, "c.monetary DESC, c.customer_code")]
    [InlineData("Code", false, "c.customer_code ASC, c.customer_code")]
    [InlineData("RecencyDays", false, "c.recency_days ASC, c.customer_code")]
    [InlineData("monetary; DROP TABLE run_customers", false, "c.monetary DESC, c.customer_code")]
    [InlineData("PreviousSegment", true, "c.monetary DESC, c.customer_code")]
    [InlineData(null, false, "c.monetary DESC, c.customer_code")]
    public void OrderBy_takesWhitelistedColumnsOnly(string? column, bool descending, string expected) =>
        Assert.Equal(expected, CustomerListQuery.OrderBy(column, descending));
}
