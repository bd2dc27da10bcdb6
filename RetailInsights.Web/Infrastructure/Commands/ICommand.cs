namespace RetailInsights.Web.Infrastructure.Commands;

/// <summary>An admin command of the app binary: <c>RetailInsights.Web NAME [options]</c>.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The options, one per line, shown by <c>NAME --help</c>.</summary>
    string Usage { get; }

    /// <summary>Options that are switches and take no value.</summary>
    IReadOnlySet<string> Flags => new HashSet<string>();

    Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken);
}
