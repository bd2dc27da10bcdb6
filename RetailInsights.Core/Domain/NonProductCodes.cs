namespace RetailInsights.Core.Domain;

/// <summary>
/// Stock codes that are not goods (postage, fees, adjustments). Their lines are kept but flagged so that
/// basket mining and RFM can leave them out; the list is what real Online Retail files and our generator hold.
/// </summary>
public static class NonProductCodes
{
    /// <summary>The generator's admin-fee codes (a minimarket's bill-payment and top-up fees).</summary>
    public static readonly IReadOnlyList<string> GeneratorAdminFees = ["ADMIN-FEE", "TOPUP-FEE"];

    private static readonly HashSet<string> Exact = new(
        ["POST", "DOT", "M", "BANK CHARGES", "AMAZONFEE", "ADJUST", "ADJUST2", "D", "CRUK", "C2", "S", "PADS", "B",
         .. GeneratorAdminFees],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Prefixes = ["DCGS", "TEST", "gift_", "AMAZON"];

    public static bool IsNonProduct(string stockCode)
    {
        var code = stockCode.Trim();
        return Exact.Contains(code) || Prefixes.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
