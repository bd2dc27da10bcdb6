using Microsoft.Extensions.FileProviders;

namespace RetailInsights.Web.Infrastructure.Commands;

/// <summary>
/// The host environment of a command: the same content root the web app has when started from the same folder
/// (so relative paths such as the staging folder point at the same place).
/// </summary>
internal sealed class CommandHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;
    public string ApplicationName { get; set; } = typeof(CommandHostEnvironment).Assembly.GetName().Name!;
    public string ContentRootPath { get; set; } = Environment.CurrentDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(Environment.CurrentDirectory);
}
