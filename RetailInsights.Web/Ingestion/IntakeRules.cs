using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion;

/// <summary>A field of an upload request that cannot be taken, and why, in words for the uploader.</summary>
public sealed record IntakeProblem(string Field, string Message);

public sealed class IntakeRequestException(IntakeProblem problem) : Exception(problem.Message)
{
    public IntakeProblem Problem { get; } = problem;
}

/// <summary>
/// What an uploader may say about a file, checked before a byte is written: the same limits as the uploads table and
/// the facts' codes (a store or source system code is at most <see cref="FieldLimits.Code"/> characters).
/// </summary>
public static class IntakeRules
{
    public const int MaxFileNameLength = 255;

    public const int MaxSheetLength = Data.Configurations.UploadEntityTypeConfiguration.MaxSheetLength;

    public static IntakeProblem? FirstProblem(IntakeRequest request)
    {
        if (request.Kind is { } kind && UploadKinds.Parse(kind) is null)
            return new("kind", $"kind must be transactions, refunds, product_catalog or store_locations, not '{Shorten(kind)}'.");
        if (NullIfBlank(request.DefaultStoreCode) is { Length: > FieldLimits.Code } store)
            return new("store", $"store is {store.Length} characters; a store code has at most {FieldLimits.Code}.");
        if (request.DateOrder is { } order && order is not ("month-first" or "day-first"))
            return new("dateOrder", $"dateOrder must be month-first or day-first, not '{Shorten(order)}'.");
        if (Retailer(request.RetailerCode) is { Length: > FieldLimits.Code } retailer)
            return new("retailer", $"retailer is {retailer.Length} characters; a source system code has at most {FieldLimits.Code}.");
        if (NullIfBlank(request.Source) is { Length: > FieldLimits.Code } source)
            return new("source", $"source is {source.Length} characters; a source system code has at most {FieldLimits.Code}.");
        if (NullIfBlank(request.Sheet) is { Length: > MaxSheetLength } sheet)
            return new("sheet", $"sheet is {sheet.Length} characters; a sheet's name has at most {MaxSheetLength}.");
        if (Path.GetFileName(request.FileName) is { Length: > MaxFileNameLength } name)
            return new("file", $"the file name is {name.Length} characters; at most {MaxFileNameLength}.");
        if (request.UploadedBy.Length > 256)
            return new("uploadedBy", "the uploader's name is over 256 characters.");
        return null;
    }

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The source system a file comes from: <see cref="SourceCodes.Default"/> when the uploader named none.</summary>
    public static string Retailer(string? code) => SourceCodes.Of(code);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
