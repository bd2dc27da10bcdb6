using System.Globalization;

namespace RetailInsights.Web.Infrastructure.Commands;

/// <summary>A command's arguments: <c>--name value</c> options, <c>--flag</c> switches and positional values.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];
    private readonly List<(string Name, string? Value)> _given = [];

    public IReadOnlyList<string> Positionals => _positionals;

    /// <param name="args">The words after the command name.</param>
    /// <param name="flags">Options that take no value.</param>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string>? flags = null)
    {
        var parsed = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                parsed._positionals.Add(word);
                continue;
            }
            var name = word[2..];
            var equals = name.IndexOf('=');
            (string Key, string? Value) pair = equals >= 0 ? (name[..equals], name[(equals + 1)..])
                : flags?.Contains(name) == true ? (name, (string?)null)
                : i + 1 < args.Count ? (name, args[++i])
                : throw new CommandUsageException($"--{name} needs a value");
            var (key, value) = pair;
            parsed._options[key] = value;
            parsed._given.Add((key, value));
        }
        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? String(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every value of an option that may be given more than once (<c>--map a=B --map c=D</c>), in order.</summary>
    public IReadOnlyList<string> Strings(string name) => _given.Where(g => g.Name == name && g.Value is not null).Select(g => g.Value!).ToList();

    public int Int(string name, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        if (String(name) is not { } text)
            return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new CommandUsageException($"--{name} must be a whole number between {min} and {max}, not '{text}'");
        return value;
    }

    public DateOnly? Date(string name)
    {
        if (String(name) is not { } text)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CommandUsageException($"--{name} must be a date written yyyy-MM-dd, not '{text}'");
    }

    /// <summary>Fails on options the command does not know, so a typo is not silently ignored.</summary>
    public void RejectUnknown(params string[] known)
    {
        var unknown = _options.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CommandUsageException($"unknown option {string.Join(", ", unknown.Select(u => "--" + u))}");
    }
}
