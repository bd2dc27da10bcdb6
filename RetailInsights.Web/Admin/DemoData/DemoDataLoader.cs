using System.Security.Cryptography;
using Npgsql;
using RetailInsights.Core.Domain;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.DemoData;

/// <summary>
/// Loads the generator's files straight into the star schema: PostgreSQL's own CSV COPY into a staging table,
/// then set-based inserts, one transaction per file. It trusts its input (only generator files) and refuses any
/// row it cannot place; files from stores go through the ingestion pipeline instead.
/// </summary>
public sealed class DemoDataLoader(NpgsqlDataSource dataSource)
{
    public const string RetailerCode = "demo";
    private const string LoadedBy = "demo loader";

    public async Task<DemoLoadSummary> LoadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        var summary = new DemoLoadSummary();
        foreach (var file in DemoFiles.InLoadOrder(directory))
        {
            var loaded = await LoadFileAsync(file, cancellationToken);
            summary.Add(file.Kind, loaded);
        }
        return summary;
    }

    private async Task<long?> LoadFileAsync(DemoFile file, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(File.OpenRead(file.Path), cancellationToken));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (await ScalarAsync<long?>(connection, "SELECT upload_id FROM uploads WHERE sha256 = @sha AND status = 'loaded'",
                cancellationToken, ("sha", sha256)) is not null)
            return null;

        var uploadId = await ScalarAsync<long>(connection, """
            INSERT INTO uploads (file_name, size_bytes, sha256, kind, status, uploaded_by, uploaded_at, started_at)
            VALUES (@name, @size, @sha, @kind, 'loading', @by, now(), now()) RETURNING upload_id
            """, cancellationToken, ("name", System.IO.Path.GetFileName(file.Path)),
            ("size", new FileInfo(file.Path).Length), ("sha", sha256), ("kind", file.Kind), ("by", LoadedBy));

        var sql = DemoLoadSql.For(file.Kind);
        await ExecuteAsync(connection, sql.CreateStage, cancellationToken);
        await CopyCsvAsync(connection, sql.CopyCommand, file.Path, cancellationToken);
        var rowsRead = await ScalarAsync<long>(connection, "SELECT count(*) FROM stage", cancellationToken);

        (string, object)[] parameters =
        [
            ("upload", uploadId), ("retailer", RetailerCode),
            ("exact", NonProductCodes.ExactCodes.Select(c => c.ToUpperInvariant()).ToArray()),
            ("prefixes", NonProductCodes.Prefixes.Select(p => p.ToUpperInvariant().Replace("_", "\\_") + "%").ToArray()),
        ];
        foreach (var statement in sql.Prepare)
            await ExecuteAsync(connection, statement, cancellationToken, parameters);
        if (sql.Unplaceable is not null && await ScalarAsync<long>(connection, sql.Unplaceable, cancellationToken) is > 0 and var bad)
            throw new InvalidDataException(
                $"{System.IO.Path.GetFileName(file.Path)}: {bad} rows cannot be placed by the demo loader; load real files through ingestion.");
        long accepted = 0;
        foreach (var statement in sql.Load)
            accepted += await ExecuteAsync(connection, statement, cancellationToken, parameters);
        var duplicates = rowsRead - accepted;

        await ExecuteAsync(connection, """
            UPDATE uploads SET status = 'loaded', finished_at = now(), rows_read = @read, rows_accepted = @accepted,
                rows_duplicate = @duplicates
            WHERE upload_id = @upload
            """, cancellationToken, ("read", rowsRead), ("accepted", accepted), ("duplicates", duplicates), ("upload", uploadId));
        await transaction.CommitAsync(cancellationToken);
        return accepted;
    }

    private static async Task CopyCsvAsync(NpgsqlConnection connection, string copyCommand, string path, CancellationToken cancellationToken)
    {
        using var source = new StreamReader(path);
        await using var target = await connection.BeginTextImportAsync(copyCommand, cancellationToken);
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default! : (T)value;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters.Where(p => sql.Contains("@" + p.Name, StringComparison.Ordinal)))
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
