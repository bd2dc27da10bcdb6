using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Reads a staged file for the Uploads page — its sheets, its first rows — off the circuit, within the load's limits and
/// <see cref="LoadOptions.MaxPreviewSeconds"/>: a file that would take longer is refused like an unreadable one.
/// </summary>
public sealed class StagedFileReads(IOptions<LoadOptions> options)
{
    public Task<IReadOnlyList<string>> SheetsAsync(StagedFile staged, ReadOptions read, CancellationToken cancellationToken) =>
        RunAsync(staged, read, bounded => WorkbookSheets.List(() => File.OpenRead(staged.Path), staged.OriginalName, bounded), cancellationToken);

    public Task<FilePreview> PreviewAsync(StagedFile staged, ReadOptions read, int rows, CancellationToken cancellationToken) =>
        RunAsync(staged, read, bounded => FilePreview.Read(() => File.OpenRead(staged.Path), staged.OriginalName, rows, bounded), cancellationToken);

    /// <exception cref="FileRefusedException">The file cannot be read, or not within the time limit.</exception>
    private async Task<T> RunAsync<T>(StagedFile staged, ReadOptions read, Func<ReadOptions, T> work, CancellationToken cancellationToken)
    {
        var seconds = options.Value.MaxPreviewSeconds;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await Task.Run(() => work(options.Value.Bounded(read, limit.Token)), limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FileRefusedException($"{staged.OriginalName} could not be read within {seconds:0.#} s (Ingestion:MaxPreviewSeconds). " +
                "Save it as CSV, or split it, and upload it again.");
        }
    }
}
