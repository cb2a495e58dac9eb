using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Agencies;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>One programme: figures against targets, rounds and teams, the units (by hand or drawn). Coordinators edit; leaders and appraisers read.</summary>
public sealed class ProgrammeModel(AppDbContext db, InspectionAccess access, Programmes programmes, InspectionFigures figures, CurrentUser me,
    InspectionDocx docx, ProgrammeTargets measures) : PageModel
{
    /// <summary>The inspection plan, a round's team decision or the year summary as DOCX.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, string? kind, int? roundId, CancellationToken ct)
    {
        if (!access.SeesAll || await docx.ProgrammeAsync(id, kind ?? "plan", roundId, ct) is not { } file) return NotFound();
        return File(file.Content, FileStore.DocxType, file.Name);
    }

    public sealed record UnitRow(int Id, string Agency, string? Round, InspectionKind Kind, DateOnly ScheduledOn, bool Drawn, int Findings, bool Concluded);

    public InspectionProgramme Programme { get; private set; } = null!;
    public ProgrammeFigures Figures { get; private set; } = null!;
    public List<InspectionRound> Rounds { get; private set; } = [];
    public List<UnitRow> Units { get; private set; } = [];
    public List<InspectionDrawRecord> Draws { get; private set; } = [];
    public List<AgencyGroup> Groups { get; private set; } = [];
    public List<Agency> AgencyChoices { get; private set; } = [];
    public List<User> UserChoices { get; private set; } = [];
    public IReadOnlyList<MeasureChoice> MeasureChoices { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public DateOnly Today => programmes.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!access.SeesAll) return false;
        var p = await db.Set<InspectionProgramme>().AsNoTracking().Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return false;
        Programme = p;
        Figures = await figures.OfAsync(p, null, ct);
        Rounds = await db.Set<InspectionRound>().AsNoTracking().Include(r => r.Members).Where(r => r.ProgrammeId == id).OrderBy(r => r.StartsOn).ToListAsync(ct);
        var rounds = Rounds.ToDictionary(r => r.Id, r => r.Name);
        Units = (await db.Set<Inspection>().AsNoTracking().Where(i => i.ProgrammeId == id).OrderBy(i => i.ScheduledOn).ThenBy(i => i.Agency!.Name)
                .Select(i => new { i.Id, Agency = i.Agency!.Name, i.RoundId, i.Kind, i.ScheduledOn, i.DrawId, Findings = i.Findings.Count, i.ConclusionDate })
                .ToListAsync(ct))
            .Select(i => new UnitRow(i.Id, i.Agency, i.RoundId is int r ? rounds.GetValueOrDefault(r) : null, i.Kind, i.ScheduledOn, i.DrawId is not null,
                i.Findings, i.ConclusionDate is not null)).ToList();
        Draws = await db.Set<InspectionDrawRecord>().AsNoTracking().Where(d => d.ProgrammeId == id).OrderBy(d => d.Id).ToListAsync(ct);
        Groups = await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        if (me.IsCoordinator)
        {
            var day = Today.Year == p.Year ? Today : new DateOnly(p.Year, 12, 31);
            AgencyChoices = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct)).Where(a => a.IsCurrent(day)).ToList();
            UserChoices = await db.Users.AsNoTracking().Where(u => u.Active).OrderBy(u => u.DisplayName).ToListAsync(ct);
        }
        MeasureChoices = await measures.ChoicesAsync(p.Year, ct);
        return true;
    }

    public string GroupName(int groupId) => Groups.FirstOrDefault(g => g.Id == groupId)?.Name ?? $"#{groupId}";

    async Task<InspectionProgramme?> EditableAsync(int id, CancellationToken ct) =>
        me.IsCoordinator ? await db.Set<InspectionProgramme>().FirstOrDefaultAsync(p => p.Id == id, ct) : null;

    async Task<IActionResult> Done<T>(int id, Outcome<T> outcome, string message, CancellationToken ct)
    {
        if (outcome.IsOk && ModelState.IsValid)
        {
            await db.SaveChangesAsync(ct);
            this.SetMessage(message);
            return Redirect($"/Inspections/Programmes/{id}");
        }
        Errors = outcome.IsOk ? FormInput.Unreadable(ModelState, Labels).Values.ToList() : outcome.Errors!.Values.ToList();
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    static readonly Dictionary<string, string> Labels = new()
    {
        ["value"] = "Chỉ tiêu", ["startsOn"] = "Ngày bắt đầu", ["endsOn"] = "Ngày kết thúc", ["decisionDate"] = "Ngày quyết định",
        ["scheduledOn"] = "Ngày kiểm tra", ["count"] = "Số đơn vị", ["seed"] = "Số hạt giống",
    };

    public async Task<IActionResult> OnPostTargetsAsync(int id, List<int> groupId, List<TargetKind> kind, List<string?> value, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } p) return NotFound();
        var targets = new List<TargetInput>();
        for (var n = 0; n < groupId.Count && n < kind.Count && n < value.Count; n++)
        {
            if (string.IsNullOrWhiteSpace(value[n])) continue;
            if (!FormInput.TryNumber(value[n], out var v))
                return await Done(id, Outcome<InspectionProgramme>.Invalid("value", FormInput.Message("Chỉ tiêu", value[n])), "", ct);
            targets.Add(new(groupId[n], kind[n], v));
        }
        return await Done(id, await programmes.SetTargetsAsync(p, targets, ct), "Đã lưu chỉ tiêu kiểm tra.", ct);
    }

    /// <summary>The plan target the programme carries out: its actual is then the programme's coverage.</summary>
    public async Task<IActionResult> OnPostMeasureAsync(int id, int? targetMeasureId, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } p) return NotFound();
        var set = await measures.SetAsync(p, targetMeasureId, ct);
        return await Done(id, set, targetMeasureId is null ? "Đã bỏ gắn chỉ tiêu của kế hoạch CCHC." : "Đã gắn kế hoạch kiểm tra với chỉ tiêu của kế hoạch CCHC: tỷ lệ đã kiểm tra được tính từ kết quả kiểm tra.", ct);
    }

    public async Task<IActionResult> OnPostRoundAsync(int id, string? name, DateOnly startsOn, DateOnly endsOn, string? decisionNumber, DateOnly? decisionDate,
        List<int?> memberUser, List<string?> memberName, List<string?> memberAgency, int? leader, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } p) return NotFound();
        var members = Enumerable.Range(0, Math.Max(memberUser.Count, memberName.Count))
            .Select(n => new MemberInput(memberName.ElementAtOrDefault(n), memberUser.ElementAtOrDefault(n), memberAgency.ElementAtOrDefault(n), leader == n)).ToList();
        return await Done(id, await programmes.AddRoundAsync(p, new(name, startsOn, endsOn, decisionNumber, decisionDate, members), ct),
            "Đã thêm đợt kiểm tra và đoàn kiểm tra.", ct);
    }

    public async Task<IActionResult> OnPostUnitAsync(int id, List<int> agencyId, int? roundId, InspectionKind kind, DateOnly scheduledOn, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } p) return NotFound();
        return await Done(id, await programmes.AddUnitsAsync(p, agencyId, roundId, kind, scheduledOn, null, ct), "Đã thêm đơn vị vào kế hoạch kiểm tra.", ct);
    }

    public async Task<IActionResult> OnPostDrawAsync(int id, int groupId, int count, long? seed, int? roundId, InspectionKind kind, DateOnly scheduledOn,
        CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } p) return NotFound();
        if (!ModelState.IsValid) return await Done(id, Outcome<int>.Ok(0), "", ct);
        var drawn = await programmes.DrawAsync(p, groupId, count, seed, roundId, kind, scheduledOn, ct);
        return await Done(id, drawn, drawn.Value is { } d ? this.Localize("Đã bốc thăm {0} đơn vị (số hạt giống {1}).", d.Drawn.Split(',').Length, d.Seed) : "", ct);
    }
}
