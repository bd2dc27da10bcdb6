using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Admin.Commands;

/// <summary>
/// The API keys page for scripts: create, scope, list and revoke machine API keys through the same
/// <see cref="ApiKeyService"/> the page uses (only a key's SHA-256 is stored; every change is audited).
/// </summary>
public sealed class ApiKeysCommand : ICommand
{
    private static readonly string Actor = CommandActor.Name("api-keys");

    public string Name => "api-keys";

    public string Summary => "manage machine API keys: api-keys create|scope|list|revoke";

    public string Usage => """
          create --name N [--purposes uploads,events] [--sources A,B] [--stores S1,S2]
                             a key for the machine API (header X-Api-Key), printed once; only its SHA-256 is stored.
                             Without --purposes it is for uploads and events; without --sources or --stores, for any
          scope --name N [--purposes …] [--sources …] [--stores …]
                             gives the key that whole scope (what is left out is unlimited); --id I instead of --name
          list               every key: id, name, first characters, scope, created, last used, state
          revoke --name N    the machine API refuses the key from now on; --id I instead when active keys share a name
        Exit codes: 0 done (also for a key already revoked), 1 refused (the reason is printed), 2 wrong usage.
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        if (arguments.Positionals is not [var action])
            throw new CommandUsageException("say what to do: create, list or revoke");
        Func<ApiKeyService, Task> run = action switch
        {
            "create" => Create(arguments, context, cancellationToken),
            "scope" => Scope(arguments, context, cancellationToken),
            "list" => List(arguments, context, cancellationToken),
            "revoke" => Revoke(arguments, context, cancellationToken),
            _ => throw new CommandUsageException($"unknown action '{action}'; use create, scope, list or revoke"),
        };

        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        try
        {
            await run(scope.ServiceProvider.GetRequiredService<ApiKeyService>());
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await context.Error.WriteLineAsync($"api-keys {action}: refused: {e.Message}");
            return 1;
        }
    }

    private static Func<ApiKeyService, Task> Create(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("name", "purposes", "sources", "stores");
        if (arguments.String("name") is not { } name || string.IsNullOrWhiteSpace(name))
            throw new CommandUsageException("--name is required (e.g. the store system that uses the key)");
        return async keys =>
        {
            var scope = ScopeOf(arguments);
            var (key, secret) = await keys.CreateAsync(name, scope, Actor, cancellationToken);
            await context.Output.WriteLineAsync($"Created API key #{key.ApiKeyId} '{key.Name}' ({scope.Describe()}). The key, shown once (store it in the client now):");
            await context.Output.WriteLineAsync(secret);
        };
    }

    private static Func<ApiKeyService, Task> Scope(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("name", "id", "purposes", "sources", "stores");
        var (name, id) = (arguments.String("name"), arguments.Has("id") ? arguments.Int("id", 0, 1) : (int?)null);
        if ((name is null) == (id is null))
            throw new CommandUsageException("name the key with --name or --id (one of them)");
        return async keys =>
        {
            var scope = ScopeOf(arguments);
            var key = Find(await keys.ListAsync(cancellationToken), name, id);
            await keys.SetScopeAsync(key.ApiKeyId, scope, Actor, cancellationToken);
            await context.Output.WriteLineAsync($"API key #{key.ApiKeyId} '{key.Name}' ({key.Prefix}…) now has the scope: {scope.Describe()}.");
        };
    }

    /// <exception cref="ArgumentException">A purpose or code that cannot be taken (the command answers 1, refused).</exception>
    private static ApiKeyScope ScopeOf(CommandArguments arguments) =>
        ApiKeyScope.Parse(arguments.String("purposes") is { } purposes ? purposes.Split(',') : ApiKeyPurposes.All,
            arguments.String("sources"), arguments.String("stores"));

    private static Func<ApiKeyService, Task> List(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown();
        return async keys =>
        {
            var all = await keys.ListAsync(cancellationToken);
            var width = Math.Max("NAME".Length, all.Select(k => k.Name.Length).DefaultIfEmpty().Max());
            await context.Output.WriteLineAsync($"{"ID",6}  {"NAME".PadRight(width)}  {"STARTS",-11}  {"CREATED",-16}  {"LAST USED",-16}  STATE");
            foreach (var key in all)
                await context.Output.WriteLineAsync(
                    $"{key.ApiKeyId,6}  {key.Name.PadRight(width)}  {key.Prefix + "…",-11}  {Format.Timestamp(key.CreatedAt),-16}  " +
                    $"{Format.Timestamp(key.LastUsedAt),-16}  {State(key)} (created by {key.CreatedBy}) · {ApiKeyScope.Of(key).Describe()}");
        };
    }

    private static Func<ApiKeyService, Task> Revoke(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("name", "id");
        var (name, id) = (arguments.String("name"), arguments.Has("id") ? arguments.Int("id", 0, 1) : (int?)null);
        if ((name is null) == (id is null))
            throw new CommandUsageException("name the key with --name or --id (one of them)");
        return async keys =>
        {
            var key = Find(await keys.ListAsync(cancellationToken), name, id);
            if (key.RevokedAt is not null)
            {
                await context.Output.WriteLineAsync($"API key #{key.ApiKeyId} '{key.Name}' was already {State(key)}; nothing changed.");
                return;
            }
            await keys.RevokeAsync(key.ApiKeyId, Actor, cancellationToken);
            await context.Output.WriteLineAsync($"Revoked API key #{key.ApiKeyId} '{key.Name}' ({key.Prefix}…): the upload API refuses it from now on.");
        };
    }

    /// <summary>The key by id, or the one active key by name (an already revoked one when no active key has it).</summary>
    private static ApiKey Find(IReadOnlyList<ApiKey> keys, string? name, int? id)
    {
        if (id is not null)
            return keys.FirstOrDefault(k => k.ApiKeyId == id) ?? throw new InvalidOperationException($"No API key has the id {id}.");
        var named = keys.Where(k => string.Equals(k.Name, name!.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var active = named.Where(k => k.RevokedAt is null).ToList();
        return active.Count switch
        {
            1 => active[0],
            > 1 => throw new InvalidOperationException(
                $"{active.Count} active keys are named '{name}' (ids {string.Join(", ", active.Select(k => k.ApiKeyId).Order())}); revoke one with --id."),
            _ => named.FirstOrDefault() ?? throw new InvalidOperationException($"No API key is named '{name}'."),
        };
    }

    private static string State(ApiKey key) => key.RevokedAt is null ? "active" : $"revoked {Format.Timestamp(key.RevokedAt)}";
}
