using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RetailInsights.Core.Ingestion.Pulls;
using RetailInsights.Web.Security;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Sources.Pulls;

public sealed partial class SourceEndpointPanel
{
    private EndpointSettings? _current;
    private EndpointForm _form = new();
    private string? _secret;
    private string? _error;
    private string? _saved;
    private string? _shownCode;

    /// <summary>The source whose endpoint this is.</summary>
    [Parameter, EditorRequired] public required string Code { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The stored secret stays when the auth kind and the URL's scheme, host and port stay and no new one is typed.</summary>
    private bool SecretKept => SecretStored && EndpointRules.SameOrigin(_current!.BaseUrl, _form.BaseUrl);

    private bool SecretStored => _current is { HasSecret: true } current && current.Auth == _form.Auth;

    private string SecretHelp => SecretKept ? "set — type a new one to replace it"
        : SecretStored ? "must be given again: the base URL's scheme, host or port changed, and the stored one goes only to the old address"
        : "not set";

    protected override void OnInitialized() => Changes.Changed += OnDataChanged;

    protected override async Task OnParametersSetAsync()
    {
        if (_shownCode == Code)
            return;
        (_secret, _error, _saved) = (null, null, null);
        _current = await Endpoints.GetAsync(Code, CancellationToken.None);
        // Shown as loaded only now: what was typed before the stored endpoint arrived would be replaced by it.
        (_form, _shownCode) = (EndpointForm.From(_current), Code);
    }

    private bool Loaded => _shownCode == Code;

    // A pull's end is announced like a load's: the status line follows it.
    private void OnDataChanged(string what)
    {
        if (what == DataChanges.Uploads)
            _ = InvokeAsync(async () =>
            {
                _current = await Endpoints.GetAsync(Code, CancellationToken.None);
                StateHasChanged();
            });
    }

    private async Task<string?> AdminAsync()
    {
        var user = (await AuthenticationState).User;
        // The circuit lives on after the page's own check: each action checks again.
        return (await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded ? user.Identity?.Name ?? "unknown" : null;
    }

    private async Task SaveAsync()
    {
        (_error, _saved) = (null, null);
        if (await AdminAsync() is not { } actor)
        {
            _error = "Only admins may change source endpoints.";
            return;
        }
        try
        {
            _current = await Endpoints.SaveAsync(Code, _form.Change(_current, _secret), actor, CancellationToken.None);
            (_form, _secret) = (EndpointForm.From(_current), null);
            _saved = $"Saved the endpoint of {Code}; it is pulled on the schedule \"{_current.Schedule}\" (UTC).";
        }
        catch (ArgumentException e)
        {
            _error = e.Message;
        }
    }

    private async Task PullNowAsync()
    {
        (_error, _saved) = (null, null);
        if (await AdminAsync() is null)
        {
            _error = "Only admins may pull a source.";
            return;
        }
        var code = Code;
        Jobs.Enqueue<PullJob>(job => job.RunAsync(code, CancellationToken.None));
        _saved = $"A pull of {Code} is queued; the line above shows how it went when it ends.";
    }

    private async Task RemoveAsync()
    {
        (_error, _saved) = (null, null);
        if (await AdminAsync() is not { } actor)
        {
            _error = "Only admins may change source endpoints.";
            return;
        }
        await Endpoints.RemoveAsync(Code, actor, CancellationToken.None);
        (_current, _form, _secret) = (null, EndpointForm.From(null), null);
        _saved = $"Removed the endpoint of {Code} and its schedule; files from it still come through every other way.";
    }

    public void Dispose() => Changes.Changed -= OnDataChanged;

    private sealed class EndpointForm
    {
        public string? BaseUrl { get; set; }
        public string Paging { get; set; } = ApiPaging.Pages;
        public int PageSize { get; set; } = 100;
        public string? SinceParameter { get; set; } = "since";
        public string? RecordsPath { get; set; }
        public string? CursorField { get; set; }
        public string? Schedule { get; set; }
        public string? Cursor { get; set; }
        public string Auth { get; set; } = EndpointAuth.None;
        public string? AuthHeader { get; set; }
        public string? AuthUser { get; set; }

        public static EndpointForm From(EndpointSettings? e) => e is null ? new EndpointForm() : new EndpointForm
        {
            BaseUrl = e.BaseUrl, Paging = e.Paging, PageSize = e.PageSize, SinceParameter = e.SinceParameter, RecordsPath = e.RecordsPath,
            CursorField = e.CursorField, Schedule = e.Schedule, Cursor = e.Cursor, Auth = e.Auth, AuthHeader = e.AuthHeader, AuthUser = e.AuthUser,
        };

        /// <summary>Every setting as the form holds it; the cursor only when the admin changed it (a pull may have moved it since).</summary>
        public EndpointChange Change(EndpointSettings? current, string? secret) => new()
        {
            BaseUrl = BaseUrl ?? "",
            Paging = Paging,
            PageSize = PageSize,
            SinceParameter = SinceParameter ?? "",
            RecordsPath = RecordsPath ?? "",
            CursorField = CursorField ?? "",
            Schedule = string.IsNullOrWhiteSpace(Schedule) ? null : Schedule,
            Auth = Auth,
            AuthHeader = AuthHeader ?? "",
            AuthUser = AuthUser ?? "",
            Secret = string.IsNullOrEmpty(secret) ? null : secret,
            Cursor = (Cursor ?? "") == (current?.Cursor ?? "") ? null : Cursor ?? "",
        };
    }
}
