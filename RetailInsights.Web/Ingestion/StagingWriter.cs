using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Streams a file's records into one temporary staging table with binary COPY (the fastest way into PostgreSQL),
/// inside the caller's transaction: accepted rows fill the kind's columns, rejected lines fill raw_text and
/// reason_codes. One COPY for both, because a connection can hold only one COPY at a time.
/// </summary>
internal sealed class StagingWriter : IDisposable
{
    private readonly NpgsqlBinaryImporter _copy;
    private readonly int _fieldCount;

    private StagingWriter(NpgsqlBinaryImporter copy, int fieldCount)
    {
        _copy = copy;
        _fieldCount = fieldCount;
    }

    public static StagingWriter Begin(NpgsqlConnection connection, UploadKind kind)
    {
        using (var create = new NpgsqlCommand(LoadSql.CreateStage(kind), connection))
            create.ExecuteNonQuery();
        return Append(connection, kind);
    }

    /// <summary>Adds rows to the stage <see cref="Begin"/> created earlier in the transaction.</summary>
    public static StagingWriter Append(NpgsqlConnection connection, UploadKind kind) =>
        new(connection.BeginBinaryImport(LoadSql.CopyStage(kind)), LoadSql.FieldCount(kind));

    /// <summary>The dimension rows the staged and noted rows refer to, with the same values as the staging table.</summary>
    public DimensionRows Dimensions { get; } = new();

    /// <summary>The numbering of identical lines among the noted sales.</summary>
    public SaleOccurrences Occurrences { get; } = new();

    /// <summary>A sale that is copied straight into the sales table later, not staged: its references are noted.</summary>
    public void NoteSale(TransactionRow sale)
    {
        NoteDimensions(sale);
        Occurrences.Observe(sale);
    }

    private void NoteDimensions(TransactionRow line) =>
        Dimensions.AddSale(PgText.Clean(line.StockCode), PgText.Clean(line.Description), line.Flags.HasFlag(RowFlags.NonProduct),
            line.InvoicedAt, PgText.Clean(line.StoreId), PgText.Clean(line.CustomerId), PgText.Clean(line.Country));

    public void WriteRejected(RejectedLine line)
    {
        _copy.StartRow();
        _copy.Write(line.LineNumber, NpgsqlDbType.Bigint);
        for (var i = 0; i < _fieldCount; i++)
            _copy.WriteNull();
        // PostgreSQL text cannot hold NUL characters; everything else of the line is kept as it was.
        _copy.Write(line.RawText.Replace("\0", "\\0", StringComparison.Ordinal), NpgsqlDbType.Text);
        _copy.Write(line.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
    }

    public void WriteRow(object row)
    {
        _copy.StartRow();
        switch (row)
        {
            case TransactionRow t:
                _copy.Write(t.LineNumber, NpgsqlDbType.Bigint);
                Text(t.Invoice);
                Text(t.StockCode);
                Text(t.Description);
                _copy.Write(t.Quantity, NpgsqlDbType.Integer);
                _copy.Write(t.InvoicedAt, NpgsqlDbType.Timestamp);
                _copy.Write(t.UnitPrice, NpgsqlDbType.Numeric);
                Text(t.CustomerId);
                Text(t.Country);
                Text(t.StoreId);
                _copy.Write(t.Flags.HasFlag(RowFlags.Return), NpgsqlDbType.Boolean);
                _copy.Write(t.Flags.HasFlag(RowFlags.NonProduct), NpgsqlDbType.Boolean);
                NoteDimensions(t);
                break;
            case RefundRow r:
                _copy.Write(r.LineNumber, NpgsqlDbType.Bigint);
                Text(r.RefundId);
                Text(r.Invoice);
                Text(r.StockCode);
                _copy.Write(r.Quantity, NpgsqlDbType.Integer);
                _copy.Write(r.Amount, NpgsqlDbType.Numeric);
                Text(r.Reason);
                _copy.Write(r.RefundedAt, NpgsqlDbType.Timestamp);
                Text(r.StoreId);
                Text(r.CustomerId);
                Dimensions.AddRefund(PgText.Clean(r.StockCode), r.RefundedAt, PgText.Clean(r.StoreId), PgText.Clean(r.CustomerId));
                break;
            case ProductRow p:
                _copy.Write(p.LineNumber, NpgsqlDbType.Bigint);
                Text(p.StockCode);
                Text(p.Description);
                Text(p.Category);
                if (p.BasePrice is { } price) _copy.Write(price, NpgsqlDbType.Numeric); else _copy.WriteNull();
                _copy.Write(p.IsNonProduct, NpgsqlDbType.Boolean);
                break;
            case StoreRow s:
                _copy.Write(s.LineNumber, NpgsqlDbType.Bigint);
                Text(s.StoreId);
                Text(s.Name);
                Text(s.City);
                Text(s.Region);
                if (s.SizeSqFt is { } size) _copy.Write(size, NpgsqlDbType.Integer); else _copy.WriteNull();
                break;
            default:
                throw new ArgumentException($"Unexpected row type {row.GetType().Name}", nameof(row));
        }
        _copy.WriteNull();
        _copy.WriteNull();
    }

    public void Complete() => _copy.Complete();

    public void Dispose() => _copy.Dispose();

    private void Text(string? value)
    {
        if (value is null)
            _copy.WriteNull();
        else
            _copy.Write(PgText.Clean(value), NpgsqlDbType.Text);
    }
}
