using System.Text;

namespace RetailInsights.Web.Infrastructure.Commands;

/// <summary>A secret handed to a command on standard input (never as an argument: arguments show in <c>ps</c> and shell history).</summary>
public static class PipedInput
{
    /// <summary>
    /// The first line of piped input (read no further than <paramref name="maxLength"/> + 1 characters), or null when
    /// nothing is piped or the input is empty.
    /// </summary>
    public static async Task<string?> ReadFirstLineAsync(TextReader? input, int maxLength, CancellationToken cancellationToken)
    {
        if (input is null)
            return null;
        // Standard input's reads block and ignore the token; a pipe that never closes must not outlive Ctrl+C.
        return await Task.Run(() => ReadBoundedLine(input, maxLength), cancellationToken).WaitAsync(cancellationToken);
    }

    private static string? ReadBoundedLine(TextReader input, int maxLength)
    {
        var line = new StringBuilder();
        int next;
        while ((next = input.Read()) is not (-1 or '\n') && line.Length <= maxLength + 1)
            line.Append((char)next);
        if (next == -1 && line.Length == 0)
            return null;
        return line.ToString().TrimEnd('\r');
    }
}
