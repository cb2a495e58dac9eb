using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.ParIndex;

namespace ParTrack.Tests.Inspections;

/// <summary>
/// A unit's inspection record of the round's year appears beside its self-assessment and on the appraisal page, under the
/// criterion on remedying findings (or the criterion a finding names): the unit's own, that year's, nobody else's.
/// </summary>
public sealed class InspectionParEvidenceTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SelfAssessment_ShowsTheUnitsInspectionsAndFindingsOfTheYear_NotOtherUnitsOrYears(string provider)
    {
        var app = fx.App(provider);
        var round = await app.OpenRoundAsync(2031);
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var stc = await app.AgencyIdAsync("Sở Tài chính");
        var (visit, general, named, otherYear, otherUnit) = await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = 2031, Title = TestData.Unique("Kiểm tra 2031"), Checklist = "1. Chỉ đạo", Kinds = "Comprehensive" };
            var old = new InspectionProgramme { Year = 2030, Title = TestData.Unique("Kiểm tra 2030"), Checklist = "1. Chỉ đạo", Kinds = "Comprehensive" };
            db.AddRange(p, old);
            await db.SaveChangesAsync();
            InspectionFinding Finding(int agency, string? criterion, string found) => new()
            {
                Area = "1. Chỉ đạo", Criterion = criterion, Found = found, RequiredRemedy = "Khắc phục.", ResponsibleAgencyId = agency,
                Deadline = new(2031, 5, 27), Status = RemedyStatus.Verified, ReportedOn = new(2031, 5, 20), VerifiedOn = new(2031, 5, 22),
            };
            var mine = new Inspection
            {
                ProgrammeId = p.Id, AgencyId = stp, ScheduledOn = new(2031, 5, 4), VisitedOn = new(2031, 5, 4), ConclusionNumber = "40/TB-SNV", ConclusionDate = new(2031, 5, 12),
                Findings = [Finding(stp, null, "Chưa ban hành kế hoạch tự kiểm tra năm 2031."), Finding(stp, "2.3", "Chưa theo dõi thi hành pháp luật năm 2031.")],
            };
            var before = new Inspection { ProgrammeId = old.Id, AgencyId = stp, ScheduledOn = new(2030, 6, 1), VisitedOn = new(2030, 6, 1) };
            var theirs = new Inspection
            {
                ProgrammeId = p.Id, AgencyId = stc, ScheduledOn = new(2031, 6, 1), VisitedOn = new(2031, 6, 1),
                Findings = [Finding(stc, null, "Tồn tại của Sở Tài chính năm 2031.")],
            };
            db.AddRange(mine, before, theirs);
            await db.SaveChangesAsync();
            return (mine.Id, mine.Findings[0].Id, mine.Findings[1].Id, before.Id, theirs.Id);
        });
        var (mineAssessment, theirAssessment) = await app.Db(async db => (
            await db.Set<ParAssessment>().Where(a => a.RoundId == round && a.AgencyId == stp).Select(a => a.Id).SingleAsync(),
            await db.Set<ParAssessment>().Where(a => a.RoundId == round && a.AgencyId == stc).Select(a => a.Id).SingleAsync()));

        var page = await (await app.As("stp")).GetPageAsync($"/ParIndex/Assessments/{mineAssessment}");
        var remedyRow = page.GetElementById($"row-{InspectionParEvidence.DefaultCriterion}")!;
        remedyRow.QuerySelectorAll(".linked-evidence a").Select(a => a.GetAttribute("href"))
            .Should().BeEquivalentTo($"/Inspections/Visits/{visit}", $"/Inspections/Findings/{general}");
        remedyRow.TextContent.Should().Contain("40/TB-SNV").And.Contain("Đã xác nhận");
        page.GetElementById($"row-2.3.2")!.QuerySelectorAll(".linked-evidence a").Select(a => a.GetAttribute("href")).Should().Contain($"/Inspections/Findings/{named}");
        var links = page.QuerySelectorAll(".linked-evidence a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().NotContain($"/Inspections/Visits/{otherYear}", "last year's inspection is not this round's evidence")
            .And.NotContain($"/Inspections/Visits/{otherUnit}", "another unit's inspection is not this unit's evidence");

        var appraisal = await (await app.As("appraiser")).GetPageAsync($"/ParIndex/Assessments/{mineAssessment}/Appraise");
        appraisal.GetElementById($"row-{InspectionParEvidence.DefaultCriterion}")!.QuerySelectorAll(".linked-evidence a").Select(a => a.GetAttribute("href"))
            .Should().Contain($"/Inspections/Findings/{general}");

        var theirPage = await (await app.As("coordinator")).GetPageAsync($"/ParIndex/Assessments/{theirAssessment}");
        theirPage.QuerySelectorAll(".linked-evidence a").Select(a => a.GetAttribute("href")).Should().Contain($"/Inspections/Visits/{otherUnit}")
            .And.NotContain($"/Inspections/Visits/{visit}");
    }
}
