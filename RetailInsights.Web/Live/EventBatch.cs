using RetailInsights.Core.Ingestion;

namespace RetailInsights.Web.Live;

/// <summary>One validated event of a batch, with its place in the request.</summary>
public sealed record AcceptedEvent<TRow>(int Index, string EventId, TRow Row) where TRow : ParsedRow;

/// <summary>
/// What became of a batch's valid events once written: loaded as new facts, sent before (a retry: nothing changed),
/// already loaded from a file, and of the new ones those too late to update their minute's window.
/// </summary>
public sealed record EventBatchResult(int Accepted, int Duplicates, int AlreadyLoaded, int Late);
