using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Inspections;

public sealed record ProgrammeInput(int Year, string? Title, string? LegalBasis, string? ContentAreas, IReadOnlyList<InspectionKind>? Kinds,
    string? Checklist, int RecentYears = 2, int RemedyDays = Remedies.DefaultDays, int? TargetMeasureId = null);

public sealed record TargetInput(int GroupId, TargetKind Kind, decimal Value);

public sealed record MemberInput(string? Name, int? UserId, string? AgencyName, bool IsLeader);

public sealed record RoundInput(string? Name, DateOnly StartsOn, DateOnly EndsOn, string? DecisionNumber, DateOnly? DecisionDate,
    IReadOnlyList<MemberInput> Members);

/// <summary>The year's programme (kế hoạch kiểm tra): its settings, targets, rounds with their teams, and the units to inspect.</summary>
public sealed class Programmes(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The checklist a new programme starts with: the reform areas the PAR Index scores (areas 1–7).</summary>
    public const string DefaultChecklist = """
        1. Công tác chỉ đạo, điều hành CCHC
        2. Xây dựng và tổ chức thực hiện văn bản QPPL
        3. Cải cách thủ tục hành chính
        4. Cải cách tổ chức bộ máy hành chính nhà nước
        5. Cải cách chế độ công vụ
        6. Cải cách tài chính công
        7. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số
        """;

    public async Task<Outcome<InspectionProgramme>> CreateAsync(ProgrammeInput input, CancellationToken ct = default)
    {
        var p = new InspectionProgramme();
        if (await ApplyAsync(p, input, ct) is { } invalid) return invalid;
        db.Add(p);
        return Outcome<InspectionProgramme>.Ok(p);
    }

    public async Task<Outcome<InspectionProgramme>> UpdateAsync(InspectionProgramme p, ProgrammeInput input, CancellationToken ct = default) =>
        await ApplyAsync(p, input, ct) ?? Outcome<InspectionProgramme>.Ok(p);

    async Task<Outcome<InspectionProgramme>?> ApplyAsync(InspectionProgramme p, ProgrammeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = SafeText.Normalize(input.Title)?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = "Hãy nhập tên kế hoạch kiểm tra.";
        if (input.Year is < 2000 or > 2100) errors["year"] = "Năm phải từ 2000 đến 2100.";
        if (input.RecentYears is < 0 or > 10) errors["recentYears"] = "Số năm gần đây phải từ 0 đến 10.";
        if (input.RemedyDays is < 1 or > 365) errors["remedyDays"] = "Số ngày khắc phục phải từ 1 đến 365.";
        Limits.Check(errors, "title", "Tên kế hoạch", title, Limits.Name);
        Limits.Check(errors, "legalBasis", "Căn cứ", input.LegalBasis, Limits.Text);
        Limits.Check(errors, "contentAreas", "Nội dung kiểm tra", input.ContentAreas, Limits.Text);
        Limits.Check(errors, "checklist", "Danh mục biên bản", input.Checklist, Limits.Text);
        if (input.TargetMeasureId is int m && !await db.TargetMeasures.AnyAsync(x => x.Id == m, ct))
            errors["targetMeasureId"] = "Không tìm thấy chỉ tiêu của kế hoạch đã chọn.";
        if (errors.Count > 0) return Outcome<InspectionProgramme>.Invalid(errors);
        p.Year = input.Year;
        p.Title = title!;
        p.LegalBasis = Blank(input.LegalBasis);
        p.ContentAreas = input.ContentAreas?.Trim() ?? "";
        p.Kinds = string.Join(",", (input.Kinds ?? []).Distinct());
        p.Checklist = string.IsNullOrWhiteSpace(input.Checklist) ? DefaultChecklist : input.Checklist.Trim();
        p.RecentYears = input.RecentYears;
        p.RemedyDays = input.RemedyDays;
        p.TargetMeasureId = input.TargetMeasureId;
        return null;
    }

    /// <summary>Replaces the programme's targets (a group left out has none).</summary>
    public async Task<Outcome<InspectionProgramme>> SetTargetsAsync(InspectionProgramme p, IReadOnlyList<TargetInput> targets, CancellationToken ct = default)
    {
        var groups = await db.AgencyGroups.Select(g => g.Id).ToListAsync(ct);
        foreach (var t in targets)
        {
            if (!groups.Contains(t.GroupId)) return Outcome<InspectionProgramme>.Invalid("targets", "Không tìm thấy nhóm cơ quan đã chọn.");
            if (t.Value <= 0 || t.Value > 10000 || (t.Kind == TargetKind.Percent && t.Value > 100) || (t.Kind == TargetKind.Count && t.Value != decimal.Truncate(t.Value)))
                return Outcome<InspectionProgramme>.Invalid("targets", "Chỉ tiêu phải là số đơn vị (số nguyên dương) hoặc tỷ lệ phần trăm từ 0 đến 100.");
        }
        await db.Entry(p).Collection(x => x.Targets).LoadAsync(ct);
        p.Targets.RemoveAll(t => targets.All(n => n.GroupId != t.GroupId));
        foreach (var t in targets.DistinctBy(t => t.GroupId))
        {
            var row = p.Targets.FirstOrDefault(x => x.GroupId == t.GroupId);
            if (row is null) p.Targets.Add(row = new InspectionTarget { GroupId = t.GroupId });
            row.Kind = t.Kind;
            row.Value = t.Value;
        }
        return Outcome<InspectionProgramme>.Ok(p);
    }

    public async Task<Outcome<InspectionRound>> AddRoundAsync(InspectionProgramme p, RoundInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var name = SafeText.Normalize(input.Name)?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = "Hãy nhập tên đợt kiểm tra.";
        if (input.EndsOn < input.StartsOn) errors["endsOn"] = "Ngày kết thúc đợt phải sau ngày bắt đầu.";
        if (input.StartsOn.Year != p.Year) errors["startsOn"] = $"Đợt kiểm tra phải bắt đầu trong năm {p.Year}.";
        Limits.Check(errors, "name", "Tên đợt", name, Limits.Name);
        Limits.Check(errors, "decisionNumber", "Số quyết định", input.DecisionNumber, Limits.ShortText);
        var members = input.Members.Where(m => !string.IsNullOrWhiteSpace(m.Name) || m.UserId is not null).ToList();
        var userIds = members.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        if (users.Count != userIds.Distinct().Count()) errors["members"] = "Không tìm thấy tài khoản thành viên đã chọn.";
        foreach (var m in members) Limits.Check(errors, "members", "Tên thành viên", m.Name, Limits.Name);
        if (errors.Count > 0) return Outcome<InspectionRound>.Invalid(errors);
        var round = new InspectionRound
        {
            ProgrammeId = p.Id, Name = name!, StartsOn = input.StartsOn, EndsOn = input.EndsOn,
            DecisionNumber = Blank(input.DecisionNumber), DecisionDate = input.DecisionDate,
            Members = members.Select(m => new InspectionTeamMember
            {
                UserId = m.UserId,
                Name = Blank(m.Name) ?? (m.UserId is int id ? users[id].DisplayName : ""),
                AgencyName = Blank(m.AgencyName), IsLeader = m.IsLeader,
            }).ToList(),
        };
        db.Add(round);
        return Outcome<InspectionRound>.Ok(round);
    }

    /// <summary>Adds units chosen by hand; a unit already in the programme is left as it is.</summary>
    public async Task<Outcome<IReadOnlyList<Inspection>>> AddUnitsAsync(InspectionProgramme p, IReadOnlyList<int> agencyIds, int? roundId,
        InspectionKind kind, DateOnly scheduledOn, int? drawId = null, CancellationToken ct = default)
    {
        if (agencyIds.Count == 0) return Outcome<IReadOnlyList<Inspection>>.Invalid("agencyIds", "Hãy chọn ít nhất một đơn vị.");
        if (scheduledOn.Year != p.Year) return Outcome<IReadOnlyList<Inspection>>.Invalid("scheduledOn", $"Ngày kiểm tra phải trong năm {p.Year}.");
        if (roundId is int r && !await db.Set<InspectionRound>().AnyAsync(x => x.Id == r && x.ProgrammeId == p.Id, ct))
            return Outcome<IReadOnlyList<Inspection>>.Invalid("roundId", "Đợt kiểm tra đã chọn không thuộc kế hoạch này.");
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToListAsync(ct);
        if (agencies.Count != agencyIds.Distinct().Count()) return Outcome<IReadOnlyList<Inspection>>.Invalid("agencyIds", "Không tìm thấy đơn vị đã chọn.");
        if (agencies.FirstOrDefault(a => !a.IsCurrent(scheduledOn)) is { } gone)
            return Outcome<IReadOnlyList<Inspection>>.Invalid("agencyIds", $"{gone.Name} không còn hoạt động vào ngày {scheduledOn:dd/MM/yyyy}; hãy chọn cơ quan kế thừa.");
        var existing = await db.Set<Inspection>().Where(i => i.ProgrammeId == p.Id).Select(i => i.AgencyId).ToListAsync(ct);
        var added = agencies.Where(a => !existing.Contains(a.Id)).Select(a => new Inspection
        {
            ProgrammeId = p.Id, AgencyId = a.Id, RoundId = roundId, Kind = kind, ScheduledOn = scheduledOn, DrawId = drawId,
            DocumentsToPrepare = "Báo cáo tự kiểm tra công tác CCHC\nHồ sơ, tài liệu kiểm chứng",
            DocumentsDueOn = scheduledOn.AddDays(-5),
        }).ToList();
        db.AddRange(added);
        return Outcome<IReadOnlyList<Inspection>>.Ok(added);
    }

    /// <summary>
    /// Draws <paramref name="count"/> units of a group among those valid on the day and not inspected in the
    /// programme's recent years (nor already in it), records the seed and candidates, and adds the units.
    /// </summary>
    public async Task<Outcome<InspectionDrawRecord>> DrawAsync(InspectionProgramme p, int groupId, int count, long? seed, int? roundId,
        InspectionKind kind, DateOnly scheduledOn, CancellationToken ct = default)
    {
        if (count is < 1 or > 500) return Outcome<InspectionDrawRecord>.Invalid("count", "Số đơn vị bốc thăm phải từ 1 đến 500.");
        var group = await db.AgencyGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return Outcome<InspectionDrawRecord>.Invalid("groupId", "Không tìm thấy nhóm cơ quan đã chọn.");
        var registry = await InspectionRegistry.LoadAsync(db, ct);
        var members = registry.Members(group);
        var earlier = await db.Set<Inspection>().AsNoTracking().Where(i => i.Programme!.Year < p.Year || i.ProgrammeId == p.Id)
            .Select(i => new { i.AgencyId, i.ProgrammeId, i.VisitedOn, i.ScheduledOn }).ToListAsync(ct);
        var candidates = InspectionDraw.Eligible(members, registry.Units,
                earlier.Where(i => i.ProgrammeId != p.Id).Select(i => new InspectedUnit(i.AgencyId, i.VisitedOn ?? i.ScheduledOn)),
                p.Year, p.RecentYears, scheduledOn)
            .Except(earlier.Where(i => i.ProgrammeId == p.Id).Select(i => i.AgencyId)).ToList();
        if (candidates.Count == 0) return Outcome<InspectionDrawRecord>.Invalid("groupId", "Nhóm không còn đơn vị nào chưa được kiểm tra gần đây để bốc thăm.");
        var usedSeed = seed ?? InspectionDraw.NewSeed();
        var drawn = InspectionDraw.Pick(candidates, count, usedSeed);
        var record = new InspectionDrawRecord
        {
            ProgrammeId = p.Id, GroupId = groupId, Seed = usedSeed, Count = count, OnDay = scheduledOn,
            Candidates = string.Join(",", candidates.Order()), Drawn = string.Join(",", drawn),
            AtUtc = clock.GetUtcNow().UtcDateTime, By = user.UserName,
        };
        db.Add(record);
        await db.SaveChangesAsync(ct);
        var added = await AddUnitsAsync(p, drawn, roundId, kind, scheduledOn, record.Id, ct);
        return added.IsOk ? Outcome<InspectionDrawRecord>.Ok(record) : Outcome<InspectionDrawRecord>.Invalid(added.Errors!);
    }

    public DateOnly Today => VietnamTime.Today(clock);

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
