namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// BG/NBD parameters (Fader, Hardie &amp; Lee 2005), times in weeks: while active a customer buys as a Poisson process
/// whose rate varies across customers as Gamma(shape <paramref name="R"/>, rate <paramref name="Alpha"/>); after each
/// purchase the customer drops out with a probability that varies as Beta(<paramref name="A"/>, <paramref name="B"/>).
/// A = B = 0 stands for the NBD: no drop-out, every customer stays active (see <see cref="HasDropout"/>).
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>The NBD, the BG/NBD's limit when no drop-out shows in the data.</summary>
    public static BgNbdParameters WithoutDropout(double r, double alpha) => new(r, alpha, 0, 0);

    public bool HasDropout => A > 0 && B > 0;
}
