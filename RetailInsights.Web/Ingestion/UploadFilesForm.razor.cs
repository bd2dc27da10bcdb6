using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion.SourceMappings;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// The upload form's steps between a file's arrival and its intake: a workbook's sheet, a source's mapping. Files that
/// need a step are staged first and looked at one at a time; the others of the batch wait their turn.
/// </summary>
public partial class UploadFilesForm
{
    /// <summary>
    /// A staged file of a chosen source or a workbook: a workbook of several sheets asks which one first; then a source's
    /// file is loaded at once when the source's mapping covers its header, else held for the mapping step. One file is
    /// asked about at a time; the batch's others wait and are taken once it is answered.
    /// </summary>
    private async Task TakeStagedAsync(Transfer transfer, StagedFile staged, ClaimsPrincipal user)
    {
        await _looking.WaitAsync();
        try
        {
            await LookAtAsync(transfer, staged, user);
        }
        finally
        {
            _looking.Release();
        }
    }

    private async Task LookAtAsync(Transfer transfer, StagedFile staged, ClaimsPrincipal user)
    {
        if (_pending is not null || _sheetChoice is not null)
        {
            _waiting.Enqueue((transfer, staged));
            transfer.Finish(_pending is not null ? "waits for the mapping below." : "waits for the choice of a sheet below.");
            return;
        }
        var source = _source == NoSource ? null : await Sources.GetAsync(_source, cancellationToken: _cancellation.Token);
        if (_source != NoSource && source is null)
        {
            NotLoaded(transfer, staged, $"There is no source '{_source}' any more.");
            return;
        }
        FilePreview preview;
        try
        {
            // Without a source only a workbook of several sheets has a question (its sheets are listed in milliseconds,
            // its rows read in seconds).
            if (source is null && (await StagedFileReads.SheetsAsync(staged, ReadOptionsFor(null, null), _cancellation.Token)).Count < 2)
            {
                await AcceptAsync(transfer, staged, user, sheet: null, note: null);
                return;
            }
            preview = await PreviewAsync(transfer, staged, source, sheet: null);
        }
        catch (FileRefusedException) when (source is null)
        {
            // Without a source the file goes in as any other: its load refuses it and the uploads list says why.
            await AcceptAsync(transfer, staged, user, sheet: null, note: null);
            return;
        }
        catch (FileRefusedException e)
        {
            NotLoaded(transfer, staged, e.Message);
            return;
        }
        if (preview.Sheets.Count > 1)
        {
            _sheetChoice = new PendingSheet(transfer, staged, preview.Sheets, preview.Sheet);
            transfer.Finish($"is a workbook of {preview.Sheets.Count} sheets: choose the one to load below.");
            return;
        }
        await TakeSheetAsync(transfer, staged, user, source, preview, sheet: null);
    }

    /// <summary>A file whose sheet is known (or that has one): recorded, or for a source whose mapping misses its header, held for the mapping step.</summary>
    private async Task TakeSheetAsync(Transfer transfer, StagedFile staged, ClaimsPrincipal user, SourceSettings? source,
        FilePreview preview, string? sheet)
    {
        if (source is null)
        {
            await AcceptAsync(transfer, staged, user, sheet, null);
            return;
        }
        var kind = UploadKinds.Parse(_kind == Auto ? source.OnlyKind : _kind);
        if (Maps(preview.Headers, kind, source.Mapping))
        {
            await AcceptAsync(transfer, staged, user, sheet, $"Read with {source.Name}'s mapping version {source.Version}.");
            return;
        }
        _pending = new PendingMapping(transfer, staged, new MappingDraft(preview, source, kind), sheet);
        _mappingError = null;
        transfer.Finish($"its columns are not mapped for {source.Name} yet: map them below.");
    }

    private async Task AcceptAsync(Transfer transfer, StagedFile staged, ClaimsPrincipal user, string? sheet, string? note)
    {
        try
        {
            var result = await Intake.AcceptStagedAsync(staged, Request(staged.OriginalName, user) with { Sheet = sheet }, enqueue: true,
                _cancellation.Token);
            transfer.Finish(note is null ? result.Message : $"{result.Message} {note}");
        }
        catch (IntakeRequestException e)
        {
            transfer.Finish($"not received: {e.Message}");
        }
    }

    // A large workbook takes seconds to open: read off the circuit, saying so.
    private async Task<FilePreview> PreviewAsync(Transfer transfer, StagedFile staged, SourceSettings? source, string? sheet)
    {
        transfer.Finish("received; reading its first rows…");
        await InvokeAsync(StateHasChanged);
        return await StagedFileReads.PreviewAsync(staged, ReadOptionsFor(source, sheet), MappingDraft.SampleRows, _cancellation.Token);
    }

