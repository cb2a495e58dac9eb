using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>Unit groups configured by a coordinator ("others as configured"), through HTTP.</summary>
public sealed class ParGroupsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Central = "Cơ quan Trung ương";

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ConfiguredGroup_HasItsOwnSet_AndIsRankedOnItsOwn(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");

        // A kind already in a built-in group is refused, with the reason.
        var refused = await coordinator.SubmitFormAsync("/ParIndex/Groups", new Dictionary<string, string?> { ["Name"] = "Nhóm sai", ["Kinds"] = "Department" });
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.ParseAsync()).Messages().Should().Contain("đã thuộc nhóm có sẵn");

        var created = await coordinator.SubmitFormAsync("/ParIndex/Groups", new Dictionary<string, string?> { ["Name"] = Central, ["Kinds"] = "CentralAgency" });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, (await created.ParseAsync()).Messages());
        (await coordinator.GetPageAsync("/ParIndex/Groups")).QuerySelector("main table")!.TextContent.Should().Contain(Central);

        var tax = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Cục Thuế"), AgencyKind.CentralAgency));
        var treasury = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Kho bạc Nhà nước"), AgencyKind.CentralAgency));

        // A round of departments and the configured group (the district box is unticked).
        var createUrl = "/ParIndex/Rounds/Create";
        var page = await coordinator.GetPageAsync(createUrl);
        var form = page.QuerySelector("main form") as IHtmlFormElement;
        var boxes = form!.QuerySelectorAll("input[name='Form.Groups']").OfType<IHtmlInputElement>().ToList();
        boxes.Select(b => b.Value).Should().Contain(Central, "the configured group can be chosen for a round");
        foreach (var b in boxes) b.IsChecked = b.Value is "Department" or Central;
        var response = await coordinator.SubmitAsync(form, createUrl, new Dictionary<string, string?> { ["Form.Year"] = "2033", ["Form.Title"] = "Đợt có nhóm cấu hình" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        var roundId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

        var (units, setGroups) = await app.Db(async db =>
        {
            var list = await db.Set<ParAssessment>().Where(a => a.RoundId == roundId).Select(a => new { a.AgencyId, a.Agency!.Kind, a.Group, a.SetId }).ToListAsync();
            var sets = await db.Set<ParCriteriaSetRow>().Where(s => s.Year == 2033).Select(s => new { s.Id, s.Group, s.Title }).ToListAsync();
            return (list, sets);
        });
        units.Where(u => u.Kind == AgencyKind.CentralAgency).Should().OnlyContain(u => u.Group == new ParUnitGroup(Central));
        units.Select(u => u.AgencyId).Should().Contain([tax.Id, treasury.Id]);
        units.Where(u => u.Kind == AgencyKind.Department).Should().NotBeEmpty().And.OnlyContain(u => u.Group == ParUnitGroup.Department);
        units.Should().NotContain(u => u.Kind == AgencyKind.DistrictCommittee);
        var centralSet = setGroups.Single(s => s.Group == new ParUnitGroup(Central));
        centralSet.Title.Should().Contain(Central);
        units.Where(u => u.Kind == AgencyKind.CentralAgency).Should().OnlyContain(u => u.SetId == centralSet.Id, "each group has its own criteria set");
        centralSet.Id.Should().NotBe(setGroups.Single(s => s.Group == ParUnitGroup.Department).Id);

        // Sở Nội vụ scores higher than both central agencies, yet the tax office ranks first in its own group.
        await app.Db(async db =>
        {
            var list = await db.Set<ParAssessment>().Include(a => a.Agency).Where(a => a.RoundId == roundId).ToListAsync();
            void Score(int agencyId, decimal a, decimal b)
            {
                var x = list.Single(u => u.AgencyId == agencyId);
                x.Scores.Add(new ParScore { Code = "1.1.1", SelfPoints = a });
                x.Scores.Add(new ParScore { Code = "1.2.1", SelfPoints = b });
            }
            Score(list.Single(u => u.Agency!.Name == "Sở Nội vụ").AgencyId, 1, 1);
            Score(tax.Id, 1, 0.5m);
            Score(treasury.Id, 0.5m, 0);
            await db.SaveChangesAsync();
        });
        var results = await coordinator.GetPageAsync($"/ParIndex/Rounds/{roundId}/Results");
        var sections = results.QuerySelectorAll("main section").Where(s => s.QuerySelector("h2")?.TextContent.Trim() == Central).ToList();
        sections.Should().ContainSingle("the configured group has its own ranking table");
        string RankOf(string name) => sections[0].QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == name).QuerySelector("[data-col=rank]")!.TextContent.Trim();
        RankOf(tax.Name).Should().Be("1");
        RankOf(treasury.Name).Should().Be("2");
        var departments = results.QuerySelector("#results")!;
        departments.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Sở Nội vụ")
            .QuerySelector("[data-col=rank]")!.TextContent.Trim().Should().Be("1");
    }
}
