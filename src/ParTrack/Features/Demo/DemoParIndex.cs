using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// The PAR Index part of the demo: last year's round finished and published (departments and
    /// districts; from 2025 departments and communes, with appraisal changes, a clarification and survey points) and this year's round open
    /// for self-assessment (departments and communes), where Sở Tư pháp has submitted and Sở Nội vụ has
    /// a draft with one evidence file. Scores are generated from a fixed seed so every demo looks the same.
    /// </summary>
    public static async Task SeedParIndexAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var today = VietnamTime.Today(clock);
        var sets = new CriteriaSets(db, clock);
        var rounds = new ParRounds(db, sets, new ParGroups(db));
        var random = new Random(2025);

        int last = today.Year - 1;
        var previous = Created(await rounds.CreateAsync(new RoundInput(last, $"Đánh giá Chỉ số CCHC năm {last}",
            new DateOnly(last, 12, 15), new DateOnly(last, 12, 16), new DateOnly(today.Year, 1, 15),
            new DateOnly(today.Year, 1, 16), new DateOnly(today.Year, 1, 25), new DateOnly(today.Year, 2, 10), true,
            // From 2025 the units are departments and communes: the district level ended on 01/07/2025 (DOMAIN §7).
            last >= 2025 ? [ParUnitGroup.Department, ParUnitGroup.Commune] : [ParUnitGroup.Department, ParUnitGroup.District]), ct));
        previous.Stage = RoundStage.Published;
        var setsById = await db.Set<ParCriteriaSetRow>().ToDictionaryAsync(s => s.Id, s => CriteriaSets.Parse(s), ct);
        foreach (var a in previous.Assessments)
        {
            var set = setsById[a.SetId];
            // Some units are stronger than others, so the ranking spreads out.
            var strength = 0.55 + random.NextDouble() * 0.45;
            foreach (var item in set.Flatten())
            {
                var sub = item.Sub;
                var score = new ParScore { Code = sub.Code };
                if (sub.IsSurvey)
                    score.SurveyPoints = ParRounding.Points(sub.MaxPoints * (decimal)(0.7 + random.NextDouble() * 0.28));
                else
                {
                    score.SelfPoints = Pick(sub, strength + 0.1, random);
                    score.Explanation = "Đã thực hiện theo kế hoạch; có văn bản kèm theo.";
                    if (random.NextDouble() < 0.15 && score.SelfPoints > 0)
                    {
                        score.AppraisedPoints = Lower(sub, score.SelfPoints.Value);
                        score.AppraisalReason = "Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả thực hiện.";
                        if (random.NextDouble() < 0.3) score.Clarification = "Đơn vị đã bổ sung văn bản qua hệ thống quản lý văn bản.";
                    }
                }
                a.Scores.Add(score);
            }
            a.Status = AssessmentStatus.Submitted;
            a.SubmittedAtUtc = new DateTime(last, 12, 10, 3, 0, 0, DateTimeKind.Utc);
        }
        await db.SaveChangesAsync(ct);

        int year = today.Year;
        var current = Created(await rounds.CreateAsync(new RoundInput(year, $"Đánh giá Chỉ số CCHC năm {year}",
            today.AddDays(14), today.AddDays(15), today.AddDays(35), today.AddDays(36), today.AddDays(45), today.AddDays(60), true,
            [ParUnitGroup.Department, ParUnitGroup.Commune]), ct));
        current.Stage = RoundStage.SelfAssessment;
        await db.SaveChangesAsync(ct);

        var agencies = await db.Agencies.Where(x => x.Name == "Sở Tư pháp" || x.Name == "Sở Nội vụ").ToDictionaryAsync(x => x.Name, x => x.Id, ct);
        var stp = current.Assessments.Single(x => x.AgencyId == agencies["Sở Tư pháp"]);
        var stpSet = CriteriaSets.Parse(await db.Set<ParCriteriaSetRow>().SingleAsync(s => s.Id == stp.SetId, ct));
        foreach (var item in stpSet.Flatten().Where(i => !i.Sub.IsSurvey))
            stp.Scores.Add(new ParScore { Code = item.Sub.Code, SelfPoints = Pick(item.Sub, 0.9, random), Explanation = "Đã thực hiện đầy đủ; văn bản kèm theo." });
        stp.Status = AssessmentStatus.Submitted;
        stp.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;

        var snv = current.Assessments.Single(x => x.AgencyId == agencies["Sở Nội vụ"]);
        snv.Scores.Add(new ParScore { Code = "1.1.1", SelfPoints = 1, Explanation = "Kế hoạch CCHC năm ban hành ngày 10/01." });
        snv.Scores.Add(new ParScore { Code = "1.2.1", SelfPoints = 1.5m, Explanation = "Đủ 4 báo cáo quý, đúng hạn." });
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% Ke hoach CCHC {year} - demo\n%%EOF\n");
        // Kept through the store like any upload: it is the one place that writes the (shared) evidence folder.
        var kept = await services.GetRequiredService<FileStore>().SaveAsync(new MemoryStream(pdf), pdf.Length, $"ke-hoach-cchc-{year}.pdf", ct);
        var saved = kept.Value ?? throw new InvalidOperationException(kept.Message);
        snv.Evidence.Add(new ParEvidence
        {
            Code = "1.1.1", FileName = saved.FileName, ContentType = saved.ContentType, Sha256 = saved.Sha256, Size = saved.Size,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A score the sub-criterion allows, near strength × max.</summary>
    /// <summary>The demo's rounds are fixed data: a refusal is a bug in the demo, not the user's to fix.</summary>
    static ParRound Created(Outcome<ParRound> created) =>
        created.Value ?? throw new InvalidOperationException(string.Join(" ", created.Messages));

    static decimal Pick(ParSubCriterion sub, double strength, Random random)
    {
        var allowed = Allowed(sub);
        var target = sub.MaxPoints * (decimal)Math.Min(1, strength + (random.NextDouble() - 0.5) * 0.3);
        if (allowed is null) return Math.Round(target * 4, MidpointRounding.AwayFromZero) / 4;
        return allowed.OrderBy(v => Math.Abs(v - target)).First();
    }

    static decimal Lower(ParSubCriterion sub, decimal points)
    {
        var allowed = Allowed(sub);
        if (allowed is null) return Math.Max(0, points - sub.MaxPoints / 4);
        return allowed.Where(v => v < points).DefaultIfEmpty(0).Max();
    }

    static List<decimal>? Allowed(ParSubCriterion sub) => sub.Scoring switch
    {
        LevelsScoring l => l.Levels.ToList(),
        RatioScoring r => r.Thresholds.Select(t => ParRounding.Points(t.ShareOfMax * sub.MaxPoints)).Append(0).Distinct().ToList(),
        _ => null,
    };
}
