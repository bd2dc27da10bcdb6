namespace RetailInsights.Web.Data;

/// <summary>The database cannot be used; the message is one line that says what to do about it.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
