using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Features.Notifications;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Inspections;

/// <summary>The unit is reminded of a remedy before and after its deadline, once per step, and not once it has reported.</summary>
public sealed class RemedyReminderTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OverdueRemedy_NotifiesTheUnitOnce_ReportedOneNot(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở thử nhắc")));
        var today = VietnamTime.Today(TimeProvider.System);
        var (overdue, reported) = await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = today.Year, Title = TestData.Unique("Kế hoạch nhắc") };
            db.Add(p);
            await db.SaveChangesAsync();
            var i = new Inspection
            {
                ProgrammeId = p.Id, AgencyId = agency.Id, ScheduledOn = today.AddDays(-30),
                Findings =
                [
                    new() { Area = "Cải cách TTHC", Found = "a", RequiredRemedy = "b", ResponsibleAgencyId = agency.Id, Deadline = today.AddDays(-2) },
                    new() { Area = "Cải cách TTHC", Found = "c", RequiredRemedy = "d", ResponsibleAgencyId = agency.Id, Deadline = today.AddDays(-2),
                        Status = RemedyStatus.Reported, ReportedOn = today.AddDays(-3) },
                ],
            };
            db.Add(i);
            await db.SaveChangesAsync();
            return (i.Findings[0].Id, i.Findings[1].Id);
        });

        async Task RunAsync()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RemedyReminders>().RunAsync();
        }
        await RunAsync();
        await RunAsync();

        var notes = await app.Db(db => db.Set<Notification>().Where(n => n.AgencyId == agency.Id).ToListAsync());
        notes.Should().ContainSingle().Which.Url.Should().Be($"/Inspections/Findings/{overdue}");
        notes[0].Text.Should().Contain("quá hạn khắc phục 2 ngày");
        notes.Should().NotContain(n => n.Url == $"/Inspections/Findings/{reported}");
    }
}
