using RetailInsights.Core.CustomerValue;

namespace RetailInsights.Tests.Core.CustomerValue;

/// <summary>The fits reproduce the published CDNOW estimates to the precision the papers print.</summary>
[Trait("Tier", "unit")]
public sealed class CdnowFitTests
{
    [Fact]
    public void BgNbdFit_cdnowCalibration_reproducesThePublishedEstimatesAndLogLikelihood()
    {
        var fit = BgNbdFitter.Fit(Cdnow.Summary.Value);

        Assert.True(fit.Converged, fit.Failure);
        Assert.False(fit.DropoutAtBound);
        var p = fit.Parameters!;
        Assert.Equal(2_357, fit.Customers);
        Assert.Equal((0.243, 4.414, 0.793, 2.426), (Math.Round(p.R, 3), Math.Round(p.Alpha, 3), Math.Round(p.A, 3), Math.Round(p.B, 3)));
        Assert.Equal(-9_582.4, Math.Round(fit.LogLikelihood, 1));
        Assert.Equal(fit.LogLikelihood, BgNbdFitter.LogLikelihood(p, Cdnow.Summary.Value), 6);
        Assert.All(fit.Starts, s => Assert.True(s.Converged, s.Exit));
    }

    [Fact]
    public void GammaGammaFit_cdnowRepeatCustomers_reproducesThePublishedEstimates()
    {
        // Fitted on the spend of the transactions themselves: the published summary rounds zbar to cents, which moves
        // γ to 15.45 (lifetimes, fitted on that file, prints 15.45 too).
        var fit = GammaGamma.Fit(CustomerSummaryBuilder.Build(Cdnow.Purchases(), new DateOnly(1997, 10, 1)));

        Assert.True(fit.Converged, fit.Failure);
        Assert.Equal(946, fit.Customers);
        var g = fit.Parameters!;
        Assert.Equal((6.25, 3.74, 15.44), (Math.Round(g.P, 2), Math.Round(g.Q, 2), Math.Round(g.Gamma, 2)));
        Assert.Equal(fit.LogLikelihood, CustomerSummaryBuilder.Build(Cdnow.Purchases(), new DateOnly(1997, 10, 1))
            .Where(c => c.X > 0).Sum(c => GammaGamma.LogLikelihood(g, c.X, c.Zbar)), 6);
    }

    [Fact]
    public void ExpectedOccasions_paperExampleCustomer_isHardiesSpreadsheetValue()
    {
        // Customer 1 of the sample (x = 2, tx = 30.43, T = 38.86), the next 39 weeks: 1.226 in the paper's spreadsheet.
        Assert.Equal(1.226, BgNbdModel.ExpectedOccasions(Cdnow.Published, 2, 30.43, 38.86, 39), 3);
        var fitted = BgNbdFitter.Fit(Cdnow.Summary.Value).Parameters!;
        Assert.Equal(1.226, BgNbdModel.ExpectedOccasions(fitted, 2, 30.43, 38.86, 39), 3);
    }

    [Theory]
    // E[X(t)] of a new customer at the fitted parameters, from Hardie's spreadsheet (lifetimes checks the same figures).
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void ExpectedOccasionsFromFirst_cdnowFit_isHardiesSpreadsheetCurve(double weeks, double expected)
    {
        var fitted = BgNbdFitter.Fit(Cdnow.Summary.Value).Parameters!;

        Assert.Equal(expected, BgNbdModel.ExpectedOccasionsFromFirst(fitted, weeks), 3);
    }

    [Fact]
    public void Build_cdnowSampleBeforeOctober_isThePublishedSummary_withTOneDayLonger()
    {
        // The published T runs to 1997-09-30 although that day's purchases count; ours runs to the exclusive end, 10-01.
        // Eight customers' only calibration purchase was worth $0, an occasion there and not here (price > 0).
        var calibrationEnd = new DateOnly(1997, 10, 1);
        var built = CustomerSummaryBuilder.Build(Cdnow.Purchases(), calibrationEnd).ToDictionary(s => s.CustomerId);
        var free = Cdnow.Purchases().Where(l => l.Amount == 0 && l.Day < calibrationEnd).Select(l => l.CustomerId).ToHashSet();

        Assert.Equal(8, free.Count);
        Assert.Equal(Cdnow.Summary.Value.Count - free.Count, built.Count);
        foreach (var published in Cdnow.Summary.Value.Where(c => !free.Contains(c.CustomerId)))
        {
            var ours = built[published.CustomerId];
            Assert.Equal(published.X, ours.X);
            Assert.Equal(published.Tx, ours.Tx, 0.005);
            Assert.Equal(published.T + 1 / 7.0, ours.T, 0.005);
            Assert.Equal(published.Zbar, ours.Zbar, 0.00501); // rounded to the cent there
        }
    }
}
