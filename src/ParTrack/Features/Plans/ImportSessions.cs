using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Agencies;
using System.Security.Cryptography;
using System.Text.Json;
using ParTrack.Data;
using ParTrack.Import;

namespace ParTrack.Features.Plans;

/// <summary>Where an upload went: a new draft to preview, or the plan the same document already is.</summary>
public sealed record ImportUpload(int PlanId, bool AlreadyImported);

public sealed record ImportSession(int PlanId, string FileName, string UserName, DateTime AtUtc, List<ImportWarning> Warnings)
{
    /// <summary>Only the document's header or a summary was read: no tasks yet.</summary>
    public bool NoPlanBody { get; init; }
}

/// <summary>
/// Import into the app. An upload is read by the importer and saved at once as a draft plan, so nothing
/// is lost between steps and the preview can be fixed with the ordinary edit pages; the warnings, which
/// have no table of their own, wait in a small JSON file until the import is confirmed. The file lives in the
/// evidence store's folder (imports/), which every instance of the app shares, so the preview and the
/// confirmation may be served by another instance than the upload (docs/deployment.md).
/// </summary>
public sealed class ImportSessions(AppDbContext db, PlanEditing editing, IConfiguration config, FileStore files, TimeProvider clock)
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const string TooLargeMessage = "Tệp lớn hơn 20 MB. Hãy tải lên tệp nhỏ hơn (ví dụ chỉ phần kế hoạch và phụ lục).";
    public const string EmptyMessage = "Hãy chọn tệp kế hoạch (.docx, .xlsx, .pdf, .html, .txt hoặc .json; .doc, .rtf, .odt, .xls, .ods cũng được) để tải lên.";

    string Dir => config["Import:Directory"] is { Length: > 0 } d ? d : Path.Combine(files.Folder, "imports");
    string PathOf(int planId) => Path.Combine(Dir, $"plan-{planId}.json");

    /// <summary>
    /// Imports the bytes; an unreadable document comes back as an Invalid outcome with the importer's message.
    /// A document already imported (the same file bytes, or the same number and issue date) is not imported again:
    /// the existing plan is returned. <paramref name="officerAgencyId"/> is set when an agency officer imports: the
    /// plan is then that agency's own, whatever the letterhead says.
    /// </summary>
    public async Task<Outcome<ImportUpload>> UploadAsync(byte[] content, string? fileName, string userName, CancellationToken ct = default,
        int? officerAgencyId = null)
    {
        if (content.Length == 0) return Outcome<ImportUpload>.Invalid("File", EmptyMessage);
        if (content.Length > MaxUploadBytes) return Outcome<ImportUpload>.Invalid("File", TooLargeMessage);

        // The same file again: found before reading it, so a re-upload costs nothing and needs no number or date.
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await SameDocumentAsync(p => p.ContentHash == hash, officerAgencyId, ct) is int sameFile)
            return Outcome<ImportUpload>.Ok(new ImportUpload(sameFile, AlreadyImported: true));

        ImportResult result;
        try
        {
            result = PlanImporter.Import(content, fileName, new ImportOptions());
        }
        catch (ImportException ex)
        {
            return Outcome<ImportUpload>.Invalid("File", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in a reader must not become a 500 for the coordinator; say what to try instead.
            return Outcome<ImportUpload>.Invalid("File", "Không đọc được tệp này. Hãy thử lưu lại dưới dạng .docx hoặc .pdf rồi tải lên lần nữa.");
        }

        // The same signed document in another file (same number and date): take the user to the plan it already is.
        var doc = result.Plan.Document;
        if (doc.Number is { } number && doc.IssuedOn is { } issuedOn
            && await SameDocumentAsync(p => p.Number == number && p.IssuedOn == issuedOn, officerAgencyId, ct) is int same)
            return Outcome<ImportUpload>.Ok(new ImportUpload(same, AlreadyImported: true));

        // Whose plan: an agency's own when the letterhead names a body in the registry (a department, a
        // district), else the province's. The preview shows it and the coordinator can change it there.
        var directory = new AgencyDirectory(db);
        var owner = officerAgencyId ?? await ProposedOwnerAsync(directory, doc.Issuer, ct);
        var created = await editing.CreateFromJsonAsync(result.Plan, await directory.ResolverAsync(owner, ct), owner, ct);
        if (!created.IsOk) return new Outcome<ImportUpload>(created.Kind, null, created.Message, created.Errors);
        var planId = created.Value;
        var plan = await db.Plans.FirstAsync(p => p.Id == planId, ct);
        plan.ContentHash = hash;
        if (owner is not null && await ProposedParentAsync(plan.FromYear, ct) is int parent
            && !await db.Plans.AnyAsync(p => p.ParentPlanId == parent && p.OwnerAgencyId == owner, ct))
            plan.ParentPlanId = parent;
        await db.SaveChangesAsync(ct);
        Directory.CreateDirectory(Dir);
        var session = new ImportSession(planId, Path.GetFileName(fileName ?? "tệp"), userName, clock.GetUtcNow().UtcDateTime, result.Warnings.ToList())
        {
            NoPlanBody = result.Status == ImportStatus.NoPlanBody,
        };
        await File.WriteAllTextAsync(PathOf(planId), JsonSerializer.Serialize(session, PlanJsonSerializer.Options), ct);
        return Outcome<ImportUpload>.Ok(new ImportUpload(planId, AlreadyImported: false));
    }

    /// <summary>
    /// An earlier import of the same document that the user may open. A withdrawn plan does not count: withdrawing
    /// says that import was wrong, so the document may be imported again. An officer is only sent to plans it can see.
    /// </summary>
    async Task<int?> SameDocumentAsync(System.Linq.Expressions.Expression<Func<Plan, bool>> same, int? officerAgencyId, CancellationToken ct) =>
        await db.Plans.Where(same).Where(p => p.Status != PlanStatus.Withdrawn)
            .Where(p => officerAgencyId == null || p.OwnerAgencyId == null || p.OwnerAgencyId == officerAgencyId)
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The issued province plan an agency plan for <paramref name="year"/> most likely implements (the latest issued).</summary>
    public async Task<int?> ProposedParentAsync(int year, CancellationToken ct = default) =>
        await db.Plans.Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued && p.FromYear <= year && p.ToYear >= year)
            .OrderBy(p => p.ToYear - p.FromYear).ThenByDescending(p => p.IssuedAtUtc).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The agency a document's issuer names, unless it is the province's people's committee.</summary>
    static async Task<int?> ProposedOwnerAsync(AgencyDirectory directory, string? issuer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(issuer) || issuer.StartsWith("UBND tỉnh", StringComparison.OrdinalIgnoreCase)) return null;
        return (await directory.ResolveAsync(issuer, ct))?.AgencyId;
    }

    public async Task<ImportSession?> FindAsync(int planId, CancellationToken ct = default)
    {
        var path = PathOf(planId);
        if (!File.Exists(path)) return null;
        return JsonSerializer.Deserialize<ImportSession>(await File.ReadAllTextAsync(path, ct), PlanJsonSerializer.Options);
    }

    public bool IsPending(int planId) => File.Exists(PathOf(planId));

    /// <summary>The import is accepted: the plan stays a draft; the warnings are no longer needed.</summary>
    public void Confirm(int planId)
    {
        if (File.Exists(PathOf(planId))) File.Delete(PathOf(planId));
    }

    /// <summary>The import is abandoned: its draft plan goes too.</summary>
    public async Task CancelAsync(int planId, CancellationToken ct = default)
    {
        if (!IsPending(planId)) return;
        await editing.DeletePlanAsync(planId, ct);
        Confirm(planId);
    }
}
