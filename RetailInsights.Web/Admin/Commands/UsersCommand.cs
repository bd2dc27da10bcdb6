using System.Security.Claims;
using RetailInsights.Web.Security;
using RetailInsights.Web.Admin.Users;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Admin.Commands;

/// <summary>
/// The Users page for scripts: add, list, change the role of, disable and enable users, through the same
/// <see cref="UserAdministration"/> the page uses, so the same rules, security-stamp changes and audit entries apply.
/// </summary>
public sealed class UsersCommand : ICommand
{
    private const int MaxPasswordLength = 256;
    private static readonly ClaimsPrincipal Actor = CommandActor.Admin("users");

    public string Name => "users";

    public string Summary => "manage who signs in: users add|list|set-role|disable|enable";

    public string Usage => $"""
          add --email E --role R       create a user; the password is the first line of standard input when it is piped
                                       (printf '%s\n' "$PASSWORD" | … users add …), else one is generated and printed once
          list                         every user: email, role, state (active, locked out, disabled), failed sign-ins
          set-role --email E --role R  give a user another role
          disable --email E            stop a user signing in; their open sessions end at their next security check
          enable --email E             let a disabled user sign in again
        Roles: {string.Join(", ", Roles.All)}. Exit codes: 0 done, 1 refused (the reason is printed), 2 wrong usage.
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        if (arguments.Positionals is not [var action])
            throw new CommandUsageException("say what to do: add, list, set-role, disable or enable");
        Func<UserAdministration, Task> run = action switch
        {
            "add" => Add(arguments, context, cancellationToken),
            "list" => List(arguments, context),
            "set-role" => SetRole(arguments, context),
            "disable" => SetDisabled(arguments, context, disabled: true),
            "enable" => SetDisabled(arguments, context, disabled: false),
            _ => throw new CommandUsageException($"unknown action '{action}'; use add, list, set-role, disable or enable"),
        };

        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
        try
        {
            await run(scope.ServiceProvider.GetRequiredService<UserAdministration>());
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"users {action}: refused: {e.Message}");
            return 1;
        }
    }

    private static Func<UserAdministration, Task> Add(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("email", "role");
        var (email, role) = (Required(arguments, "email"), Required(arguments, "role"));
        return async users =>
        {
            var piped = await ReadPipedPasswordAsync(context.Input, cancellationToken);
            var password = await users.CreateAsync(Actor, email, role, piped);
            var created = await users.FindByEmailAsync(Actor, email);
            await context.Output.WriteLineAsync(piped is null
                ? $"Created {created.Email} as {created.Role}. Password, shown once (pass it on now): {password}"
                : $"Created {created.Email} as {created.Role} with the password from standard input.");
        };
    }

    private static Func<UserAdministration, Task> List(CommandArguments arguments, CommandContext context)
    {
        arguments.RejectUnknown();
        return async users =>
        {
            var all = await users.ListAsync(Actor);
            var width = Math.Max("EMAIL".Length, all.Select(u => u.Email.Length).DefaultIfEmpty().Max());
            await context.Output.WriteLineAsync($"{"EMAIL".PadRight(width)}  {"ROLE",-9}  {"STATE",-10}  FAILED SIGN-INS");
            foreach (var user in all)
            {
                var state = user.IsDisabled ? "disabled" : user.IsLockedOut ? "locked out" : "active";
                await context.Output.WriteLineAsync($"{user.Email.PadRight(width)}  {user.Role ?? "(none)",-9}  {state,-10}  {user.FailedSignIns}");
            }
        };
    }

    private static Func<UserAdministration, Task> SetRole(CommandArguments arguments, CommandContext context)
    {
        arguments.RejectUnknown("email", "role");
        var (email, role) = (Required(arguments, "email"), Required(arguments, "role"));
        return async users =>
        {
            var before = await users.FindByEmailAsync(Actor, email);
            await users.SetRoleAsync(Actor, before.Id, role);
            var after = await users.FindByEmailAsync(Actor, email);
            await context.Output.WriteLineAsync(
                $"{after.Email}: {before.Role ?? "(none)"} → {after.Role}; sessions opened before end at their next security check.");
        };
    }

    private static Func<UserAdministration, Task> SetDisabled(CommandArguments arguments, CommandContext context, bool disabled)
    {
        arguments.RejectUnknown("email");
        var email = Required(arguments, "email");
        return async users =>
        {
            var user = await users.FindByEmailAsync(Actor, email);
            await users.SetDisabledAsync(Actor, user.Id, disabled);
            await context.Output.WriteLineAsync(disabled
                ? $"Disabled {user.Email}: sign-in is refused and open sessions end at their next security check."
                : $"Enabled {user.Email}: they may sign in again.");
        };
    }

    private static string Required(CommandArguments arguments, string name) =>
        arguments.String(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CommandUsageException($"--{name} is required");

    /// <summary>
    /// The first line of piped input, or null when nothing is piped (then a password is generated). An empty line is a
    /// password, and a weak one: a script whose variable is unset must not get a generated password it never prints.
    /// </summary>
    private static async Task<string?> ReadPipedPasswordAsync(TextReader? input, CancellationToken cancellationToken)
    {
        var line = await PipedInput.ReadFirstLineAsync(input, MaxPasswordLength, cancellationToken);
        if (line?.Length > MaxPasswordLength)
            throw new ArgumentException($"the password on standard input is longer than {MaxPasswordLength} characters.");
        return line;
    }
}
