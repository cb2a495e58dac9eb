using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Agencies;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>
/// Issue 19 finding 1: an officer's resolution of a name stays within its own agency's plans; only a
/// coordinator, after confirming, changes how the whole province's imports resolve a name.
/// </summary>
public sealed class NameScopeTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>The officer's own plan with one lead written as <paramref name="name"/> that resolves to nothing.</summary>
    static async Task<int> SnvPlanWithUnresolvedAsync(TestApp app, string name)
    {
        var (plan, activity) = await app.AgencyPlanAsync("Sở Nội vụ");
        await app.Db(async db =>
        {
            db.Assignments.Add(new Assignment { ActivityId = activity, Role = AssignmentRole.Support, Name = name, Order = 5 });
            await db.SaveChangesAsync();
        });
        return plan;
    }

    static Task<Resolution?> ResolveAsync(TestApp app, string name, int? owner) =>
        app.Db(async db => (await new AgencyDirectory(db).ResolverAsync(owner))(name));

    static Task<HttpResponseMessage> PostNameAsync(HttpClient client, int plan, string name, string target, bool provinceWide = false) =>
        client.SubmitFormAsync($"/Plans/{plan}/Names",
            new Dictionary<string, string?> { ["name"] = name, ["target"] = target, ["provinceWide"] = provinceWide ? "true" : null },
            formSelector: "main form[method=post]");

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OfficerResolvesOwnPlanName_AgencyOrGroup_NoProvinceAliasAndOtherImportsUnchanged(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("snv");
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var group = await app.Db(db => db.AgencyGroups.Select(g => g.Id).FirstAsync());

        foreach (var target in new[] { $"a:{stp}", $"g:{group}" })
        {
            var name = TestData.Unique("Tổ công tác liên ngành");
            var plan = await SnvPlanWithUnresolvedAsync(app, name);

            // Even asking for province-wide: an officer cannot.
            var response = await PostNameAsync(client, plan, name, target, provinceWide: true);

            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            var key = AliasKey.Of(name);
            (await app.Db(db => db.AgencyAliases.AnyAsync(a => a.Key == key))).Should().BeFalse("an officer must not add a province-wide alias");
            (await ResolveAsync(app, name, null)).Should().BeNull("a province import must not follow the officer's choice");
            (await ResolveAsync(app, name, stp)).Should().BeNull("another agency's import must not follow it either");
            (await ResolveAsync(app, name, snv)).Should().NotBeNull("the officer's own later plans remember it");
            (await app.Db(db => db.Assignments.CountAsync(x => x.Name == name && x.AgencyId == null && x.GroupId == null))).Should().Be(0, "the plan itself is resolved");
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OfficerResolvesNameThatHasAProvinceAlias_ProvinceAliasIsNotOverwritten(string provider)
    {
        var app = fx.App(provider);
        var name = TestData.Unique("Đoàn kiểm tra CCHC");
        var key = AliasKey.Of(name);
        var office = await app.AgencyIdAsync("Văn phòng UBND tỉnh");
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        await app.Db(async db =>
        {
            db.AgencyAliases.Add(new AgencyAlias { Text = name, Key = key, AgencyId = office });
            await db.SaveChangesAsync();
        });
        var plan = await SnvPlanWithUnresolvedAsync(app, name);

        await PostNameAsync(await app.As("snv"), plan, name, $"a:{stp}", provinceWide: true);

        (await app.Db(db => db.AgencyAliases.Where(a => a.Key == key).Select(a => a.AgencyId).SingleAsync())).Should().Be(office);
        (await ResolveAsync(app, name, null))!.AgencyId.Should().Be(office);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CoordinatorResolves_OnlyWithConfirmation_BecomesProvinceAliasWithAuthor(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var unconfirmed = TestData.Unique("Tổ rà soát văn bản");
        var confirmed = TestData.Unique("Tổ rà soát thủ tục");
        var planA = await app.ProvincePlanAsync(change: json => json.Activities[2].Lead[0] = unconfirmed);
        var planB = await app.ProvincePlanAsync(change: json => json.Activities[2].Lead[0] = confirmed);

        await PostNameAsync(client, planA, unconfirmed, $"a:{stp}");
        await PostNameAsync(client, planB, confirmed, $"a:{stp}", provinceWide: true);

        (await ResolveAsync(app, unconfirmed, null)).Should().BeNull("without confirmation only this plan changes");
        var alias = await app.Db(db => db.AgencyAliases.AsNoTracking().SingleAsync(a => a.Key == AliasKey.Of(confirmed)));
        alias.AgencyId.Should().Be(stp);
        alias.CreatedBy.Should().Be("coordinator");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task LearnedNames_ListedWithAuthor_CoordinatorRemovesOne_ImportsNoLongerResolveIt(string provider)
    {
        var app = fx.App(provider);
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var name = TestData.Unique("Tổ giúp việc");
        await PostNameAsync(await app.As("snv"), await SnvPlanWithUnresolvedAsync(app, name), name, $"a:{stp}");
        var coordinator = await app.As("coordinator");

        var page = await coordinator.GetPageAsync("/Agencies/LearnedNames");
        var row = page.QuerySelectorAll("tr.learned-name").Single(r => r.TextContent.Contains(name));
        row.TextContent.Should().Contain("snv").And.Contain("Sở Tư pháp").And.Contain("Sở Nội vụ");

        var id = await app.Db(db => db.AgencyScopedAliases.Where(x => x.Key == AliasKey.Of(name)).Select(x => x.Id).SingleAsync());
        var response = await coordinator.SubmitFormAsync("/Agencies/LearnedNames",
            new Dictionary<string, string?> { ["kind"] = "s", ["id"] = id.ToString() }, formSelector: "tr.learned-name form");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ResolveAsync(app, name, snv)).Should().BeNull();
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(AgencyScopedAlias)))).Should().BeTrue("changes are audited");
    }
}
