namespace RetailInsights.Web.Quality;

public sealed record UploadQuality(
    long UploadId,
    string FileName,
    string Status,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long RowsDuplicate,
    long RowsFlagged)
{
    public double AcceptedShare => RowsRead == 0 ? 0 : (double)RowsAccepted / RowsRead;
}

public sealed record ReasonCount(string Reason, long Rows);
