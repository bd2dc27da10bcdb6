using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Streams uploads to the staging folder in chunks, hashing as it goes: a file is never held whole in memory, and a
/// file over the limit is cut off and deleted as soon as it crosses it.
/// </summary>
public sealed class UploadStorage(IOptions<IngestionOptions> options, IHostEnvironment environment)
{
    private const int ChunkSize = 128 * 1024;

    public string StagingDirectory => ResolveDirectory(options.Value.StagingPath);

    public string DropDirectory => ResolveDirectory(options.Value.DropFolder);

    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<StagedFile> StageAsync(Stream source, string originalName, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(StagingDirectory);
        var safeName = string.Concat(Path.GetFileName(originalName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var path = Path.Combine(StagingDirectory, $"{Guid.NewGuid():N}-{safeName}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long total = 0;
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, useAsync: true);
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                    throw new UploadTooLargeException(originalName, MaxBytes);
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(total);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return new StagedFile(path, Path.GetFileName(originalName), total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Whether a path lies in the staging folder (only those are ever deleted by the app).</summary>
    public bool IsStaged(string path) =>
        Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && directory == StagingDirectory;

    private string ResolveDirectory(string configured) =>
        Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured));
}
