using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Hosting;

namespace RetailInsights.Web.Security;

public static class SecurityRegistration
{
    public const string SignInPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";
    public const string DataProtectionApplicationName = "RetailInsights";
    public static readonly TimeSpan SessionRevalidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>Identity with cookies for people, API keys for machines, role policies, and rate limits.</summary>
    public static void AddRetailInsightsSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>()
            .AddEntityFrameworkStores<RetailInsightsDbContext>()
            .AddDefaultTokenProviders();
        services.AddIdentityRules(builder.Configuration);
        // Secure always, unless a LAN install asked for plain HTTP (or in development): behind a TLS proxy the
        // forwarded scheme makes each request HTTPS anyway.
        var cookieSecurity = builder.Environment.IsDevelopment() || HostingOptions.IsPlainHttp(builder.Configuration)
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "retailinsights.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // The stamp check reads the database. The error page, shown when the database is down, needs no user:
            // its re-executed request skips the check rather than fail a second time into a bare 500.
            var validateStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = context =>
                context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? validateStamp(context) : Task.CompletedTask;
        });
        // Cookie routes (downloads, the Hangfire dashboard) re-read the user's roles and stamp this often, so a
        // removed role or a disabled account stops working within a minute, not at the cookie's 30-minute default.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionRevalidationInterval);
        services.AddRetailInsightsDataProtection();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        // Our own header says DENY for every response; antiforgery would add a second, weaker SAMEORIGIN.
        services.AddAntiforgery(options =>
        {
            options.SuppressXFrameOptionsHeader = true;
            // Secure whenever the request is HTTPS (forwarded or not). Not Always: antiforgery then refuses to render
            // any form over plain HTTP, and the sign-in page on http://localhost would answer 500.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionFor);
        });
        // Per key as well, once the key is known (see ApiKeyEndpoints).
        services.AddSingleton<ApiKeyRateLimiter>();

        services.TryAddScoped<AuditLog>();
        services.AddScoped<ApiKeyService>();
    }

    /// <summary>
    /// Keys in the database under a fixed application name: a recreated container or a second instance reads the cookies
    /// and antiforgery tokens the first one issued, and a command decrypts the secrets the app encrypted.
    /// </summary>
    public static IServiceCollection AddRetailInsightsDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<RetailInsightsDbContext>();
        return services;
    }

    /// <summary>Password and lock-out rules from configuration (section "Identity"), with strict defaults.</summary>
    public static IServiceCollection AddIdentityRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = 12;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            options.Lockout.AllowedForNewUsers = true;
            options.User.RequireUniqueEmail = true;
        });
        services.Configure<IdentityOptions>(configuration.GetSection("Identity"));
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AdminBootstrapper>();
        return services;
    }

    public static void UseRetailInsightsSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Before authentication: guessed passwords and API keys count against the limit, not only accepted calls.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    // Sign-in posts, API calls and health probes are limited per client address; pages and assets are not.
    private static RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPath))
            return FixedWindow("signin:" + client, limits.SignInPerMinute);
        if (Infrastructure.Health.HealthRegistration.IsProbe(context))
            return FixedWindow("health:" + client, limits.HealthPerMinute);
        if (context.Request.Path.StartsWithSegments("/api/events"))
            return FixedWindow("events:" + client, limits.EventsPerMinute);
        if (context.Request.Path.StartsWithSegments("/api"))
            return FixedWindow("api:" + client, limits.ApiPerMinute);
        return RateLimitPartition.GetNoLimiter("none");
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
