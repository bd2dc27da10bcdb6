using System.Text.RegularExpressions;
using RetailInsights.Web.Infrastructure.Health;

namespace RetailInsights.Tests.Web.Deployment;

/// <summary>
/// Docker cannot run on these machines, so the parts of docker-compose.yml and the Dockerfile that keep the
/// deployment safe are read and checked here, against what the app itself expects.
/// </summary>
[Trait("Tier", "unit")]
public sealed partial class ContainerFilesTests
{
    private static readonly string Root = DatabaseRoleTests.RepositoryRoot();
    private static readonly string Compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Root, "RetailInsights.Web", "Dockerfile"));

    [Fact]
    public void Compose_appConnectsAsItsOwnRole_withAPasswordApartFromTheSuperusers()
    {
        var connection = ConnectionString().Match(Compose).Groups[1].Value;

        Assert.Contains("Username=retailinsights;", connection);
        Assert.Contains("Password=${RETAILINSIGHTS_DB_PASSWORD", connection);
        Assert.DoesNotContain("POSTGRES_PASSWORD", connection);
        Assert.DoesNotContain("POSTGRES_USER", Compose); // the superuser keeps the image's own name, postgres
        Assert.Contains("./deploy/postgres-init:/docker-entrypoint-initdb.d:ro", Compose);
        Assert.True(File.Exists(Path.Combine(Root, "deploy", "postgres-init", "10-app-role.sh")));
    }

    [Fact]
    public void Compose_healthCheck_isTheAppsOwnCommandOnThePortTheImageServes()
    {
        Assert.Contains("test: [\"CMD\", \"dotnet\", \"RetailInsights.Web.dll\", \"healthcheck\"]", Compose);
        var port = ImagePort().Match(Dockerfile).Groups[1].Value;
        Assert.Equal(HealthcheckCommand.DefaultUrl, $"http://127.0.0.1:{port}{HealthRegistration.Path}");
    }

    [Fact]
    public void Compose_byDefault_publishesOnLoopbackForAProxy_andTrustsOnlyItsOwnNetwork()
    {
        Assert.Contains("\"${RETAILINSIGHTS_PUBLISH:-127.0.0.1:8080}:8080\"", Compose);
        Assert.Contains("Hosting__PlainHttp: ${RETAILINSIGHTS_PLAIN_HTTP:-false}", Compose);
        var trusted = Regex.Match(Compose, @"ForwardedHeaders__KnownNetworks__0: (\S+)").Groups[1].Value;
        Assert.Equal(trusted, Regex.Match(Compose, @"- subnet: (\S+)").Groups[1].Value);
    }

    [Fact]
    public void Dockerfile_dataFolder_isTheAppUsersBeforeItStopsBeingRoot()
    {
        var lines = Dockerfile.Split('\n');
        var chown = Array.FindIndex(lines, l => l.StartsWith("RUN mkdir -p /app/data/staging /app/data/inbox") && l.Contains("chown -R \"$APP_UID\" /app/data"));
        var user = Array.FindIndex(lines, l => l.StartsWith("USER $APP_UID"));

        Assert.True(chown >= 0, "no RUN that makes /app/data the app user's");
        Assert.True(user > chown, "USER comes before the folder is made the app user's");
        Assert.Contains("- appdata:/app/data", Compose);
    }

    [GeneratedRegex(@"ConnectionStrings__RetailInsights: (\S+)")]
    private static partial Regex ConnectionString();

    [GeneratedRegex(@"ENV ASPNETCORE_URLS=http://\+:(\d+)")]
    private static partial Regex ImagePort();
}
