using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex;

/// <summary>Rounds and criteria sets; coordinators copy, import and create from here.</summary>
[IgnoreAntiforgeryToken, UploadSizeGuard, RequestSizeLimit(UploadLimits.RequestBytes), RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class IndexModel(AppDbContext db, CurrentUser me, CriteriaSets sets, ParGroups groups, TimeProvider clock) : PageModel
{
    // A post over the upload limit (set import): the page with the message, no handler (see UploadLimits).
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        UploadLimits.RefuseOrContinueAsync(this, context, next,
            async () => { await OnGetAsync(HttpContext.RequestAborted); return Page(); }, Errors.Add);

    public sealed record RoundItem(int Id, int Year, string Title, RoundStage Stage, DateOnly Deadline, int Units, int? MyAssessmentId);
    public sealed record SetItem(int Id, int Year, ParUnitGroup Group, string Title, int Revision);

    public List<RoundItem> RoundList { get; private set; } = [];
    public List<SetItem> SetList { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public IReadOnlyList<ParUnitGroup> GroupChoices { get; private set; } = ParUnitGroup.BuiltIn;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rounds = await db.Set<ParRound>().AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Year, r.Title, r.Stage, r.SelfAssessmentDeadline, Units = r.Assessments.Count }).ToListAsync(ct);
        var mine = me.IsOfficer && me.AgencyId is { } agency
            ? await db.Set<ParAssessment>().AsNoTracking().Where(a => a.AgencyId == agency).ToDictionaryAsync(a => a.RoundId, a => a.Id, ct)
            : [];
        RoundList = rounds.Where(r => !me.IsOfficer || mine.ContainsKey(r.Id))
            .Select(r => new RoundItem(r.Id, r.Year, r.Title, r.Stage, r.SelfAssessmentDeadline, r.Units, mine.TryGetValue(r.Id, out var m) ? m : null)).ToList();
        SetList = (await db.Set<ParCriteriaSetRow>().AsNoTracking().ToListAsync(ct))
            .OrderByDescending(s => s.Year).ThenBy(s => s.Group).Select(s => new SetItem(s.Id, s.Year, s.Group, s.Title, s.Revision)).ToList();
        GroupChoices = await groups.AllAsync(ct);
    }

    [BindProperty] public int Year { get; set; } = DateTime.UtcNow.Year;
    [BindProperty] public ParUnitGroup Group { get; set; }
    [BindProperty] public int FromSetId { get; set; }

    const string UnknownGroup = "Không có nhóm đơn vị này. Hãy chọn nhóm trong danh sách (nhóm khác do điều phối viên cấu hình ở trang Nhóm đơn vị).";

    /// <summary>Creates a year's set: a copy of the chosen set, or the default one.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        if (FromSetId == 0)
        {
            if (!(await groups.AllAsync(ct)).Contains(Group)) Errors.Add(UnknownGroup);
            else if (await sets.FindAsync(Year, Group, ct) is not null)
                Errors.Add($"Năm {Year} đã có bộ tiêu chí cho nhóm {ParLabels.Of(Group)}.");
            else
            {
                var row = await sets.EnsureAsync(Year, Group, ct);
                return Redirect($"/ParIndex/Sets/{row.Id}");
            }
        }
        else
        {
            var copied = await sets.CopyAsync(FromSetId, Year, ct);
            if (copied.Value is { } row) return Redirect($"/ParIndex/Sets/{row.Id}");
            Errors.AddRange(copied.Messages);
        }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Imports a set (JSON exported by ParTrack, or XLSX in the export's columns) for a year and group.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        if (!(await groups.AllAsync(ct)).Contains(Group)) Errors.Add(UnknownGroup);
        else if (file is null || file.Length == 0) Errors.Add("Hãy chọn tệp JSON hoặc XLSX của bộ tiêu chí.");
        else
        {
            CriteriaSet? set;
            IReadOnlyList<string> errors;
            await using var stream = file.OpenReadStream();
            if (file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(stream);
                var (s, e) = CriteriaSetJson.Deserialize(await reader.ReadToEndAsync(ct));
                set = s; errors = e.Select(x => x.Message).ToList();
            }
            else
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                copy.Position = 0;
                (set, errors) = ParXlsx.ReadSet(copy, Year, ParLabels.Of(Group));
            }
            if (set is not null)
            {
                var existing = await sets.FindAsync(Year, Group, ct);
                if (existing is null)
                {
                    existing = new ParCriteriaSetRow { Year = Year, Group = Group, Revision = 0, Title = set.Title, Json = "", UpdatedAtUtc = clock.GetUtcNow().UtcDateTime };
                    db.Add(existing);
                }
                errors = await sets.ReplaceAsync(existing, set with { Year = Year }, ct);
                if (errors.Count == 0)
                {
                    this.SetMessage("Đã nhập bộ tiêu chí năm {0} – {1}.", Year, this.Localize(ParLabels.Of(Group)));
                    return Redirect($"/ParIndex/Sets/{existing.Id}");
                }
            }
            Errors.AddRange(errors);
        }
        await OnGetAsync(ct);
        return Page();
    }
}
