using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Infrastructure;

/// <summary>
/// The OpenAPI document of the machine APIs (uploads and live events) at <c>/openapi/v1.json</c>, open to anyone
/// (it holds no data), so that a POS or store system's developers can generate a client from it.
/// </summary>
public static class ApiDocuments
{
    public const string Path = "/openapi/v1.json";

    public static IServiceCollection AddApiDocuments(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "RetailInsights machine API",
                Version = "v1",
                Description = "Daily files (POST /api/uploads) and live point-of-sale events (POST /api/events/...), " +
                    $"authenticated with an API key in the {ApiKeyAuthenticationHandler.HeaderName} header.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key an admin created on the API keys page; it may be limited to purposes, sources and stores.",
            };
            // Every operation needs a key: said on each, so that a generated client sends it.
            var requirement = new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            };
            foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
                operation.Security = [requirement];
            return Task.CompletedTask;
        });
    });

    public static void MapApiDocuments(this WebApplication app) => app.MapOpenApi(Path).AllowAnonymous();
}
