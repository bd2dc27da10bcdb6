using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Generation;

/// <summary>The bill-payment and top-up fee lines a minimarket rings up beside the goods.</summary>
internal static class AdminFees
{
    private static readonly decimal[] Prices = [1000m, 1500m, 2000m, 2500m, 3000m];

    public static SaleLine Pick(Random random)
    {
        var code = NonProductCodes.GeneratorAdminFees[random.Next(NonProductCodes.GeneratorAdminFees.Count)];
        var description = code == "TOPUP-FEE" ? "Biaya Admin Top-Up E-Wallet" : "Biaya Admin Pembayaran Tagihan";
        return new SaleLine(-1, code, description, 1, Prices[random.Next(Prices.Length)]);
    }
}
