namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// The HTTP endpoint a source system's records are pulled from, and where its pulls stand: the cursor (the latest
/// value of the cursor field among records that loaded) and the outcome of the latest pull. One per source.
/// </summary>
public sealed class SourceEndpoint
{
    public const int MaxUrlLength = 2000;

    /// <summary>At most what a retailer's API gives a page; the column's check constraint holds the same bound.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The source system (a row of dim_retailer).</summary>
    public int RetailerId { get; set; }

    public required string BaseUrl { get; set; }

    /// <summary>"pages" or "next-link" (see <see cref="Core.Ingestion.Pulls.ApiPaging"/>).</summary>
    public required string Paging { get; set; }

    public int PageSize { get; set; }

    /// <summary>The query parameter the cursor goes in, e.g. since or modified_after.</summary>
    public required string SinceParameter { get; set; }

    /// <summary>Where the records are in an answer, e.g. data or result.items; null when the answer is the array.</summary>
    public string? RecordsPath { get; set; }

    /// <summary>The records' timestamp or id field whose latest value says where the next pull starts.</summary>
    public required string CursorField { get; set; }

    /// <summary>Cron of the recurring pull (UTC).</summary>
    public required string Schedule { get; set; }

    /// <summary>"none", "api-key", "bearer" or "basic".</summary>
    public required string Auth { get; set; }

    /// <summary>The header an API key goes in, e.g. X-Api-Key.</summary>
    public string? AuthHeader { get; set; }

    /// <summary>The user name of basic authentication.</summary>
    public string? AuthUser { get; set; }

    /// <summary>The API key, token or password, encrypted with ASP.NET Data Protection; never shown or logged.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The cursor value the next pull asks from (null: from the beginning).</summary>
    public string? Cursor { get; set; }

    public DateTime? LastAttemptAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Why the latest pull failed; null when it succeeded.</summary>
    public string? LastError { get; set; }

    /// <summary>When the pulls began failing (the first failure since the last success).</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>Records the latest pull fetched (each once).</summary>
    public int LastRecords { get; set; }

    public long? LastUploadId { get; set; }

    public required string SavedBy { get; set; }
    public DateTime SavedAt { get; set; }
}
