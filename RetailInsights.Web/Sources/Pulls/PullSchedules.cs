using Hangfire;
using Hangfire.Storage;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>One Hangfire recurring job per endpoint, named for its source: added or changed when the endpoint is saved, gone when it is removed.</summary>
public sealed class PullSchedules(IRecurringJobManager recurring, JobStorage storage)
{
    public const string Prefix = "source-pull-";

    public static string JobId(string code) => Prefix + code;

    /// <exception cref="ArgumentException">The schedule is not a cron expression Hangfire reads.</exception>
    public void Apply(string code, string schedule)
    {
        try
        {
            recurring.AddOrUpdate<PullJob>(JobId(code), job => job.RunAsync(code, CancellationToken.None), schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{schedule}' is not a schedule: write a cron expression of five fields, e.g. '0 * * * *' " +
                $"for hourly or '*/15 * * * *' for every quarter hour ({e.InnerException?.Message ?? e.Message})", e);
        }
    }

    public void Remove(string code) => recurring.RemoveIfExists(JobId(code));

    /// <summary>Makes the recurring pulls exactly the saved endpoints' (at start-up: a change saved while the app was down counts).</summary>
    public void Sync(IReadOnlyCollection<(string Code, string Schedule)> endpoints)
    {
        foreach (var (code, schedule) in endpoints)
            Apply(code, schedule);
        using var connection = storage.GetConnection();
        var wanted = endpoints.Select(e => JobId(e.Code)).ToHashSet(StringComparer.Ordinal);
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(j.Id)))
            recurring.RemoveIfExists(job.Id);
    }
}
