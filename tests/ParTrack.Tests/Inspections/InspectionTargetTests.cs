using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inspections;

/// <summary>
/// A programme tied to the plan target it carries out from its page: the measure's actual is then the share of the
/// programme's units visited by the period's end, shown on the targets page; clearing it gives the measure back.
/// </summary>
public sealed class InspectionTargetTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ProgrammeBoundToAPlanMeasure_GivesItTheCoverageOfVisitsMadeByThePeriodsEnd(string provider)
    {
        var app = fx.App(provider);
        var (plan, period) = await app.OpenQ1Async();
        var window = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.Id == period).Select(p => new { p.DataFrom, p.DataTo }).SingleAsync());
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var (programme, units) = await app.Db(async db =>
        {
            var kind = await db.Agencies.Where(a => a.Id == stp).Select(a => new { a.Kind, a.Level }).SingleAsync();
            var group = new AgencyGroup { Name = TestData.Unique("Nhóm kiểm tra"), MemberKinds = kind.Kind.ToString(), MemberLevel = kind.Level };
            var p = new InspectionProgramme { Year = 2025, Title = TestData.Unique("Kế hoạch kiểm tra gắn chỉ tiêu"), Checklist = "1. Chỉ đạo", Kinds = "Comprehensive" };
            db.AddRange(group, p);
            await db.SaveChangesAsync();
            db.Add(new InspectionTarget { ProgrammeId = p.Id, GroupId = group.Id, Kind = TargetKind.Percent, Value = 30 });
            // One visit inside the period's window counts; one after its end does not.
            var other = await db.Agencies.Where(a => a.Kind == kind.Kind && a.Level == kind.Level && a.Id != stp && a.ValidTo == null).Select(a => a.Id).FirstAsync();
            db.AddRange(new Inspection { ProgrammeId = p.Id, AgencyId = stp, ScheduledOn = window.DataFrom.AddDays(10), VisitedOn = window.DataFrom.AddDays(10) },
                new Inspection { ProgrammeId = p.Id, AgencyId = other, ScheduledOn = window.DataTo.AddDays(5), VisitedOn = window.DataTo.AddDays(5) });
            await db.SaveChangesAsync();
            var day = window.DataTo;
            var valid = await db.Agencies.CountAsync(a => a.Kind == kind.Kind && a.Level == kind.Level
                && (a.ValidFrom == null || a.ValidFrom <= day) && (a.ValidTo == null || a.ValidTo >= day));
            return (p.Id, valid);
        });
        var measure = await app.Db(db => db.PlanTargets.Where(t => t.PlanId == plan).SelectMany(t => t.Measures).Select(m => m.Id).FirstAsync());

        var coordinator = await app.As("coordinator");
        var url = $"/Inspections/Programmes/{programme}";
        var page = await coordinator.GetPageAsync(url);
        page.QuerySelectorAll("#target-measure option").Select(o => o.GetAttribute("value")).Should().Contain(measure.ToString());
        (await coordinator.PostWithTokenAsync($"{url}?handler=Measure", new Dictionary<string, string?> { ["targetMeasureId"] = measure.ToString() }, tokenFrom: url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Set<MeasureBinding>().Where(b => b.MeasureId == measure).Select(b => b.IndicatorKey).SingleAsync()))
            .Should().Be(InspectionIndicators.CoverageKey);
        (await app.Db(db => db.Set<InspectionProgramme>().Where(p => p.Id == programme).Select(p => p.TargetMeasureId).SingleAsync())).Should().Be(measure);

        using (var scope = app.Services.CreateScope())
        {
            var bindings = scope.ServiceProvider.GetRequiredService<MeasureBindings>();
            var binding = (await bindings.OfAsync([measure]))[measure];
            var actual = await bindings.ActualAsync(binding, null, window.DataFrom, window.DataTo);
            actual!.Value.Should().Be(Math.Round(100m / units, 1, MidpointRounding.AwayFromZero), $"1 of {units} units visited by {window.DataTo}");
            actual.Source.Should().Contain("Kế hoạch kiểm tra");
        }
        var row = (await coordinator.GetPageAsync($"/Reports/Periods/{period}/Targets")).QuerySelector($"#targets-rules tr[data-measure='{measure}']")!;
        row.QuerySelector(".figure-source")!.TextContent.Should().Contain("Kế hoạch kiểm tra");

        // A measure of no issued plan of the year is refused and the stored one kept; clearing unbinds.
        var refused = await coordinator.PostWithTokenAsync($"{url}?handler=Measure", new Dictionary<string, string?> { ["targetMeasureId"] = "999999" }, tokenFrom: url);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Messages().Should().Contain("không thuộc kế hoạch CCHC");
        (await app.Db(db => db.Set<InspectionProgramme>().Where(p => p.Id == programme).Select(p => p.TargetMeasureId).SingleAsync())).Should().Be(measure);
        (await coordinator.PostWithTokenAsync($"{url}?handler=Measure", new Dictionary<string, string?> { ["targetMeasureId"] = "" }, tokenFrom: url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Set<MeasureBinding>().AnyAsync(b => b.MeasureId == measure))).Should().BeFalse();

        (await (await app.As("leader")).PostWithTokenAsync($"{url}?handler=Measure", new Dictionary<string, string?> { ["targetMeasureId"] = measure.ToString() }, tokenFrom: "/"))
            .StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }
}
