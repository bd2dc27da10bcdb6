using Npgsql;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Web.Data;

/// <summary>The database itself refuses dishonest data, whatever code writes it.</summary>
[Trait("Tier", "database")]
public sealed class SchemaConstraintTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        // A fresh database: the first upload gets id 1, which the facts below refer to.
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.ExecuteAsync("""
            INSERT INTO dim_date (date_key, date, year, quarter, month, day, iso_day_of_week, is_weekend)
                VALUES (20250701, '2025-07-01', 2025, 3, 7, 1, 2, false);
            INSERT INTO dim_product (product_id, stock_code, is_non_product) OVERRIDING SYSTEM VALUE VALUES (1, 'IND-001', false);
            INSERT INTO dim_store (store_id, store_code) OVERRIDING SYSTEM VALUE VALUES (1, 'JKT-01');
            INSERT INTO dim_retailer (retailer_id, code, name) OVERRIDING SYSTEM VALUE VALUES (1, 'demo', 'Demo');
            INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at)
                VALUES ('a.csv', 10, repeat('a', 64), 'transactions', 'loaded', 'test', now());
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FactSales_validLine_isAccepted()
    {
        await _database.ExecuteAsync(Sale(quantity: "2", unitPrice: "3500", lineAmount: "7000"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
    }

    [Theory]
    [InlineData("0", "3500", "0", "ck_fact_sales_quantity")]
    [InlineData("-1", "3500", "-3500", "ck_fact_sales_quantity")]
    [InlineData("1", "-5", "-5", "ck_fact_sales_unit_price")]
    [InlineData("2", "3500", "3500", "ck_fact_sales_line_amount")]
    public async Task FactSales_dishonestLine_isRefusedByItsConstraint(string quantity, string unitPrice, string lineAmount, string constraint)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(Sale(quantity, unitPrice, lineAmount)));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(constraint, error.ConstraintName);
    }

    [Fact]
    public async Task FactSales_sameLineTwice_isRefusedByNaturalKey()
    {
        await _database.ExecuteAsync(Sale("1", "10", "10"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(Sale("1", "10", "10")));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal("pk_fact_sales", error.ConstraintName);
    }

    [Fact]
    public async Task Refunds_unknownReasonOrNegativeAmount_isRefused()
    {
        var badReason = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(Refund("lost_in_space", "10")));
        var negative = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(Refund("defective", "-1")));
        await _database.ExecuteAsync(Refund("cancelled_invoice", "10"));

        Assert.Equal("ck_refunds_reason", badReason.ConstraintName);
        Assert.Equal("ck_refunds_amount", negative.ConstraintName);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM refunds"));
    }

    [Theory]
    [InlineData("queued", "loaded")]
    [InlineData("loading", "queued")]
    [InlineData("loaded", "parsing")]
    public async Task Uploads_sameContentHeldTwice_isRefused(string first, string second)
    {
        // Content of its own (the set-up's upload holds repeat('a', 64)).
        string Held(string status) => Upload(status).Replace("repeat('a', 64)", "repeat('b', 64)");
        await _database.ExecuteAsync(Held("failed"));
        await _database.ExecuteAsync(Held("refused"));
        await _database.ExecuteAsync(Held(first));
        var error = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(Held(second)));
        Assert.Equal("ux_uploads_sha256_held", error.ConstraintName);
    }

    [Fact]
    public async Task Uploads_badStatusOrHash_isRefused()
    {
        var status = await Assert.ThrowsAsync<PostgresException>(() => _database.ExecuteAsync(Upload("half-done")));
        var hash = await Assert.ThrowsAsync<PostgresException>(() =>
            _database.ExecuteAsync(Upload("failed").Replace("repeat('a', 64)", "'not-a-hash'")));
        Assert.Equal("ck_uploads_status", status.ConstraintName);
        Assert.Equal("ck_uploads_sha256", hash.ConstraintName);
    }

    [Fact]
    public async Task RejectedRows_deletingTheUpload_removesItsRejectedRows()
    {
        await _database.ExecuteAsync(Upload("failed"));
        var uploadId = await _database.ScalarAsync<long>("SELECT max(upload_id) FROM uploads");
        await _database.ExecuteAsync(
            $"INSERT INTO rejected_rows (upload_id, line_number, raw_text, reason_codes) VALUES ({uploadId}, 3, 'x,y', ARRAY['bad_price'])");
        await _database.ExecuteAsync($"DELETE FROM uploads WHERE upload_id = {uploadId}");
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM rejected_rows"));
    }

    private static string Sale(string quantity, string unitPrice, string lineAmount) => $"""
        INSERT INTO fact_sales (invoice, product_id, date_key, customer_id, store_id, retailer_id, upload_id, quantity,
            unit_price, line_amount, invoiced_at, is_non_product, is_zero_price)
        VALUES ('INV-1', 1, 20250701, NULL, 1, 1, 1, {quantity}, {unitPrice}, {lineAmount}, '2025-07-01 10:00', false, false)
        """;

    private static string Refund(string reason, string amount) => $"""
        INSERT INTO refunds (refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key,
            upload_id, quantity, amount, reason, refunded_at)
        VALUES ('R-1', 'INV-1', 1, 1, NULL, 1, 20250701, 1, 1, {amount}, '{reason}', '2025-07-01 12:00')
        """;

    private static string Upload(string status) => $"""
        INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at)
        VALUES ('b.csv', 10, repeat('a', 64), 'transactions', '{status}', 'test', now())
        """;
}
