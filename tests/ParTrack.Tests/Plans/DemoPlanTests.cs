using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>The demo's 2025 plan (samples/ha-tinh, written in the spellings real plans use) against the demo registry: the common forms resolve, a few odd names stay flagged.</summary>
public sealed class DemoPlanTests : IAsyncLifetime
{
    readonly TestApp app = new(Databases.Sqlite, seedPlans: true);

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }
    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<List<Assignment>> ProvinceAssignmentsAsync() => await app.Db(db => db.Assignments
        .Where(x => db.Activities.Any(a => a.Id == x.ActivityId && a.Plan!.OwnerAgencyId == null)).ToListAsync());

    [Theory]
    // Spellings as written in the sample plan's framework table (the forms seed 000 uses), and what the demo registry calls them.
    [InlineData("Các cơ quan chủ trì CCHC của tỉnh", "Các cơ quan chủ trì CCHC của tỉnh")]
    [InlineData("các cơ quan liên quan khác", "Các cơ quan, đơn vị liên quan")]
    [InlineData("các cơ quan, đơn vị liên quan", "Các cơ quan, đơn vị liên quan")]
    [InlineData("UBND các huyện, thành phố, thị xã", "UBND cấp huyện")]
    [InlineData("Sở, ban, ngành cấp tỉnh", "Các sở, ban, ngành cấp tỉnh")]
    [InlineData("các sở, ban ngành liên quan", "Các sở, ban, ngành cấp tỉnh")]
    [InlineData("UBND cấp huyện, cấp xã", "UBND cấp huyện và cấp xã")]
    public async Task CommonGroupForms_ResolveToTheirGroup(string written, string group)
    {
        var groupId = await app.Db(db => db.AgencyGroups.Where(g => g.Name == group).Select(g => g.Id).SingleAsync());

        var hits = (await ProvinceAssignmentsAsync()).Where(x => x.Name == written).ToList();

        hits.Should().NotBeEmpty($"the sample plan writes \"{written}\"");
        hits.Should().OnlyContain(x => x.GroupId == groupId);
    }

    [Theory]
    [InlineData("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh")]
    [InlineData("Sở KH&CN", "Sở Khoa học và Công nghệ")]
    [InlineData("HĐTĐ CCHC tỉnh", "Sở Nội vụ")]
    [InlineData("Sở Tài chính (đối với các đơn vị SNCL thuộc cấp tỉnh)", "Sở Tài chính")]
    public async Task AgencyForms_ResolveToTheAgency(string written, string agency)
    {
        var agencyId = await app.AgencyIdAsync(agency);

        var hits = (await ProvinceAssignmentsAsync()).Where(x => x.Name == written).ToList();

        hits.Should().NotBeEmpty($"the sample plan writes \"{written}\"");
        hits.Should().OnlyContain(x => x.AgencyId == agencyId);
    }

    [Fact]
    public async Task OnlyAHandfulOfOddNames_StayUnresolved()
    {
        var unresolved = (await ProvinceAssignmentsAsync()).Where(x => !x.IsResolved).Select(x => x.Name).Distinct().ToList();

        unresolved.Should().Contain("các đơn vị được kiểm tra", "which units get inspected is decided during the year");
        unresolved.Should().Contain(n => n.Contains("tư vấn"), "consultants are outside the province's registry");
        unresolved.Count.Should().BeInRange(3, 15);
    }
}
