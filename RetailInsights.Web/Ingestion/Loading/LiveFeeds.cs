using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// A source system's live feed — its uploads row of kind <see cref="UploadKinds.Events"/>, which its live facts belong
/// to — is not a file: no file replaces it, and it is never retried or cancelled. Live data is corrected by voiding a
/// store-day of live events (an admin's audited action), which also lets the tills send those events again.
/// </summary>
public static class LiveFeeds
{
    public static bool Is(string kind) => kind == UploadKinds.Events;

    public static bool Is(Upload upload) => Is(upload.Kind);

    /// <summary>Why a live feed upload was left as it is, and what to do instead.</summary>
    public static string Refusal(long uploadId) =>
        $"Upload #{uploadId} is a live feed: its rows are live events, not a file's, so it cannot be replaced, retried or cancelled. " +
        "Live data is corrected by an admin voiding a store-day (\"Void a store-day\" on the Live page, or " +
        "`void-events --store S --day yyyy-MM-dd --reason R`), which lets the tills send those events again. Nothing was changed.";
}
