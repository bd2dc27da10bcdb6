namespace RetailInsights.Core.Generation;

/// <summary>A sale or cancellation invoice as it goes into a transactions file; customer id 0 means anonymous.</summary>
internal sealed record GeneratedInvoice(string Invoice, DateTime Time, int StoreIndex, int CustomerId, SaleLine[] Lines);
