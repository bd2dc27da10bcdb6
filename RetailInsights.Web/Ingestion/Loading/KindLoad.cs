using Npgsql;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// How one kind of file moves into the star schema: the columns of its staging table, how a row is copied into it,
/// the dimension rows it names, and the set-based inserts from the stage. One instance serves one load. The stage
/// (a temporary table <c>stage</c>) holds accepted rows (reason_codes NULL) and rejected lines (reason_codes set);
/// the inserts take the parameters @upload and @retailer.
/// </summary>
internal abstract class KindLoad<TRow>(MemoryBudget budget) where TRow : ParsedRow
{
    /// <summary>What this load may keep in memory; past it, the load spills to the stage.</summary>
    protected MemoryBudget Budget { get; } = budget;

    /// <summary>The dimension rows the file's rows refer to, gathered while they are staged.</summary>
    public DimensionRows Dimensions { get; } = new(budget);

    /// <summary>
    /// The inserts that add the dimension rows from the stage, for a load whose codes were more than its memory budget
    /// (<see cref="DimensionRows.Overflowed"/>); run inside the load's transaction, before the facts.
    /// </summary>
    public virtual IReadOnlyList<string> DimensionsFromStage => [];

    /// <summary>The columns between line_number and the reject columns, as in CREATE TABLE.</summary>
    protected abstract string StageColumns { get; }

    public string CreateStage => $"""
        CREATE TEMP TABLE stage (line_number bigint, {StageColumns}, raw_text text, reason_codes text[]) ON COMMIT DROP
        """;

    /// <summary>How many columns <see cref="StageColumns"/> names (a rejected line leaves them NULL).</summary>
    public abstract int FieldCount { get; }

    /// <summary>Writes a row's values for <see cref="StageColumns"/> and notes its dimension rows.</summary>
    public abstract void WriteStaged(NpgsqlBinaryImporter copy, TRow row);

    /// <summary>
    /// Statistics of the stage's filter columns only (a full ANALYZE costs more than the load): without them the planner
    /// takes the staged rows for a handful and joins them to the dimensions row by row.
    /// </summary>
    public virtual string AnalyzeStage => "ANALYZE stage (reason_codes)";

    /// <summary>The inserts from the stage whose row counts are rows loaded; the rest of the accepted rows were duplicates.</summary>
    public abstract IReadOnlyList<string> FactsFromStage { get; }

    /// <summary>Whether a row skips the stage, to be loaded by <see cref="LoadOutsideStageAsync"/> instead.</summary>
    public virtual bool SkipsStage(TRow row) => false;

    /// <summary>Notes a row that skips the stage, on the first pass.</summary>
    public virtual void NoteSkipped(TRow row)
    {
    }

    /// <summary>Loads the rows that skipped the stage, inside the load's transaction.</summary>
    /// <returns>The number of rows loaded.</returns>
    public virtual Task<long> LoadOutsideStageAsync(LoadContext context, CancellationToken cancellationToken) => Task.FromResult(0L);

    /// <summary>Runs before the inserts from the stage (e.g. to note what they will change).</summary>
    public virtual Task BeforeFactsAsync(LoadContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after every fact is in, still in the load's transaction: keeps the summaries in step.</summary>
    public virtual Task AfterFactsAsync(LoadContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    protected static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
            copy.WriteNull();
        else
            copy.Write(PgText.Clean(value), NpgsqlTypes.NpgsqlDbType.Text);
    }
}

/// <summary>What a kind's own load step may use: the load's connection (in its transaction), the file and the ids.</summary>
internal sealed record LoadContext(NpgsqlConnection Connection, Func<UploadFileReader> OpenFile, DimensionIds Ids, long UploadId,
    string RetailerCode);
