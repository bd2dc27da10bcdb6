using System.Security.Claims;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Security;

/// <summary>
/// What a key may do: its purposes, and when limited, the source systems and stores it may send for (null: any). A
/// key made before scopes existed has every purpose and no limit — today's rights — until an admin narrows it. The
/// scope travels in the key's claims, so the API reads it without another look-up.
/// </summary>
public sealed record ApiKeyScope(IReadOnlyList<string> Purposes, IReadOnlyList<string>? Sources, IReadOnlyList<string>? Stores)
{
    public const string PurposeClaim = "api_key_purpose";
    public const string SourceClaim = "api_key_source";
    public const string StoreClaim = "api_key_store";

    /// <summary>Every purpose, any source, any store: what each key had before scopes existed.</summary>
    public static readonly ApiKeyScope Full = new(ApiKeyPurposes.All, null, null);

    public bool IsFull => ApiKeyPurposes.All.All(Purposes.Contains) && Sources is null && Stores is null;

    public static ApiKeyScope Of(ApiKey key) => new(key.Purposes, key.AllowedSources, key.AllowedStores);

    /// <summary>The scope of the key that authenticated the call (its claims; a limit has at least one code).</summary>
    public static ApiKeyScope Of(ClaimsPrincipal user)
    {
        static IReadOnlyList<string>? Codes(ClaimsPrincipal user, string type) =>
            user.FindAll(type).Select(c => c.Value).ToList() is { Count: > 0 } codes ? codes : null;
        return new(Codes(user, PurposeClaim) ?? [], Codes(user, SourceClaim), Codes(user, StoreClaim));
    }

    public IEnumerable<Claim> ToClaims() =>
        Purposes.Select(p => new Claim(PurposeClaim, p))
            .Concat((Sources ?? []).Select(s => new Claim(SourceClaim, s)))
            .Concat((Stores ?? []).Select(s => new Claim(StoreClaim, s)));

    public bool AllowsSource(string code) => Sources is null || Sources.Contains(code, StringComparer.Ordinal);

    public bool AllowsStore(string code) => Stores is null || Stores.Contains(code, StringComparer.Ordinal);

    /// <summary>Why the key may not call for <paramref name="purpose"/>, or null when it may.</summary>
    public string? PurposeProblem(string purpose) => Purposes.Contains(purpose) ? null
        : $"This key is for {string.Join(" and ", Purposes)} only; it may not be used for {purpose}. An admin can widen its scope on the API keys page.";

    /// <param name="what">What the key does, as in "this key may {what} only for sources …": "send files", "post events".</param>
    public string? SourceProblem(string source, string what) => AllowsSource(source) ? null
        : $"This key may {what} only for sources {List(Sources!)}; {source} is outside its scope.";

    /// <summary>The first stores outside the scope, named (a few of them), or null when every one is inside.</summary>
    public string? StoresProblem(IEnumerable<string> stores, string what)
    {
        var outside = stores.Where(s => !AllowsStore(s)).Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count == 0)
            return null;
        var named = string.Join(", ", outside.Take(5)) + (outside.Count > 5 ? $" and {outside.Count - 5} more" : "");
        return $"This key may {what} only for stores {List(Stores!)}; {named} {(outside.Count == 1 ? "is" : "are")} outside its scope.";
    }

    /// <summary>In a line: "uploads, events · sources pos · stores S01, S02", or that it has full rights.</summary>
    public string Describe() => IsFull
        ? "full rights: uploads and events, any source, any store"
        : string.Join(" · ", new[]
        {
            string.Join(", ", Purposes),
            Sources is null ? "any source" : "sources " + List(Sources),
            Stores is null ? "any store" : "stores " + List(Stores),
        });

    /// <summary>
    /// A scope from what an admin typed: purposes (at least one of <see cref="ApiKeyPurposes.All"/>), and codes
    /// separated by commas or semicolons (empty: no limit).
    /// </summary>
    /// <exception cref="ArgumentException">The scope cannot be taken; the message says why.</exception>
    public static ApiKeyScope Parse(IEnumerable<string> purposes, string? sources, string? stores)
    {
        var chosen = purposes.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().ToList();
        if (chosen.Count == 0)
            throw new ArgumentException($"A key needs at least one purpose: {string.Join(" or ", ApiKeyPurposes.All)}.");
        if (chosen.FirstOrDefault(p => !ApiKeyPurposes.All.Contains(p)) is { } unknown)
            throw new ArgumentException($"'{unknown}' is not a purpose; a key is for {string.Join(", ", ApiKeyPurposes.All)}.");
        return new([.. ApiKeyPurposes.All.Where(chosen.Contains)], Codes(sources, "source system"), Codes(stores, "store"));
    }

    private static IReadOnlyList<string>? Codes(string? text, string what)
    {
        // Not split on spaces: a store code may hold one ("Store 12").
        var codes = (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (codes.FirstOrDefault(c => c.Length > FieldLimits.Code) is { } tooLong)
            throw new ArgumentException($"A {what} code has at most {FieldLimits.Code} characters, not {tooLong.Length}.");
        return codes.Count == 0 ? null : codes;
    }

    private static string List(IReadOnlyList<string> codes) => string.Join(", ", codes);
}
