using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>The inspection paragraph of "Công tác chỉ đạo, điều hành" in the consolidated report.</summary>
public sealed class InspectionReportSection(AppDbContext db, InspectionFigures figures) : IReportContribution
{
    static readonly CultureInfo Vi = new("vi-VN");
    public ReportPlace Place => ReportPlace.Direction;
    public int Order => 20;

    public async Task<ReportBlock?> DraftAsync(ReportScope scope, CancellationToken ct)
    {
        var programme = await db.Set<InspectionProgramme>().AsNoTracking().Where(p => p.Year == scope.Year).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (programme is null) return null;
        var inspections = await db.Set<Inspection>().AsNoTracking().Include(i => i.Agency).Include(i => i.Findings)
            .Where(i => i.ProgrammeId == programme.Id && (scope.AgencyId == null || i.AgencyId == scope.AgencyId)).ToListAsync(ct);
        var visited = inspections.Where(i => i.VisitedOn is DateOnly d && d >= scope.From && d <= scope.To).ToList();
        var findings = inspections.SelectMany(i => i.Findings).ToList();
        var rate = Remedies.Rate(findings.Select(f => f.State), scope.To);
        var verified = findings.Count(f => f.Status == RemedyStatus.Verified);
        var overdue = findings.Count(f => Remedies.IsOverdue(f.State, scope.To));
        var paragraphs = new List<string>();
        if (scope.AgencyId is null)
        {
            var f = await figures.OfAsync(programme, scope.To, ct);
            paragraphs.Add(string.Format(Vi, "Thực hiện {0}, trong kỳ đã kiểm tra công tác CCHC tại {1} cơ quan, đơn vị (cả năm kế hoạch {2} đơn vị).",
                programme.Title, visited.Count, inspections.Count));
            if (f.Coverage.Count > 0)
                paragraphs.Add("Tỷ lệ kiểm tra so với chỉ tiêu: " + string.Join("; ", f.Coverage.Select(c => string.Format(Vi, "{0}: {1}/{2} đơn vị ({3}%, chỉ tiêu {4}{5})",
                    c.Group, c.Coverage.Inspected, c.Coverage.UnitsValid, c.Coverage.Percent?.ToString("0.#", Vi) ?? "–",
                    c.Coverage.Target!.Value.ToString("0.##", Vi), c.Coverage.Target.Kind == TargetKind.Percent ? "%" : " đơn vị"))) + ".");
        }
        else if (inspections.Count == 0) return null;
        else paragraphs.Add(string.Format(Vi, "Đơn vị được kiểm tra công tác CCHC theo {0}{1}.", programme.Title,
            visited.Count > 0 ? $" ngày {visited[0].VisitedOn:dd/MM/yyyy}" : ""));
        paragraphs.Add(string.Format(Vi, "Qua kiểm tra đã chỉ ra {0} tồn tại, hạn chế; đã khắc phục và được xác nhận {1}; tỷ lệ khắc phục đúng hạn {2}; còn {3} tồn tại quá hạn khắc phục.",
            findings.Count, verified, rate.Percent is { } p ? p.ToString("0.#", Vi) + "%" : "chưa có tồn tại đến hạn", overdue));
        return new ReportBlock("Công tác kiểm tra cải cách hành chính", paragraphs);
    }
}

