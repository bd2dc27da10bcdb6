using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The multipart form of <c>POST /api/uploads</c> as the OpenAPI document describes it: every field is optional and
/// comes before the file, which is read as it streams (a field after it is refused). The endpoint reads the form
/// itself; this type only describes it.
/// </summary>
[Description("The upload form: the optional fields in this order, then the file.")]
public sealed record UploadForm
{
    [JsonPropertyName("source"), MaxLength(64), Description("A source system's code: its saved column mapping applies.")]
    public string? Source { get; init; }

    [JsonPropertyName("kind"), MaxLength(64), Description("transactions, refunds, product_catalog or store_locations; detected from the header when left out.")]
    public string? Kind { get; init; }

    [JsonPropertyName("store"), MaxLength(64), Description("The store of lines without a store column.")]
    public string? Store { get; init; }

    [JsonPropertyName("dateOrder"), MaxLength(10), Description("day-first or month-first, for slashed dates no value proves.")]
    public string? DateOrder { get; init; }

    [JsonPropertyName("retailer"), MaxLength(64), Description("The retailer (chain) the file belongs to; default \"default\".")]
    public string? Retailer { get; init; }

    [JsonPropertyName("sheet"), MaxLength(64), Description("The sheet of an Excel workbook to load, by name or 1-based number.")]
    public string? Sheet { get; init; }

    [JsonPropertyName("replaces"), MaxLength(20), Description("The id of an upload this key sent that this file corrects.")]
    public string? Replaces { get; init; }

    [JsonPropertyName("confirm"), MaxLength(5), Description("true to replace even when the correction differs by more than the usual share.")]
    public string? Confirm { get; init; }

    [JsonPropertyName("file"), Required, Description("The file: CSV (optionally .gz), JSON, NDJSON or .xlsx; last in the form.")]
    public required IFormFile File { get; init; }
}
