using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// This year's inspection programme, half done: a first round visited three departments (Sở Nội vụ's
    /// officer on the team), concluded with findings — one remedy verified, one waiting for verification, one
    /// returned, two overdue — and a second round ahead with two departments chosen and two communes drawn.
    /// </summary>
    public static async Task SeedInspectionsAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var today = VietnamTime.Today(services.GetRequiredService<TimeProvider>());
        var y = today.Year;
        var groups = await db.AgencyGroups.ToDictionaryAsync(g => g.Name, ct);
        var agencies = (await db.Agencies.ToListAsync(ct)).Where(a => a.IsCurrent(today)).ToDictionary(a => a.Name);
        var snv = await db.Users.SingleAsync(u => u.UserName == "snv", ct);
        var programme = new InspectionProgramme
        {
            Year = y, Title = $"Kế hoạch kiểm tra công tác cải cách hành chính năm {y}",
            LegalBasis = $"Kế hoạch cải cách hành chính năm {y} của UBND tỉnh Hà Tĩnh (kiểm tra trực tiếp trên 30% các cơ quan, đơn vị).",
            ContentAreas = "Cải cách thủ tục hành chính\nChuyển đổi số, Chính phủ số\nThực hiện cơ chế một cửa, một cửa liên thông",
            Kinds = $"{InspectionKind.Comprehensive},{InspectionKind.Surprise}", Checklist = Programmes.DefaultChecklist.Trim(),
            Targets =
            [
                new() { GroupId = groups["Các sở, ban, ngành cấp tỉnh"].Id, Kind = TargetKind.Percent, Value = 30 },
                new() { GroupId = groups["UBND cấp xã"].Id, Kind = TargetKind.Count, Value = 3 },
            ],
        };
        db.Add(programme);
        await db.SaveChangesAsync(ct);

        var start1 = Max(new DateOnly(y, 1, 5), Min(new DateOnly(y, 4, 1), today.AddDays(-45)));
        var start2 = Min(today.AddDays(10), new DateOnly(y, 12, 20));
        var round1 = Round(programme, "Đợt 1", start1, $"125/QĐ-SNV", snv);
        var round2 = Round(programme, "Đợt 2", start2, $"412/QĐ-SNV", snv);
        db.AddRange(round1, round2);
        await db.SaveChangesAsync(ct);

        var visited = new (string Agency, (string Area, FindingSeverity Severity, string Found, string Remedy, RemedyStatus Status)[] Findings)[]
        {
            ("Sở Tư pháp",
            [
                ("1. Công tác chỉ đạo, điều hành CCHC", FindingSeverity.Moderate, "Chưa ban hành kế hoạch tự kiểm tra công tác CCHC năm.",
                    "Ban hành kế hoạch tự kiểm tra công tác CCHC, gửi Sở Nội vụ.", RemedyStatus.Verified),
                ("3. Cải cách thủ tục hành chính", FindingSeverity.Serious, "12/40 hồ sơ kiểm tra xác suất giải quyết quá hạn, chưa có văn bản xin lỗi.",
                    "Rà soát hồ sơ quá hạn, thực hiện xin lỗi người dân theo quy định.", RemedyStatus.Open),
            ]),
            ("Sở Tài chính",
            [
                ("7. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", FindingSeverity.Minor, "Tỷ lệ hồ sơ trực tuyến toàn trình thấp (18%).",
                    "Có giải pháp nâng tỷ lệ hồ sơ trực tuyến toàn trình.", RemedyStatus.Reported),
                ("5. Cải cách chế độ công vụ", FindingSeverity.Moderate, "Chưa công khai nội quy, quy chế làm việc tại bộ phận một cửa.",
                    "Niêm yết công khai nội quy, quy chế.", RemedyStatus.Returned),
            ]),
            ("Sở Xây dựng",
            [
                ("6. Cải cách tài chính công", FindingSeverity.Moderate, "Quy chế chi tiêu nội bộ chưa cập nhật sau hợp nhất.",
                    "Sửa đổi quy chế chi tiêu nội bộ.", RemedyStatus.Open),
            ]),
        };
        var day = start1;
        foreach (var (name, findings) in visited)
        {
            day = day.AddDays(3);
            var concluded = day.AddDays(7);
            var deadline = Remedies.DeadlineFor(concluded, programme.RemedyDays);
            var i = Unit(programme, round1, agencies[name], day);
            i.VisitedOn = day;
            i.Attendees = $"Lãnh đạo {name}; Đoàn kiểm tra Sở Nội vụ";
            i.SampledDossiers = "40 hồ sơ thủ tục hành chính tiếp nhận trong quý";
            i.Observations = [new() { Item = "1. Công tác chỉ đạo, điều hành CCHC", Note = "Có kế hoạch CCHC năm, báo cáo định kỳ đúng hạn." }];
            i.ConclusionNumber = $"{20 + visited.ToList().FindIndex(v => v.Agency == name)}/TB-SNV";
            i.ConclusionDate = concluded;
            i.ConclusionSigner = "Giám đốc Sở Nội vụ";
            i.Findings = findings.Select(f => new InspectionFinding
            {
                Area = f.Area, Severity = f.Severity, Found = f.Found, RequiredRemedy = f.Remedy, ResponsibleAgencyId = i.AgencyId,
                Deadline = deadline, Status = f.Status,
                RemedyReport = f.Status == RemedyStatus.Open ? null : "Đơn vị đã thực hiện khắc phục, gửi kèm văn bản.",
                ReportedOn = f.Status == RemedyStatus.Open ? null : Min(deadline.AddDays(-3), today),
                ReturnReason = f.Status == RemedyStatus.Returned ? "Chưa có ảnh chụp bảng niêm yết; đề nghị bổ sung." : null,
                VerifiedOn = f.Status == RemedyStatus.Verified ? Min(deadline, today) : null, VerifiedBy = f.Status == RemedyStatus.Verified ? "coordinator" : null,
            }).ToList();
            db.Add(i);
        }
        foreach (var name in new[] { "Sở Y tế", "Sở Giáo dục và Đào tạo" })
            db.Add(Unit(programme, round2, agencies[name], start2.AddDays(2)));

        // Two communes drawn, with the seed recorded (re-running the draw with it gives the same two).
        var registry = await InspectionRegistry.LoadAsync(db, ct);
        var candidates = InspectionDraw.Eligible(registry.Members(groups["UBND cấp xã"]), registry.Units, [], y, programme.RecentYears, start2);
        var drawn = InspectionDraw.Pick(candidates, 2, 20260415);
        var draw = new InspectionDrawRecord
        {
            ProgrammeId = programme.Id, GroupId = groups["UBND cấp xã"].Id, Seed = 20260415, Count = 2, OnDay = start2,
            Candidates = string.Join(",", candidates), Drawn = string.Join(",", drawn), AtUtc = DateTime.UtcNow, By = "coordinator",
        };
        db.Add(draw);
        // The templates as rows, so the coordinator sees them on the templates page as the province's own texts.
        db.AddRange(InspectionTemplates.Defaults.Select(t => new InspectionTemplate { Kind = t.Key, Text = t.Value.Trim() }));
        await db.SaveChangesAsync(ct);
        foreach (var id in drawn)
        {
            var unit = Unit(programme, round2, registry.Agencies[id], start2.AddDays(4));
            unit.Kind = InspectionKind.Surprise;
            unit.DrawId = draw.Id;
            db.Add(unit);
        }
        await db.SaveChangesAsync(ct);
    }

    static InspectionRound Round(InspectionProgramme p, string name, DateOnly start, string decision, User member) => new()
    {
        ProgrammeId = p.Id, Name = name, StartsOn = start, EndsOn = start.AddDays(20), DecisionNumber = decision, DecisionDate = start.AddDays(-10),
        Members =
        [
            new() { Name = "Phó Giám đốc Sở Nội vụ", AgencyName = "Sở Nội vụ", IsLeader = true },
            new() { UserId = member.Id, Name = member.DisplayName, AgencyName = "Sở Nội vụ" },
            new() { Name = "Chuyên viên Văn phòng UBND tỉnh", AgencyName = "Văn phòng UBND tỉnh" },
            new() { Name = "Chuyên viên Sở Tư pháp", AgencyName = "Sở Tư pháp" },
        ],
    };

    static Inspection Unit(InspectionProgramme p, InspectionRound r, Agency a, DateOnly on) => new()
    {
        ProgrammeId = p.Id, RoundId = r.Id, AgencyId = a.Id, Kind = InspectionKind.Comprehensive, ScheduledOn = on, DocumentsDueOn = on.AddDays(-5),
        DocumentsToPrepare = "Báo cáo tự kiểm tra công tác CCHC\nKế hoạch CCHC năm của cơ quan\nSổ theo dõi hồ sơ thủ tục hành chính",
    };

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