/// <summary>Lines of "Việc cần làm": remedies and documents for the unit, the team's inspections, remedies to verify and overdue ones for Sở Nội vụ.</summary>
public sealed class InspectionWorkItems(AppDbContext db, TimeProvider clock) : IWorkItemSource
{
    const string Group = "Kiểm tra CCHC";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var items = new List<WorkItem>();
        if (user.IsOfficer && user.AgencyId is int own)
        {
            var due = await db.Set<InspectionFinding>().AsNoTracking()
                .Where(f => f.ResponsibleAgencyId == own && (f.Status == RemedyStatus.Open || f.Status == RemedyStatus.Returned))
                .Select(f => new { f.Deadline, f.Status }).ToListAsync(ct);
            if (due.Count > 0)
            {
                var first = due.Min(f => f.Deadline);
                items.Add(new(Group, due.Any(f => f.Status == RemedyStatus.Returned) ? "Khắc phục tồn tại sau kiểm tra (có kết quả bị trả lại)" : "Khắc phục tồn tại sau kiểm tra",
                    "/Inspections", due.Count, first, Urgency(first, today)));
            }
            var toPrepare = await db.Set<Inspection>().AsNoTracking().Include(i => i.Documents)
                .Where(i => i.AgencyId == own && i.VisitedOn == null && i.ScheduledOn >= today).ToListAsync(ct);
            foreach (var i in toPrepare.Where(i => Visits.Missing(i).Count > 0))
                items.Add(new(Group, "Chuẩn bị tài liệu phục vụ kiểm tra CCHC", $"/Inspections/Visits/{i.Id}", Visits.Missing(i).Count,
                    i.DocumentsDueOn, i.DocumentsDueOn is { } d ? Urgency(d, today) : WorkUrgency.Normal));
        }
        if (user.Id is int uid)
        {
            var rounds = await db.Set<InspectionTeamMember>().AsNoTracking().Where(m => m.UserId == uid).Select(m => m.RoundId).ToListAsync(ct);
            var open = await db.Set<Inspection>().AsNoTracking()
                .Where(i => i.RoundId != null && rounds.Contains(i.RoundId.Value) && i.ConclusionDate == null).Select(i => i.ScheduledOn).ToListAsync(ct);
            if (open.Count > 0) items.Add(new(Group, "Cuộc kiểm tra của đoàn chưa có kết luận", "/Inspections", open.Count, open.Min()));
        }
        if (user.IsCoordinator)
        {
            var reported = await db.Set<InspectionFinding>().CountAsync(f => f.Status == RemedyStatus.Reported, ct);
            if (reported > 0) items.Add(new(Group, "Kết quả khắc phục chờ xác nhận", "/Inspections", reported));
            var overdue = await db.Set<InspectionFinding>()
                .CountAsync(f => (f.Status == RemedyStatus.Open || f.Status == RemedyStatus.Returned) && f.Deadline < today, ct);
            if (overdue > 0) items.Add(new(Group, "Tồn tại quá hạn khắc phục", "/Inspections", overdue, Urgency: WorkUrgency.Overdue));
        }
        return items;
    }

    static WorkUrgency Urgency(DateOnly due, DateOnly today) =>
        due < today ? WorkUrgency.Overdue : due.DayNumber - today.DayNumber <= 7 ? WorkUrgency.DueSoon : WorkUrgency.Normal;
}

/// <summary>The public table "inspection-coverage": per group, units, inspected, percent and target of one programme. Nothing personal.</summary>
public sealed class InspectionCoverageDataset(AppDbContext db, InspectionFigures figures) : IPublicDataset
{
    public string Kind => "inspection-coverage";
    public string Title => "Tỷ lệ kiểm tra công tác cải cách hành chính";

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct) =>
        (await db.Set<InspectionProgramme>().AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Id).ToListAsync(ct))
        .Select(p => new PublicDatasetItem(p.Id.ToString(CultureInfo.InvariantCulture), p.Title, new DateOnly(p.Year, 12, 31))).ToList();

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var p = await db.Set<InspectionProgramme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var f = await figures.OfAsync(p, null, ct);
        return new PublicTable(p.Title,
        [
            new("group", "string", "Nhóm cơ quan, đơn vị", "Nhóm theo danh mục cơ quan của tỉnh"),
            new("units", "integer", "Số đơn vị", "Đơn vị còn hoạt động vào ngày tính"),
            new("inspected", "integer", "Đã kiểm tra", "Đơn vị đã được kiểm tra (kể cả cơ quan đã hợp nhất vào đơn vị)"),
            new("percent", "number", "Tỷ lệ (%)", "Đã kiểm tra ÷ số đơn vị"),
            new("target", "string", "Chỉ tiêu", "Số đơn vị hoặc tỷ lệ % theo kế hoạch"),
            new("as_of", "date", "Ngày tính", "Danh mục cơ quan của ngày này"),
        ],
        f.Coverage.Select(c => (IReadOnlyList<object?>)[c.Group, c.Coverage.UnitsValid, c.Coverage.Inspected, c.Coverage.Percent,
            c.Coverage.Target!.Value.ToString("0.##", CultureInfo.InvariantCulture) + (c.Coverage.Target.Kind == TargetKind.Percent ? "%" : ""), f.AsOf]).ToList());
    }
}
