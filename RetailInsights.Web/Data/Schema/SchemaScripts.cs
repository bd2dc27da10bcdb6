using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RetailInsights.Web.Data.Schema;

/// <summary>
/// The objects EF Core does not model (summary tables, live tables, functions), one embedded <c>.sql</c> file each in
/// this folder, so each one's definition is read in one place. Migrations run them by name, in the order they state.
/// </summary>
public static class SchemaScripts
{
    /// <summary>The text of <c>Data/Schema/{name}.sql</c>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(SchemaScripts).Assembly.GetManifestResourceStream(ResourceName(name))
            ?? throw new InvalidOperationException($"Data/Schema/{name}.sql is not embedded in {typeof(SchemaScripts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The names of every embedded schema file.</summary>
    public static IEnumerable<string> Names() => typeof(SchemaScripts).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".sql".Length]);

    /// <summary>Runs the schema files, in the order given, as part of a migration.</summary>
    public static void SqlFiles(this MigrationBuilder migrationBuilder, params string[] names)
    {
        foreach (var name in names)
            migrationBuilder.Sql(Read(name));
    }

    private const string Prefix = "RetailInsights.Web.Data.Schema.";

    private static string ResourceName(string name) => Prefix + name + ".sql";
}
