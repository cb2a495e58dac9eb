using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// /Dossiers/Upload/{token}: the kept export's column mapping (when its header is not the contract's, or on request),
/// the preview of its first rows as they will be read, and the import, once per form (<see cref="FormOnce"/>).
/// The source's saved mapping is used first, then the contract's names, then names proposed by similarity.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class UploadReviewModel(DossierUploads uploads, DossierImporter importer, FormOnce once) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    /// <summary>Show the mapping step even though the file can be read (the coordinator asked to change it).</summary>
    [BindProperty(SupportsGet = true)] public bool Edit { get; set; }

    public DossierUpload? Upload { get; private set; }
    public string SourceName { get; private set; } = DossierImporter.DefaultSource;
    public bool Mapping { get; private set; }
    /// <summary>For each contract column, the index of the file column read for it (the select's value).</summary>
    public Dictionary<string, int> Chosen { get; private set; } = [];
    public List<PreviewLine> Preview { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var saved = await uploads.MappingAsync(SourceName, ct);
        var readable = DossierUploads.Columns(Upload!.Header, saved) is not null;
        Mapping = Edit || !readable;
        Chosen = Mapping ? Proposal(Upload.Header, saved) : [];
        if (readable && !Mapping) await PreviewAsync(saved, ct);
        return Page();
    }

    /// <summary>Saves the chosen mapping for the source, then shows the preview read through it.</summary>
    public async Task<IActionResult> OnPostMappingAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in DossierColumns.All)
            if (int.TryParse(Request.Form["col_" + column], out var index) && index >= 0)
                chosen[column] = index;
        var saved = await uploads.SaveMappingAsync(SourceName, Upload!.Header, chosen, ct);
        if (!saved.IsOk)
        {
            Errors.AddRange(saved.Errors!.Values);
            (Mapping, Chosen) = (true, chosen);
            return Page();
        }
        return Redirect(Here);
    }

    /// <summary>Imports the kept file through the source's mapping; a second post of the same form goes to the first's summary.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (await once.EarlierResultAsync(ct) is { } earlier) return Redirect(earlier);
        if (!await LoadAsync(ct)) return Page();
        var mapping = await uploads.MappingAsync(SourceName, ct);
        if (DossierUploads.Columns(Upload!.Header, mapping) is null) return Redirect(Here);
        var url = await once.ClaimThenRunAsync(async () =>
        {
            await using var stream = await uploads.OpenAsync(Token, ct);
            if (stream is null) return null;
            try
            {
                var summary = await importer.ImportAsync(DossierFile.Read(stream, mapping), SourceName, Upload.FileName, ct);
                uploads.Forget(Token);
                return $"/Dossiers/Imports/{summary.ImportId}";
            }
            catch (Exception e) when (Cli.DossiersCommand.IsUnreadable(e))
            {
                // Rows before the break are stored (re-importing the fixed file replaces them); the summary of what was taken is lost.
                Errors.Add(Cli.DossiersCommand.Message(e));
                return null;
            }
        }, whileRunning: "/Dossiers/Upload", ct);
        if (url is not null) return Redirect(url);
        if (Errors.Count == 0) Errors.Add(Expired);
        return Page();
    }

    string Here => $"/Dossiers/Upload/{Token}?source={Uri.EscapeDataString(SourceName)}";

    const string Expired = "Tệp tải lên không còn (đã nhập, hoặc quá 30 phút chưa nhập). Hãy tải tệp lên lại.";

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        SourceName = UploadModel.SourceName(Source, out _);
        Upload = await uploads.FindAsync(Token, ct);
        if (Upload is null) Errors.Add(Expired);
        return Upload is not null;
    }

    async Task PreviewAsync(IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
    {
        try
        {
            Preview = await uploads.PreviewAsync(Token, mapping, ct);
        }
        catch (Exception e) when (Cli.DossiersCommand.IsUnreadable(e))
        {
            Errors.Add(Cli.DossiersCommand.Message(e));
        }
    }

    /// <summary>The select's choices: the saved mapping's headers, else the contract's own names, else the most similar header.</summary>
    static Dictionary<string, int> Proposal(IReadOnlyList<string> header, IReadOnlyDictionary<string, string> saved)
    {
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var key = DossierColumns.Key(header[i]);
            var column = saved.TryGetValue(key, out var mapped) ? mapped : DossierColumns.All.Contains(key) ? key : null;
            if (column is not null) chosen.TryAdd(column, i);
        }
        foreach (var (column, index) in ColumnProposal.Propose(header))
            if (!chosen.ContainsKey(column) && !chosen.ContainsValue(index)) chosen[column] = index;
        return chosen;
    }
}
