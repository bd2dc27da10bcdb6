using RetailInsights.Web.Admin.Commands;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Security;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Web.Sources;

/// <summary>The sources page for scripts: list, show and set source systems and their column mappings (each set is a new version).</summary>
public sealed class SourcesCommand : ICommand
{
    private static readonly string Actor = CommandActor.Name("sources");

    public string Name => "sources";

    public string Summary => "source systems, their mappings and endpoints: sources list|show NAME|set NAME --map H=C ...|endpoint NAME --url U ...|pull NAME";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "reset-cursor", "remove" };

    public string Usage => """
          list                       every source: code, name, current mapping version, kinds, conventions
          show NAME [--version N]    a source's settings and mapping (the current version, or N), and its versions
          set NAME                   saves a new version: the current one with these changes (a new NAME starts empty)
            --map HEADER=COLUMN      the file's header HEADER stands for COLUMN (repeatable), e.g. --map sold_at=InvoiceDate
            --unmap HEADER           HEADER is no longer mapped (repeatable)
            --name TEXT              the name people see
            --date-order ORDER       month-first | day-first | auto (each file tells)
            --decimal SEP            . | , | auto (semicolon files use a comma)
            --time-zone ZONE         IANA zone of the source's shops, e.g. Asia/Jakarta (none: "")
            --store CODE             store for lines of files without a store column (none: "")
            --kinds K,K              transactions, refunds, product_catalog, store_locations (any: "")
        """ + "\n" + SourceEndpointActions.Usage + "\n" + """
        Exit codes: 0 done, 1 refused (the reason is printed), 2 wrong usage.
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        if (arguments.Positionals.Count == 0)
            throw new CommandUsageException("say what to do: list, show NAME, set NAME, endpoint NAME or pull NAME");
        var action = arguments.Positionals[0];
        var name = arguments.Positionals.Count > 1 ? arguments.Positionals[1] : null;
        if (action != "list" && (name is null || arguments.Positionals.Count > 2))
            throw new CommandUsageException($"{action} takes one source name");
        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<SourceCatalog>();
        switch (action)
        {
            case "list":
                arguments.RejectUnknown();
                await ListAsync(catalog, context.Output, cancellationToken);
                return 0;
            case "show":
                arguments.RejectUnknown("version");
                var shown = await ShowAsync(catalog, name!, arguments.String("version") is null ? null : arguments.Int("version", 1, min: 1), context,
                    cancellationToken);
                if (shown == 0 && await scope.ServiceProvider.GetRequiredService<EndpointCatalog>().GetAsync(name!, cancellationToken) is { } endpoint)
                    await SourceEndpointActions.WriteAsync(endpoint, context.Output);
                return shown;
            case "set":
                arguments.RejectUnknown("map", "unmap", "name", "date-order", "decimal", "time-zone", "store", "kinds");
                var change = Change(arguments);
                try
                {
                    var saved = await catalog.SaveAsync(name!, change, Actor, cancellationToken);
                    await context.Output.WriteLineAsync($"Saved source {saved.Code} version {saved.Version}.");
                    await WriteAsync(saved, context.Output);
                    return 0;
                }
                catch (ArgumentException e)
                {
                    await context.Error.WriteLineAsync($"sources set: refused: {e.Message}");
                    return 1;
                }
            case "endpoint":
                return await SourceEndpointActions.EndpointAsync(name!, arguments, context, scope.ServiceProvider, Actor, cancellationToken);
            case "pull":
                arguments.RejectUnknown();
                return await SourceEndpointActions.PullAsync(name!, context, scope.ServiceProvider, cancellationToken);
            default:
                throw new CommandUsageException($"unknown action '{action}'; use list, show, set, endpoint or pull");
        }
    }

    private static SourceChange Change(CommandArguments arguments)
    {
        var map = new Dictionary<string, string>();
        foreach (var pair in arguments.Strings("map"))
        {
            var equals = pair.LastIndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
                throw new CommandUsageException($"--map takes HEADER=COLUMN (e.g. sold_at=InvoiceDate), not '{pair}'");
            map[pair[..equals]] = pair[(equals + 1)..];
        }
        string? Auto(string option, params string[] allowed)
        {
            if (arguments.String(option) is not { } value)
                return null;
            if (value == "auto")
                return "";
            return allowed.Contains(value) ? value : throw new CommandUsageException($"--{option} must be {string.Join(", ", allowed)} or auto, not '{value}'");
        }
        return new SourceChange
        {
            Name = arguments.String("name"),
            MapColumns = map,
            UnmapHeaders = arguments.Strings("unmap"),
            DateOrder = Auto("date-order", "month-first", "day-first"),
            DecimalSeparator = Auto("decimal", ".", ","),
            TimeZone = arguments.String("time-zone"),
            DefaultStoreCode = arguments.String("store"),
            Kinds = arguments.String("kinds")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };
    }

    private static async Task ListAsync(SourceCatalog catalog, TextWriter output, CancellationToken cancellationToken)
    {
        var sources = await catalog.ListAsync(cancellationToken);
        if (sources.Count == 0)
        {
            await output.WriteLineAsync("No sources yet: sources set NAME --map HEADER=COLUMN ... adds one.");
            return;
        }
        var width = Math.Max("CODE".Length, sources.Max(s => s.Code.Length));
        await output.WriteLineAsync($"{"CODE".PadRight(width)}  {"VERSION",7}  {"KINDS",-30}  {"DATES",-14}  {"DECIMAL",-14}  {"ZONE",-20}  NAME");
        foreach (var s in sources)
            await output.WriteLineAsync($"{s.Code.PadRight(width)}  {s.Version,7}  {Kinds(s),-30}  {s.DateOrderText,-14}  {s.DecimalText,-14}  " +
                $"{s.Mapping.TimeZone ?? "-",-20}  {s.Name}");
    }

    private static async Task<int> ShowAsync(SourceCatalog catalog, string name, int? version, CommandContext context, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(name, version, cancellationToken) is not { } source)
        {
            await context.Error.WriteLineAsync(version is null ? $"sources show: no source '{name}'." : $"sources show: source '{name}' has no version {version}.");
            return 1;
        }
        await WriteAsync(source, context.Output);
        await context.Output.WriteLineAsync("Versions:");
        foreach (var v in await catalog.VersionsAsync(name, cancellationToken))
            await context.Output.WriteLineAsync($"  {v.Version,4}  {Format.Timestamp(v.SavedAt)}  by {v.SavedBy}  ({v.Mapping.Columns.Count} mapped headers)");
        return 0;
    }

    private static async Task WriteAsync(SourceSettings source, TextWriter output)
    {
        await output.WriteLineAsync($"Source {source.Code} ({source.Name}), version {source.Version}, saved {Format.Timestamp(source.SavedAt)} by {source.SavedBy}");
        await output.WriteLineAsync($"  kinds: {Kinds(source)}; dates: {source.DateOrderText}; decimal: {source.DecimalText}; " +
            $"time zone: {source.Mapping.TimeZone ?? "none (times as written)"}; default store: {source.Mapping.DefaultStoreCode ?? "none"}");
        if (source.Mapping.Columns.Count == 0)
            await output.WriteLineAsync("  mapping: none (the usual column names and aliases only)");
        foreach (var (header, column) in source.Mapping.Columns.OrderBy(c => c.Value, StringComparer.Ordinal))
            await output.WriteLineAsync($"  map {header} = {column}");
    }

    private static string Kinds(SourceSettings source) => source.Kinds.Count == 0 ? "any" : string.Join(",", source.Kinds);
}
