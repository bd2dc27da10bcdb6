using RetailInsights.Web.Data;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure;

// One binary for the web app and the admin commands, so that what a script runs is what the app runs.
if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args);

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddRetailInsights();
    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseRetailInsights();
    await app.RunAsync();
    return 0;
}
catch (DatabaseUnavailableException e)
{
    // One line that says what to run, not a stack trace: the usual cause is a database that is not started.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

public partial class Program;
