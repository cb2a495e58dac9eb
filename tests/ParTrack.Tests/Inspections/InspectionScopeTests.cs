using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Inspections;

/// <summary>A unit sees only its own inspections and findings; a team member only the team's, which it may edit.</summary>
public sealed class InspectionScopeTests(AppFixture fx) : IClassFixture<AppFixture>
{
    sealed record Setup(int Stp, int Health, int StpInspection, int HealthInspection, int StpFinding, int HealthFinding);

    /// <summary>Sở Tư pháp inspected in a round whose team has the snv account; Sở Y tế inspected outside it.</summary>
    static async Task<Setup> ArrangeAsync(TestApp app)
    {
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var health = await app.AgencyIdAsync("Sở Y tế");
        var snv = await app.UserIdAsync("snv");
        return await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = 2026, Title = TestData.Unique("Kế hoạch phạm vi"), Checklist = "1. Chỉ đạo" };
            db.Add(p);
            await db.SaveChangesAsync();
            var round = new InspectionRound
            {
                ProgrammeId = p.Id, Name = "Đợt 1", StartsOn = new(2026, 4, 1), EndsOn = new(2026, 4, 30),
                Members = [new() { UserId = snv, Name = "Cán bộ Sở Nội vụ" }]
            };
            db.Add(round);
            await db.SaveChangesAsync();
            InspectionFinding Finding(int agency) => new() { Area = "1. Chỉ đạo", Found = "Thiếu", RequiredRemedy = "Bổ sung", ResponsibleAgencyId = agency, Deadline = new(2026, 5, 20) };
            var a = new Inspection { ProgrammeId = p.Id, RoundId = round.Id, AgencyId = stp, ScheduledOn = new(2026, 4, 5), ConclusionDate = new(2026, 4, 10), Findings = [Finding(stp)] };
            var b = new Inspection { ProgrammeId = p.Id, AgencyId = health, ScheduledOn = new(2026, 6, 5), ConclusionDate = new(2026, 6, 10), Findings = [Finding(health)] };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return new Setup(stp, health, a.Id, b.Id, a.Findings[0].Id, b.Findings[0].Id);
        });
    }

    static async Task<List<int>> FindingIdsAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/inspection-findings");
        return list!.Select(f => f.GetProperty("id").GetInt32()).ToList();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_SeesOnlyItsUnitsInspectionsAndFindings(string provider)
    {
        var app = fx.App(provider);
        var s = await ArrangeAsync(app);
        var stp = await app.As("stp");

        (await stp.GetAsync($"/Inspections/Visits/{s.StpInspection}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await stp.GetAsync($"/Inspections/Visits/{s.HealthInspection}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stp.GetAsync($"/Inspections/Findings/{s.HealthFinding}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var ids = await FindingIdsAsync(stp);
        ids.Should().Contain(s.StpFinding).And.NotContain(s.HealthFinding);
        (await stp.GetAsync("/api/inspection-programmes")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await FindingIdsAsync(await app.As("tphatinh"))).Should().NotContain([s.StpFinding, s.HealthFinding]);

        // The unit reads its own inspection but does not write the team's minutes.
        var minutes = await stp.PostWithTokenAsync($"/Inspections/Visits/{s.StpInspection}?handler=Minutes", new Dictionary<string, string?> { ["visitedOn"] = "2026-04-05" });
        minutes.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.Db(db => db.Set<Inspection>().Where(i => i.Id == s.StpInspection).Select(i => i.VisitedOn).SingleAsync())).Should().BeNull();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TeamMember_SeesAndEditsTheTeamsInspection_AndNothingElseOfOtherUnits(string provider)
    {
        var app = fx.App(provider);
        var s = await ArrangeAsync(app);
        var member = await app.As("snv");   // an officer of Sở Nội vụ on the round's team

        (await member.GetAsync($"/Inspections/Visits/{s.StpInspection}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var minutes = await member.PostWithTokenAsync($"/Inspections/Visits/{s.StpInspection}?handler=Minutes", new Dictionary<string, string?>
        { ["visitedOn"] = "2026-04-05", ["item"] = "1. Chỉ đạo", ["note"] = "Đã xem kế hoạch" });
        minutes.StatusCode.Should().Be(HttpStatusCode.Redirect, (await minutes.ParseAsync()).Messages());
        (await app.Db(db => db.Set<Inspection>().Where(i => i.Id == s.StpInspection).Select(i => i.VisitedOn).SingleAsync())).Should().Be(new DateOnly(2026, 4, 5));

        (await member.GetAsync($"/Inspections/Visits/{s.HealthInspection}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var other = await member.PostWithTokenAsync($"/Inspections/Visits/{s.HealthInspection}?handler=Minutes", new Dictionary<string, string?> { ["visitedOn"] = "2026-06-05" });
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var ids = await FindingIdsAsync(member);
        ids.Should().Contain(s.StpFinding).And.NotContain(s.HealthFinding);
        // Team work is not the unit's work: the member cannot report the unit's remedy.
        (await member.PostWithTokenAsync($"/Inspections/Findings/{s.StpFinding}?handler=Report", new Dictionary<string, string?> { ["report"] = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Inspection) && a.EntityId == s.StpInspection.ToString() && a.UserName == "snv")))
            .Should().BeTrue("the member's change is audited under the member");
    }
}
