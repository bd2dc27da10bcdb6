namespace RetailInsights.Web.Admin.DemoData;

public sealed class DemoLoadSummary
{
    public int FilesLoaded { get; private set; }
    public int FilesAlreadyLoaded { get; private set; }
    public long RowsLoaded { get; private set; }
    public Dictionary<string, long> RowsByKind { get; } = [];

    /// <param name="rows">Rows inserted, or null when the file had been loaded before.</param>
    public void Add(string kind, long? rows)
    {
        if (rows is null)
        {
            FilesAlreadyLoaded++;
            return;
        }
        FilesLoaded++;
        RowsLoaded += rows.Value;
        RowsByKind[kind] = RowsByKind.GetValueOrDefault(kind) + rows.Value;
    }
}
