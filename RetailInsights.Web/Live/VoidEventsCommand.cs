using System.Globalization;
using RetailInsights.Web.Admin.Commands;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Live;

/// <summary>The Live page's "Void a store-day" for scripts: the same <see cref="StoreDayVoids"/>, audited as the command.</summary>
public sealed class VoidEventsCommand : ICommand
{
    public string Name => "void-events";

    public string Summary => "void a store-day of live events: void-events --store S --day yyyy-MM-dd --reason R";

    public string Usage => """
          --store S       the store's code
          --day D         the day, yyyy-MM-dd
          --reason R      why: written to the audit log with the counts
        In one transaction: the store-day's live sales and refunds are deleted (rows loaded from files stay), its summaries
        recomputed and its minute windows dropped, and the events' ids forgotten, so the tills can send them again.
        Exit codes: 0 done (also when there was nothing to void), 1 refused (the reason is printed), 2 wrong usage.
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("store", "day", "reason");
        if (arguments.String("store") is not { } store || string.IsNullOrWhiteSpace(store))
            throw new CommandUsageException("--store is required");
        if (!DateOnly.TryParseExact(arguments.String("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new CommandUsageException("--day must be a day as yyyy-MM-dd");
        if (arguments.String("reason") is not { } reason || string.IsNullOrWhiteSpace(reason))
            throw new CommandUsageException("--reason is required: it goes into the audit log");

        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        var voids = ActivatorUtilities.CreateInstance<StoreDayVoids>(scope.ServiceProvider);
        try
        {
            var voided = await voids.VoidAsync(CommandActor.Admin(Name), store, day, reason, cancellationToken);
            await context.Output.WriteLineAsync(voided.IsEmpty
                ? $"There are no live events of store {voided.StoreCode} on {voided.Day:yyyy-MM-dd}; nothing changed."
                : $"Voided {voided}. The tills may send those events again.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await context.Error.WriteLineAsync($"void-events: refused: {e.Message}");
            return 1;
        }
    }
}
