using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// The dimension rows a file's sales and refunds refer to — days, stores, products, customers — gathered while the
/// file is staged, and added in a short transaction of their own before the facts. Committing them first lets loads
/// run side by side: inside the facts' transaction, a new customer that two files share made the second load wait for
/// the whole first one. A load that fails afterwards leaves only these descriptive rows, which no count includes and
/// its retry needs anyway. Past the load's memory budget the codes are no longer kept (<see cref="Overflowed"/>): the
/// load then adds them from its stage instead (<see cref="DimensionSql.FromStage"/>).
/// </summary>
internal sealed class DimensionRows(MemoryBudget budget)
{
    private readonly HashSet<DateOnly> _days = [];
    private readonly HashSet<string> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Description, bool IsNonProduct)> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _customers = new(StringComparer.Ordinal);

    /// <summary>More codes than the budget allows: none are kept, and the load adds them from its stage.</summary>
    public bool Overflowed => budget.Exceeded;

    public bool IsEmpty => _stores.Count == 0 && _products.Count == 0;

    public IReadOnlyCollection<string> StockCodes => _products.Keys;

    public IReadOnlyCollection<string> StoreCodes => _stores;

    public void AddSale(string stockCode, string? description, bool isNonProduct, DateTime day, string storeCode, string? customerCode, string? country)
    {
        if (_products.TryGetValue(stockCode, out var product))
        {
            if (product.Description is null && description is not null)
                _products[stockCode] = (description, isNonProduct);
        }
        else if (Charge(stockCode))
            _products[stockCode] = (description, isNonProduct);
        Add(day, storeCode, customerCode, country);
    }

    public void AddRefund(string stockCode, DateTime day, string storeCode, string? customerCode)
    {
        if (!_products.ContainsKey(stockCode) && Charge(stockCode))
            _products[stockCode] = (null, false);
        Add(day, storeCode, customerCode, null);
    }

    private void Add(DateTime day, string storeCode, string? customerCode, string? country)
    {
        if (Overflowed)
            return;
        _days.Add(DateOnly.FromDateTime(day));
        if (!_stores.Contains(storeCode) && Charge(storeCode))
            _stores.Add(storeCode);
        if (customerCode is not null && !_customers.ContainsKey(customerCode) && Charge(customerCode))
            _customers[customerCode] = country;
    }

    /// <returns>Whether the code may be kept; once the budget is spent, nothing is kept any more.</returns>
    private bool Charge(string code)
    {
        if (budget.TrySpend(MemoryBudget.ForCode(code)))
            return true;
        _days.Clear();
        _stores.Clear();
        _products.Clear();
        _customers.Clear();
        return false;
    }

    /// <summary>Adds what is missing and returns the ids of every row the file refers to.</summary>
    public async Task<DimensionIds> AddMissingAsync(NpgsqlDataSource dataSource, string retailerCode, CancellationToken cancellationToken)
    {
        if (IsEmpty || Overflowed)
            return DimensionIds.None;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(DimensionSql.Retailer.Replace("@retailer", "$1", StringComparison.Ordinal), (retailerCode, NpgsqlDbType.Text)),
                Command(DimensionSql.Dates("SELECT unnest($1) AS d"), (_days.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Date)),
                Command(DimensionSql.Stores("SELECT unnest($1) AS code"), (_stores.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)),
                Command(DimensionSql.Products("SELECT * FROM unnest($1, $2, $3) AS p (stock_code, description, is_non_product)"),
                    (_products.Keys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                    (_products.Values.Select(p => p.Description).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                    (_products.Values.Select(p => p.IsNonProduct).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Boolean)),
                Command(DimensionSql.Customers("SELECT * FROM unnest($1, $2) AS c (customer_code, country)"),
                    (_customers.Keys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                    (_customers.Values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        var ids = await ReadIdsAsync(connection, retailerCode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private async Task<DimensionIds> ReadIdsAsync(NpgsqlConnection connection, string retailerCode, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("SELECT retailer_id FROM dim_retailer WHERE code = $1", (retailerCode, NpgsqlDbType.Text)),
                Command("SELECT stock_code, product_id FROM dim_product WHERE stock_code = ANY($1)",
                    (_products.Keys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)),
                Command("SELECT store_code, store_id FROM dim_store WHERE store_code = ANY($1)",
                    (_stores.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)),
                Command("SELECT customer_code, customer_id FROM dim_customer WHERE customer_code = ANY($1)",
                    (_customers.Keys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var retailerId = reader.GetInt32(0);
        var maps = new Dictionary<string, int>[3];
        for (var i = 0; i < maps.Length; i++)
        {
            await reader.NextResultAsync(cancellationToken);
            maps[i] = new Dictionary<string, int>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
                maps[i][reader.GetString(0)] = reader.GetInt32(1);
        }
        return new DimensionIds(retailerId, maps[0], maps[1], maps[2]);
    }

    private static NpgsqlBatchCommand Command(string sql, params (object Value, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = parameter.Type, Value = parameter.Value });
        return command;
    }
}

/// <summary>The surrogate ids of the dimension rows one file refers to, by their codes.</summary>
internal sealed record DimensionIds(
    int RetailerId,
    IReadOnlyDictionary<string, int> Products,
    IReadOnlyDictionary<string, int> Stores,
    IReadOnlyDictionary<string, int> Customers)
{
    public static readonly DimensionIds None = new(0, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
}
