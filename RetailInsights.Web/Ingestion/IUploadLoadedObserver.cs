using RetailInsights.Web.Ingestion.Loading;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Told when a job has loaded an upload with new rows, so features that follow the data (the analytics run, pages
/// that refresh) subscribe here instead of Ingestion knowing them.
/// </summary>
public interface IUploadLoadedObserver
{
    Task OnLoadedAsync(UploadOutcome outcome, CancellationToken cancellationToken);
}
