using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Inspections;
using ParTrack.Features.Notifications;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Inspections;

/// <summary>The monthly escalation list reaches each leader once and the leaders' mailboxes once, however many passes run; nothing overdue sends nothing.</summary>
public sealed class EscalationDigestTests(AppFixture fx) : IClassFixture<AppFixture>
{

    static async Task<int> PassAsync(TestApp app, RecordingMail mail, int escalationDay = 1)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inspections:EscalationDay"] = escalationDay.ToString(),
            ["Inspections:LeaderEmails"] = "lanhdao@example.gov.vn; vanphong@example.gov.vn",
        }).Build();
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        return await new EscalationDigest(db, sp.GetRequiredService<InspectionFigures>(), mail, config, TimeProvider.System, NullLogger<EscalationDigest>.Instance).RunAsync();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OverdueRemedies_GoToEachLeaderAndMailboxOncePerMonth_NothingOverdueSendsNothing(string provider)
    {
        var app = fx.App(provider);
        var mail = new RecordingMail();
        (await PassAsync(app, mail)).Should().Be(0, "no remedy is overdue yet");
        mail.Sent.Should().BeEmpty();

        var agency = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở quá hạn")));
        var today = VietnamTime.Today(TimeProvider.System);
        await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = today.Year, Title = TestData.Unique("Kế hoạch leo thang") };
            db.Add(p);
            await db.SaveChangesAsync();
            db.Add(new Inspection
            {
                ProgrammeId = p.Id, AgencyId = agency.Id, ScheduledOn = today.AddDays(-40), VisitedOn = today.AddDays(-40),
                Findings = [new() { Area = "Cải cách TTHC", Found = "a", RequiredRemedy = "b", ResponsibleAgencyId = agency.Id, Deadline = today.AddDays(-9) }],
            });
            await db.SaveChangesAsync();
        });
        (await PassAsync(app, mail, escalationDay: 0)).Should().Be(0, "day 0 turns the digest off");

        await Task.WhenAll(PassAsync(app, mail), PassAsync(app, mail));
        await PassAsync(app, mail);

        var leaders = await app.Db(db => db.Users.Where(u => u.Active && u.Role == Role.Leader).Select(u => u.Id).ToListAsync());
        leaders.Should().NotBeEmpty();
        var notes = await app.Db(db => db.Set<Notification>().Where(n => n.UserId != null && n.Url == "/Inspections").ToListAsync());
        notes.Select(n => n.UserId!.Value).Should().BeEquivalentTo(leaders, "one notification per leader, however many passes ran");
        notes[0].Text.Should().Contain("1 đơn vị, 1 tồn tại");
        mail.Sent.Select(m => m.To).Should().BeEquivalentTo(["lanhdao@example.gov.vn", "vanphong@example.gov.vn"]);
        mail.Sent[0].Body.Should().Contain(agency.Name).And.Contain("lâu nhất 9 ngày");
    }
}
