using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Performance;

/// <summary>
/// Progress reads a submitted report's lead answers from the one text its submission wrote (AgencyReport.LeadAnswers),
/// and the entries only of reports without it (submitted before the text was kept): both give the same figures.
/// </summary>
public sealed class LeadAnswersTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public void LeadAnswerText_ReadsBackWhatItWrote_LeadEntriesWithAStatusOnly()
    {
        var entries = new[]
        {
            new ReportEntry { ActivityId = 7, Leads = true, Status = ReportedStatus.DoneLate, Percent = 100, CompletedOn = new DateOnly(2025, 9, 30) },
            new ReportEntry { ActivityId = 3, Leads = true, Status = ReportedStatus.InProgress, Percent = null },
            new ReportEntry { ActivityId = 4, Leads = true, Status = null, Percent = 20 },
            new ReportEntry { ActivityId = 5, Leads = false, Status = ReportedStatus.Done },
        };

        var text = LeadAnswerText.Write(entries);

        LeadAnswerText.Read(text).Should().Equal(
            new LeadAnswerText.Answer(3, ReportedStatus.InProgress, null, null),
            new LeadAnswerText.Answer(7, ReportedStatus.DoneLate, 100, new DateOnly(2025, 9, 30)));
        LeadAnswerText.Read(LeadAnswerText.Write([])).Should().BeEmpty();
    }

    [Fact]
    public void LeadAnswerText_ReadingOnlySomeActivities_GivesWhatReadingAllAndFilteringGives()
    {
        var entries = Enumerable.Range(1, 40).Select(i => new ReportEntry
        {
            ActivityId = i, Leads = true, Status = (ReportedStatus)(i % 4), Percent = i % 3 == 0 ? null : i,
            CompletedOn = i % 5 == 0 ? new DateOnly(2025, 9, i % 28 + 1) : null,
        });
        var text = ";" + LeadAnswerText.Write(entries) + ";;";
        var only = new HashSet<int> { 1, 5, 15, 40, 77 };

        var some = LeadAnswerText.Read(text, only).ToList();

        some.Should().Equal(LeadAnswerText.Read(text).Where(a => only.Contains(a.ActivityId)));
        some.Select(a => a.ActivityId).Should().Equal(1, 5, 15, 40);
        LeadAnswerText.Read("", only).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Progress_GivesTheSameFigures_FromTheSubmissionTextAndFromTheEntries(string provider)
    {
        var app = fx.App(provider);
        (await GenerateLargeCommand.RunWithReportsAsync(app.Services, new StringWriter(), new(10, 30, 10))).Should().Be(0);
        var q3 = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.Kind == ReportingPeriodKind.Q3 && p.Plan!.Title.Contains("dữ liệu lớn"))
            .Select(p => p.Id).SingleAsync());
        Task<PlanProgress?> Figures() => app.Db(db => new Progress(db, new Obligations(db), TimeProvider.System).ForPeriodAsync(q3));

        var fromText = await Figures();
        var texts = await app.Db(db => db.Set<AgencyReport>().Where(r => r.PeriodId == q3 && r.LeadAnswers != null).CountAsync());
        await app.Db(db => db.Set<AgencyReport>().Where(r => r.PeriodId == q3).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeadAnswers, (string?)null)));
        var fromEntries = await Figures();

        texts.Should().BePositive("the generator writes the text as a submission does");
        fromText!.Activities.SelectMany(a => a.Agencies).Should().Contain(s => s.Source != AnswerSource.NotReported);
        fromEntries.Should().BeEquivalentTo(fromText);
    }
}
