namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// ln(1+x) and eˣ−1 without the cancellation of the naive forms near 0 (Kahan's corrections); .NET's
/// <c>double.LogP1</c> and <c>double.ExpM1</c> are the naive forms.
/// </summary>
internal static class Accurate
{
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (Math.Abs(x) > 0.5)
            return u - 1.0;
        if (u == 1.0)
            return x;
        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }
}
