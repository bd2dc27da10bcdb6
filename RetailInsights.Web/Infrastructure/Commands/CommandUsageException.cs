namespace RetailInsights.Web.Infrastructure.Commands;

/// <summary>The command line was wrong; the message says how.</summary>
public sealed class CommandUsageException(string message) : Exception(message);
