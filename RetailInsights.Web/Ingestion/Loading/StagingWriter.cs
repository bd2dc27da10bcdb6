using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// Streams a file's records into the temporary staging table with binary COPY (the fastest way into PostgreSQL),
/// inside the caller's transaction: accepted rows fill the kind's columns, rejected lines fill raw_text and
/// reason_codes. One COPY for both, because a connection can hold only one COPY at a time.
/// </summary>
internal sealed class StagingWriter<TRow> : IDisposable where TRow : ParsedRow
{
    private readonly NpgsqlBinaryImporter _copy;
    private readonly KindLoad<TRow> _load;
    private readonly long _maxRejectedKept;
    private long _rejectedKept;

    private StagingWriter(NpgsqlBinaryImporter copy, KindLoad<TRow> load, long maxRejectedKept)
    {
        _copy = copy;
        _load = load;
        _maxRejectedKept = maxRejectedKept;
    }

    /// <param name="maxRejectedKept">Rejected lines kept at most (the first ones); every one is still counted by reason.</param>
    public static StagingWriter<TRow> Begin(NpgsqlConnection connection, KindLoad<TRow> load, long maxRejectedKept)
    {
        using (var create = new NpgsqlCommand(load.CreateStage, connection))
            create.ExecuteNonQuery();
        return new(connection.BeginBinaryImport(CopyCommand), load, maxRejectedKept);
    }

    /// <summary>Adds accepted rows to the stage <see cref="Begin"/> created earlier in the transaction.</summary>
    public static StagingWriter<TRow> Append(NpgsqlConnection connection, KindLoad<TRow> load) =>
        new(connection.BeginBinaryImport(CopyCommand), load, 0);

    private const string CopyCommand = "COPY stage FROM STDIN (FORMAT BINARY)";

    /// <summary>Keeps a rejected line's text and reasons, up to the limit: a hostile file's millions are counted, not stored.</summary>
    public void WriteRejected(RejectedLine line)
    {
        if (++_rejectedKept > _maxRejectedKept)
            return;
        _copy.StartRow();
        _copy.Write(line.LineNumber, NpgsqlDbType.Bigint);
        for (var i = 0; i < _load.FieldCount; i++)
            _copy.WriteNull();
        // PostgreSQL text cannot hold NUL characters; everything else of the line is kept as it was.
        _copy.Write(line.RawText.Replace("\0", "\\0", StringComparison.Ordinal), NpgsqlDbType.Text);
        _copy.Write(line.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
    }

    public void WriteRow(TRow row)
    {
        _copy.StartRow();
        _copy.Write(row.LineNumber, NpgsqlDbType.Bigint);
        _load.WriteStaged(_copy, row);
        _copy.WriteNull();
        _copy.WriteNull();
    }

    public void Complete() => _copy.Complete();

    public void Dispose() => _copy.Dispose();
}
