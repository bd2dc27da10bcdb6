using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using RetailInsights.Core.Clustering;
using RetailInsights.Core.CustomerValue;
using RetailInsights.Core.Mining;
using RetailInsights.Core.Segmentation;
using RetailInsights.Web.Analytics.Inputs;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// One analytics run: mine the baskets of the window, score and segment and cluster the customers as of the day,
/// forecast their value (with a backtest), and store everything under a new run. The results are written in one transaction at the end, and pages read the
/// latest run that succeeded, so a failing run leaves the previous results in place. Storing is <see cref="RunWriter"/>'s.
/// </summary>
public sealed class AnalyticsRunner(NpgsqlDataSource dataSource, BasketSource basketSource, RfmSource rfm, OccasionSource occasions,
    RunWriter writer, AnalyticsResults results, IOptions<AnalyticsOptions> options, IOptions<MiningOptions> mining,
    IOptions<CustomerValueOptions> customerValue, ILogger<AnalyticsRunner> logger)
{
    /// <summary>
    /// Runs after any run already under way (one at a time, see <see cref="RunLock"/>). A request that waited is coalesced
    /// into a run that started after it was made, for the same day and thresholds: that run already saw the same data.
    /// </summary>
    public async Task<AnalysisRun> RunAsync(AnalyticsRequest request, CancellationToken cancellationToken)
    {
        await using var runLock = await RunLock.AcquireAsync(dataSource, cancellationToken);
        var settings = options.Value;
        var thresholds = mining.Value with
        {
            MinSupport = request.MinSupport ?? mining.Value.MinSupport,
            MinConfidence = request.MinConfidence ?? mining.Value.MinConfidence,
        };
        var asOf = request.AsOf ?? await rfm.DefaultAsOfAsync(cancellationToken);
        if (await results.SucceededSinceAsync(runLock.RequestedAt, asOf, thresholds.MinSupport, thresholds.MinConfidence, settings.WindowDays,
                cancellationToken) is { } covering)
        {
            logger.LogInformation("Analytics request by {By} coalesced into run #{Run}, which started after it", request.RequestedBy, covering.RunId);
            return covering;
        }
        var run = new AnalysisRun
        {
            AsOf = asOf,
            Status = AnalysisRunStatuses.Running,
            RequestedBy = request.RequestedBy,
            StartedAt = DateTime.UtcNow,
            MinSupport = thresholds.MinSupport,
            MinConfidence = thresholds.MinConfidence,
            WindowDays = settings.WindowDays,
        };
        run.RunId = await writer.InsertRunAsync(run, cancellationToken);
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        try
        {
            // Baskets up to the day before the as-of date: a back-fill sees what that day saw.
            var pairs = new List<(string, string)>();
            await foreach (var pair in basketSource.StreamAsync(
                               BasketQuery.MinedAsOf(asOf, settings.WindowDays), cancellationToken))
                pairs.Add(pair);
            var baskets = BasketSet.FromPairs(pairs);
            timings["baskets"] = Lap(clock);
            var mined = new FpGrowthMiner().Mine(baskets, thresholds, cancellationToken);
            timings["mining"] = Lap(clock);

            var values = await rfm.ComputeAsync(asOf, cancellationToken);
            var scores = RfmScorer.Score(values);
            timings["rfm"] = Lap(clock);
            var clustering = CustomerClusterer.Cluster(values, cancellationToken: cancellationToken);
            timings["clustering"] = Lap(clock);
            var valueOptions = customerValue.Value;
            var value = CustomerValueForecaster.Forecast(await occasions.ReadAsync(asOf, cancellationToken), asOf, valueOptions, cancellationToken);
            timings["customer_value"] = Lap(clock);

            await writer.StoreResultsAsync(run, baskets, mined, scores, clustering, value, valueOptions, cancellationToken);
            timings["store"] = Lap(clock);
            run.Status = AnalysisRunStatuses.Succeeded;
            run.Baskets = baskets.Count;
            run.Rules = mined.Rules.Count;
            run.Customers = values.Count;
            run.ChosenK = clustering.ChosenK;
        }
        catch (Exception e)
        {
            // Whatever stopped it, the run is recorded as failed with the reason (the previous results stay);
            // expected failures end here, anything else is rethrown for the job's retry and the logs.
            logger.LogError(e, "Analytics run #{Run} failed", run.RunId);
            run.Status = AnalysisRunStatuses.Failed;
            run.ErrorText = e is OperationCanceledException ? "Cancelled before it finished." : e.Message;
            await writer.FinishRunAsync(run, timings, CancellationToken.None);
            if (e is MiningLimitExceededException or InvalidOperationException)
                return run;
            throw;
        }
        await writer.FinishRunAsync(run, timings, cancellationToken);
        return run;
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        clock.Restart();
        return seconds;
    }
}
