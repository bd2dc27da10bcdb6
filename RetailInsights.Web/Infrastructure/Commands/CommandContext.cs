using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Infrastructure.Commands;

/// <summary>
/// What a command may use: the app's configuration and, built on first use, the services the composition root gives
/// it (<c>Composition.CommandServices</c>).
/// </summary>
public sealed class CommandContext : IAsyncDisposable
{
    private readonly Lazy<ServiceProvider> _services;

    public CommandContext(IConfiguration configuration, string environmentName, TextWriter output, TextWriter error,
        Action<IServiceCollection, IConfiguration> addServices, TextReader? input = null)
    {
        Error = error;
        Input = input;
        Configuration = configuration;
        EnvironmentName = environmentName;
        Output = output;
        _services = new Lazy<ServiceProvider>(() =>
        {
            var services = new ServiceCollection();
            services.AddSingleton(configuration);
            services.AddLogging();
            services.AddSingleton<IHostEnvironment>(new CommandHostEnvironment(environmentName));
            addServices(services, configuration);
            return services.BuildServiceProvider();
        });
    }

    public IConfiguration Configuration { get; }

    public string EnvironmentName { get; }

    public bool IsDevelopment => EnvironmentName == Environments.Development;

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Standard input when it was piped or redirected; null at a terminal.</summary>
    public TextReader? Input { get; }

    public IServiceProvider Services => _services.Value;

    /// <summary>A context for a database that answers, or <see cref="DatabaseUnavailableException"/> saying what to run.</summary>
    public async Task<RetailInsightsDbContext> OpenDatabaseAsync(CancellationToken cancellationToken)
    {
        var db = await Services.GetRequiredService<IDbContextFactory<RetailInsightsDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await DatabaseStartup.EnsureReachableAsync(db, cancellationToken);
        return db;
    }

    /// <summary>
    /// Resolves a path the user typed against the directory they typed it in: `dotnet run` starts the app in the
    /// project folder, but the shell's PWD still names the caller's folder.
    /// </summary>
    public static string ResolveUserPath(string path)
    {
        if (Path.IsPathRooted(path))
            return path;
        var callerDirectory = Environment.GetEnvironmentVariable("PWD");
        var baseDirectory = Directory.Exists(callerDirectory) ? callerDirectory : Environment.CurrentDirectory;
        return Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    public async ValueTask DisposeAsync()
    {
        if (_services.IsValueCreated)
            await _services.Value.DisposeAsync();
    }
}
