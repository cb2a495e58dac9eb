using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

public sealed class ProgrammeForm
{
    public int Year { get; set; } = DateTime.UtcNow.Year;
    public string? Title { get; set; }
    public string? LegalBasis { get; set; }
    public string? ContentAreas { get; set; }
    public List<InspectionKind> Kinds { get; set; } = [InspectionKind.Comprehensive];
    public int RecentYears { get; set; } = 2;
    public int RemedyDays { get; set; } = Remedies.DefaultDays;

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["Year"] = "Năm", ["RecentYears"] = "Không bốc thăm đơn vị đã kiểm tra trong số năm gần đây", ["RemedyDays"] = "Số ngày khắc phục",
    };

    public ProgrammeInput ToInput() => new(Year, Title, LegalBasis, ContentAreas, Kinds, null, RecentYears, RemedyDays);
}

/// <summary>Kiểm tra CCHC: the programmes (Sở Nội vụ, leaders, appraisers), the user's own inspections and findings, the overdue list.</summary>
public sealed class IndexModel(AppDbContext db, InspectionAccess access, Programmes programmes, InspectionFigures figures, FormOnce once,
    CurrentUser me) : PageModel
{
    public sealed record ProgrammeRow(int Id, int Year, string Title, int Units);
    public sealed record InspectionRow(int Id, string Programme, string Agency, DateOnly ScheduledOn, bool Concluded, bool OnTeam);
    public sealed record FindingRow(int Id, string Agency, string Area, string Found, DateOnly Deadline, RemedyStatus Status, bool Overdue);

    [BindProperty] public ProgrammeForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public List<ProgrammeRow> ProgrammeList { get; private set; } = [];
    public List<InspectionRow> Mine { get; private set; } = [];
    public List<FindingRow> Findings { get; private set; } = [];
    public IReadOnlyList<OverdueRow> Overdue { get; private set; } = [];
    public bool SeesAll => access.SeesAll;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = programmes.Today;
        if (access.SeesAll)
        {
            ProgrammeList = await db.Set<InspectionProgramme>().AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Id)
                .Select(p => new ProgrammeRow(p.Id, p.Year, p.Title, db.Set<Inspection>().Count(i => i.ProgrammeId == p.Id))).ToListAsync(ct);
            Overdue = await figures.OverdueAsync(ct);
        }
        else
        {
            var teamRounds = await access.TeamRoundsAsync(ct);
            var visible = await access.VisibleAsync(db.Set<Inspection>().AsNoTracking(), ct);
            Mine = (await visible.OrderByDescending(i => i.ScheduledOn)
                    .Select(i => new { i.Id, Programme = i.Programme!.Title, Agency = i.Agency!.Name, i.ScheduledOn, i.ConclusionDate, i.RoundId })
                    .ToListAsync(ct))
                .Select(i => new InspectionRow(i.Id, i.Programme, i.Agency, i.ScheduledOn, i.ConclusionDate is not null,
                    i.RoundId is int r && teamRounds.Contains(r))).ToList();
            var findings = await access.VisibleAsync(db.Set<InspectionFinding>().AsNoTracking(), ct);
            var rows = await findings.OrderBy(f => f.Deadline)
                .Select(f => new { f.Id, Agency = f.Inspection!.Agency!.Name, f.Area, f.Found, f.Deadline, f.Status, f.ReportedOn }).ToListAsync(ct);
            Findings = rows.Select(f => new FindingRow(f.Id, f.Agency, f.Area, f.Found, f.Deadline, f.Status,
                Remedies.IsOverdue(new(f.Deadline, f.Status, f.ReportedOn), today))).ToList();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        if (await once.EarlierResultAsync(ct) is { } earlier) return LocalRedirect(earlier);
        var unreadable = FormInput.Unreadable(ModelState, ProgrammeForm.Labels, "Form.");
        Errors = unreadable.Values.ToList();
        var url = Errors.Count > 0 ? null : await once.RunAsync(async () =>
        {
            var created = await programmes.CreateAsync(Form.ToInput(), ct);
            if (created.Value is not { } p) { Errors = created.Errors!.Values.ToList(); return null; }
            await db.SaveChangesAsync(ct);
            return $"/Inspections/Programmes/{p.Id}";
        }, ct);
        if (url is not null) return LocalRedirect(url);
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