    private ReadOptions ReadOptionsFor(SourceSettings? source, string? sheet) => new()
    {
        Now = Clock.GetUtcNow().UtcDateTime,
        Kind = UploadKinds.Parse(_kind == Auto ? source?.OnlyKind : _kind),
        Mapping = source?.Mapping,
        Sheet = sheet,
    };

    private static void NotLoaded(Transfer transfer, StagedFile staged, string why)
    {
        File.Delete(staged.Path);
        transfer.Finish($"not loaded: {why}");
    }

    private async Task ChooseSheetAsync(string sheet)
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.ManageUploads)).Succeeded)
            return;
        await _looking.WaitAsync();
        try
        {
            if (_sheetChoice is not { } choice)
                return;
            _sheetChoice = null;
            await TakeChosenSheetAsync(choice, sheet, user);
        }
        finally
        {
            _looking.Release();
        }
        await TakeWaitingAsync(user);
        await Received.InvokeAsync();
    }

    private async Task TakeChosenSheetAsync(PendingSheet choice, string sheet, ClaimsPrincipal user)
    {
        if (_source == NoSource)
        {
            await AcceptAsync(choice.Transfer, choice.Staged, user, sheet, note: null);
            return;
        }
        if (await Sources.GetAsync(_source, cancellationToken: _cancellation.Token) is not { } source)
        {
            NotLoaded(choice.Transfer, choice.Staged, $"There is no source '{_source}' any more.");
            return;
        }
        try
        {
            await TakeSheetAsync(choice.Transfer, choice.Staged, user, source, await PreviewAsync(choice.Transfer, choice.Staged, source, sheet), sheet);
        }
        catch (FileRefusedException e)
        {
            NotLoaded(choice.Transfer, choice.Staged, e.Message);
        }
    }

    private async Task CancelSheetAsync()
    {
        if (_sheetChoice is not { } choice)
            return;
        _sheetChoice = null;
        NotLoaded(choice.Transfer, choice.Staged, "no sheet was chosen.");
        await TakeWaitingAsync((await AuthenticationState).User);
    }

    private static bool Maps(IReadOnlyList<string> headers, UploadKind? kind, ColumnMapping mapping)
    {
        try
        {
            HeaderMap.Create(headers, kind, mapping);
            return true;
        }
        catch (FileRefusedException)
        {
            return false;
        }
    }

    // Managers map files for a source as part of bringing them: the page's policy, checked again for the action.
    private async Task SaveMappingAsync()
    {
        var user = (await AuthenticationState).User;
        if (_pending is not { } pending || !(await Authorization.AuthorizeAsync(user, Policies.ManageUploads)).Succeeded)
            return;
        _saving = true;
        try
        {
            var saved = await Sources.SaveAsync(pending.Draft.Source.Code, pending.Draft.Change(), user.Identity?.Name ?? "unknown", _cancellation.Token);
            var request = Request(pending.Staged.OriginalName, user) with
            {
                Source = saved.Code,
                Kind = _kind == Auto ? pending.Draft.KindName : _kind,
                Sheet = pending.Sheet,
            };
            var result = await Intake.AcceptStagedAsync(pending.Staged, request, enqueue: true, _cancellation.Token);
            pending.Transfer.Finish($"{result.Message} Read with {saved.Name}'s mapping version {saved.Version}, saved now.");
            _pending = null;
            _sources = await Sources.ListAsync(_cancellation.Token);
        }
        catch (ArgumentException e)
        {
            _mappingError = $"The mapping was not saved: {e.Message}";
            return;
        }
        catch (IntakeRequestException e)
        {
            // The mapping is saved; the file itself cannot be taken (the intake removed its staged copy).
            pending.Transfer.Finish($"not received: {e.Message}");
            _pending = null;
        }
        finally
        {
            _saving = false;
        }
        await TakeWaitingAsync(user);
        await Received.InvokeAsync();
    }

    private async Task CancelMappingAsync()
    {
        if (_pending is not { } pending)
            return;
        File.Delete(pending.Staged.Path);
        pending.Transfer.Finish("not loaded: its columns were not mapped.");
        _pending = null;
        await TakeWaitingAsync((await AuthenticationState).User);
    }

    private async Task TakeWaitingAsync(ClaimsPrincipal user)
    {
        while (_pending is null && _sheetChoice is null && _waiting.TryDequeue(out var waiting))
            await TakeStagedAsync(waiting.Transfer, waiting.Staged, user);
    }

    private sealed record PendingMapping(Transfer Transfer, StagedFile Staged, MappingDraft Draft, string? Sheet);

    private sealed record PendingSheet(Transfer Transfer, StagedFile Staged, IReadOnlyList<string> Sheets, string? Suggested);
}
