using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>
/// A source's endpoint as pages and commands show it: its settings and where its pulls stand, and whether a secret is
/// stored — never the secret itself.
/// </summary>
public sealed record EndpointSettings(
    string Code,
    string BaseUrl,
    string Paging,
    int PageSize,
    string SinceParameter,
    string? RecordsPath,
    string CursorField,
    string Schedule,
    string Auth,
    string? AuthHeader,
    string? AuthUser,
    bool HasSecret,
    string? Cursor,
    DateTime? LastAttemptAt,
    DateTime? LastSuccessAt,
    string? LastError,
    DateTime? FailingSince,
    int LastRecords,
    long? LastUploadId,
    string SavedBy,
    DateTime SavedAt)
{
    public bool IsFailing => LastError is not null;

    public static EndpointSettings From(string code, SourceEndpoint e) => new(code, e.BaseUrl, e.Paging, e.PageSize, e.SinceParameter,
        e.RecordsPath, e.CursorField, e.Schedule, e.Auth, e.AuthHeader, e.AuthUser, e.ProtectedSecret is not null, e.Cursor, e.LastAttemptAt,
        e.LastSuccessAt, e.LastError, e.FailingSince, e.LastRecords, e.LastUploadId, e.SavedBy, e.SavedAt);
}

/// <summary>What a save of an endpoint changes: null keeps a setting as it is (or its default, for a new endpoint).</summary>
public sealed record EndpointChange
{
    public string? BaseUrl { get; init; }
    public string? Paging { get; init; }
    public int? PageSize { get; init; }
    public string? SinceParameter { get; init; }

    /// <summary>"" for an answer that is the array of records itself.</summary>
    public string? RecordsPath { get; init; }

    public string? CursorField { get; init; }
    public string? Schedule { get; init; }
    public string? Auth { get; init; }
    public string? AuthHeader { get; init; }
    public string? AuthUser { get; init; }

    /// <summary>A new API key, token or password; null keeps the stored one.</summary>
    public string? Secret { get; init; }

    /// <summary>Where the next pull starts; "" to start from the beginning.</summary>
    public string? Cursor { get; init; }

    /// <summary>Never shows the secret: records print their members, and a change is what an audit entry describes.</summary>
    public override string ToString() => $"endpoint change ({(Secret is null ? "secret kept" : "secret replaced")})";
}
