using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Admin.Commands;

/// <summary>Applies the committed EF Core migrations to the configured database.</summary>
public sealed class MigrateCommand : ICommand
{
    public string Name => "migrate";

    public string Summary => "apply database migrations to the configured PostgreSQL database";

    public string Usage => "  (no options)";

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown();
        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await DatabaseSetup.EnsureMigratableAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await context.Services.GetRequiredService<Warehouse.Summaries>().RebuildIfRequestedAsync(cancellationToken);
        await context.Output.WriteLineAsync(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
