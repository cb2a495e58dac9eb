using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using R = ParTrack.Domain.Activities.ReportedStatus;
using S = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Tests.Reporting;

/// <summary>A new period's report opens with the previous period's answers, marked until confirmed or changed.</summary>
public sealed class CarryForwardTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task NewPeriodsReport_StartsFromThePreviousReport_MarkedFromThePreviousPeriod_AndDoneStaysDone()
    {
        var app = fx.App();
        var g = await app.GroupPlanAsync();
        var (q1, six) = (g.Periods[ReportingPeriodKind.Q1], g.Periods[ReportingPeriodKind.SixMonths]);
        var agency = g.Agencies[0];
        // Activity 1 (due 31/03) is done in Q1; activity 0 is under way.
        await app.SubmitAsync(q1, agency, new Dictionary<int, R> { [g.Activities[0]] = R.InProgress, [g.Activities[1]] = R.Done });
        await app.ReviewAsync(q1, agency, accept: true);

        await app.Db(async db => await new ReportWork(db, new Obligations(db), TimeProvider.System).EnsureAsync(six, agency));
        var report = await app.ReportAsync(six, agency);
        report.State.Should().Be(ReportState.Draft);
        var inProgress = report.Entries.Single(e => e.ActivityId == g.Activities[0]);
        inProgress.Should().BeEquivalentTo(new { Status = (R?)R.InProgress, Percent = (int?)50, WorkDone = "Báo cáo InProgress", CarriedForward = true });
        var done = report.Entries.Single(e => e.ActivityId == g.Activities[1]);
        done.Status.Should().Be(R.Done);
        done.CompletedOn.Should().Be(new DateOnly(2025, 3, 14), "finished by Q1's cut-off, before its due date");
        report.Entries.Should().OnlyContain(e => e.Evidence.Count == 0);

        // Submitted unchanged, the done activity is still done on time in the 6-month figures.
        await app.Db(async db =>
        {
            var work = new ReportWork(db, new Obligations(db), TimeProvider.System);
            (await work.SubmitAsync(report.Id, report.Version, "officer")).IsOk.Should().BeTrue();
        });
        (await app.ProgressAsync(six)).Activities.Single(a => a.ActivityId == g.Activities[1]).Agencies.Single().State.Should().Be(S.Done);
    }

    [Fact]
    public async Task OfficerChangesOneAnswer_AndConfirmsAnother_OnlyTheUntouchedOneStaysMarked()
    {
        var app = fx.App();
        var (_, q1) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var six = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.PlanId == db.Set<ReportPeriod>().Single(x => x.Id == q1).PlanId
            && p.Kind == ReportingPeriodKind.SixMonths).Select(p => p.Id).SingleAsync());
        await app.SubmitAsync(q1, snv, new Dictionary<int, R>());   // every activity "chưa triển khai"
        await app.ReviewAsync(q1, snv, accept: true);

        var officer = await app.As("snv");
        var url = ReportTestData.ReportUrl(six, snv);
        var page = await officer.GetPageAsync(url);
        page.QuerySelector("#carried-note").Should().NotBeNull();
        var badges = page.QuerySelectorAll("#report-form .badge.carried").Length;
        badges.Should().BeGreaterThan(2);
        var selects = page.QuerySelectorAll("#report-form select[name$='.Status']").Cast<IHtmlSelectElement>().ToList();
        selects.Should().OnlyContain(s => s.Value == "NotStarted", "Q1's answers are on the form");
        var changed = selects[0].Name!;
        var confirmed = selects[1].Name![..^".Status".Length] + ".Confirm";
        var fields = new Dictionary<string, string?> { [changed] = "InProgress", [confirmed] = "true" };
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var report = await app.ReportAsync(six, snv);
        var leads = report.Entries.Where(e => e.Leads).OrderBy(e => e.Id).ToList();
        report.Entries.Count(e => e.CarriedForward).Should().Be(badges - 2);
        (await officer.GetPageAsync(url)).QuerySelectorAll("#report-form .badge.carried").Length.Should().Be(badges - 2);
        leads.Count(e => e.Status == R.InProgress).Should().Be(1);
    }
}
