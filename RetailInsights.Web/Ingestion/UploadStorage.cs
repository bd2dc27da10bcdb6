using Microsoft.Extensions.Options;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Streams uploads to the staging folder in chunks, hashing as it goes: a file is never held whole in memory, and a
/// file over the limit is cut off and deleted as soon as it crosses it.
/// </summary>
public sealed class UploadStorage(IOptions<IngestionOptions> options, IHostEnvironment environment)
{
    public string StagingDirectory => ResolveDirectory(options.Value.StagingPath);

    public string DropDirectory => ResolveDirectory(options.Value.DropFolder);

    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<StagedFile> StageAsync(Stream source, string originalName, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        await using var file = CreateStagingFile(originalName);
        var buffer = new byte[StagingFile.ChunkSize];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            progress?.Report(file.Length);
        }
        return await file.CompleteAsync();
    }

    /// <summary>A new file in the staging folder, for content made here (a pull's records) rather than streamed in.</summary>
    public StagingFile CreateStagingFile(string originalName)
    {
        Directory.CreateDirectory(StagingDirectory);
        var safeName = string.Concat(Path.GetFileName(originalName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return new StagingFile(Path.Combine(StagingDirectory, $"{Guid.NewGuid():N}-{safeName}"), originalName, MaxBytes);
    }

    /// <summary>Whether a path lies in the staging folder (only those are ever deleted by the app).</summary>
    public bool IsStaged(string path) =>
        Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && directory == StagingDirectory;

    private string ResolveDirectory(string configured) =>
        Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured));
}
