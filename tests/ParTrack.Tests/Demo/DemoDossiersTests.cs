using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Demo;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Demo;

/// <summary>The demo's year of dossiers: respects the 2025 mergers, and the plan's service targets are bound to it.</summary>
public sealed class DemoDossiersTests
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DemoYear_FollowsTheMergers_AndBindsTheServiceTargets(string provider)
    {
        await using var app = new TestApp(provider, seedPlans: true) { DemoDossiers = 3000 };
        var (count, skhdtAfter, skhdtBefore, taiChinhAfter, districtsAfter) = await app.Db(async db =>
        {
            var dossiers = db.Set<Dossier>().Where(d => d.Source == DemoData.DossierSource);
            var skhdt = await db.Agencies.Where(a => a.Name == "Sở Kế hoạch và Đầu tư").Select(a => a.Id).SingleAsync();
            var taiChinh = await db.Agencies.Where(a => a.Name == "Sở Tài chính").Select(a => a.Id).SingleAsync();
            var merged = new DateOnly(2025, 3, 1);
            return (await dossiers.CountAsync(),
                await dossiers.CountAsync(d => d.AgencyId == skhdt && d.ReceivedOn >= merged),
                await dossiers.CountAsync(d => d.AgencyId == skhdt && d.ReceivedOn < merged),
                await dossiers.CountAsync(d => d.AgencyId == taiChinh && d.ReceivedOn >= merged),
                await dossiers.CountAsync(d => d.Level == AdminLevel.District && d.ReceivedOn > new DateOnly(2025, 6, 30)));
        });

        count.Should().BeInRange(2700, 3300, "about Demo:DossierCount dossiers");
        skhdtBefore.Should().BePositive();
        skhdtAfter.Should().Be(0, "a merged department receives nothing after the merger");
        taiChinhAfter.Should().BePositive("its successor carries on");
        districtsAfter.Should().Be(0, "the district level ended on 30/06/2025");
        (await app.Db(db => db.Set<MeasureBinding>().CountAsync())).Should().BePositive("the plan's service targets are bound");
    }

    [Fact]
    public void Generation_IsDeterministic()
    {
        List<Agency> agencies =
        [
            new() { Id = 1, Name = "Sở Tư pháp", Kind = AgencyKind.Department, Level = AdminLevel.Province },
            new() { Id = 2, Name = "UBND xã Thạch Hạ", Kind = AgencyKind.CommuneCommittee, Level = AdminLevel.Commune },
        ];
        var first = DemoDossierRows.Generate(agencies, 500).Select(l => l.Row).ToList();
        var second = DemoDossierRows.Generate(agencies, 500).Select(l => l.Row).ToList();

        first.Should().Equal(second);
        first.Should().HaveCountGreaterThan(400);
        first.Select(r => r!.ReceivedAt.Month).Distinct().Should().HaveCount(12);
    }
}
