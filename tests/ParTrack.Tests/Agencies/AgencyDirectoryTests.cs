using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features.Agencies;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Agencies;

public sealed class AgencyDirectoryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    async Task<T> WithDirectory<T>(string provider, Func<AgencyDirectory, Task<T>> work)
    {
        using var scope = fx.App(provider).Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AgencyDirectory>());
    }

    [Theory]
    [InlineData("Sở TTTT", "Sở Thông tin và Truyền thông")]
    [InlineData("Sở Thông tin truyền thông", "Sở Thông tin và Truyền thông")]
    [InlineData("  sở   thông tin VÀ truyền thông. ", "Sở Thông tin và Truyền thông")]
    [InlineData("Sở KH&CN.", "Sở Khoa học và Công nghệ")]
    [InlineData("VP UBND tỉnh", "Văn phòng UBND tỉnh")]
    [InlineData("UBND tỉnh (qua Sở Nội vụ thẩm định)", "Sở Nội vụ")]
    [InlineData("TT Tư vấn dịch vụ tài chính", "Trung tâm Tư vấn dịch vụ tài chính")]
    public async Task Resolve_NamesShortNamesAndAliases_FindTheAgency(string written, string expected)
    {
        var found = await WithDirectory(Databases.Sqlite, d => d.ResolveAsync(written));
        found.Should().NotBeNull();
        found!.AgencyId.Should().NotBeNull();
        found.Name.Should().Be(expected);
    }

    [Theory]
    [InlineData("UBND các huyện, thị xã, thành phố", "UBND cấp huyện")]
    [InlineData("UBND các huyện, thành phố, thị xã", "UBND cấp huyện")]
    [InlineData("Địa phương", "UBND cấp huyện")]
    [InlineData("Sở, ban, ngành", "Các sở, ban, ngành cấp tỉnh")]
    [InlineData("Các sở, ngành, đơn vị", "Các sở, ban, ngành cấp tỉnh")]
    [InlineData("cấp xã", "UBND cấp xã")]
    public async Task Resolve_GroupNames_FindTheGroup(string written, string expected)
    {
        var found = await WithDirectory(Databases.Sqlite, d => d.ResolveAsync(written));
        found!.GroupId.Should().NotBeNull();
        found.Name.Should().Be(expected);
    }

    [Fact]
    public async Task Resolve_UnknownName_IsNull() =>
        (await WithDirectory(Databases.Sqlite, d => d.ResolveAsync("các đơn vị được kiểm tra"))).Should().BeNull();

    [Fact]
    public void AliasKey_DecomposedUnicode_MatchesComposed()
    {
        var decomposed = "Sở Nội vụ".Normalize(System.Text.NormalizationForm.FormD);
        AliasKey.Of(decomposed).Should().Be("sở nội vụ");
        AliasKey.Of("Sở  Tư\tpháp.").Should().Be("sở tư pháp");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CurrentOf_MergedWard_FollowsItsSuccessorAfterTheMerger(string provider)
    {
        var app = fx.App(provider);
        var bacHa = await app.AgencyIdAsync("UBND phường Bắc Hà");
        var thanhSen = await app.AgencyIdAsync("UBND phường Thành Sen");
        (await WithDirectory(provider, d => d.CurrentOfAsync(bacHa, new DateOnly(2025, 6, 30)))).Should().Be(bacHa);
        (await WithDirectory(provider, d => d.CurrentOfAsync(bacHa, new DateOnly(2025, 7, 1)))).Should().Be(thanhSen);
        var canLoc = await app.AgencyIdAsync("UBND huyện Can Lộc");
        (await WithDirectory(provider, d => d.CurrentOfAsync(canLoc, new DateOnly(2025, 9, 1)))).Should().Be(canLoc, "abolished without successor");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Members_OfGroups_DependOnTheDay(string provider)
    {
        var app = fx.App(provider);
        var districts = (await WithDirectory(provider, d => d.ResolveAsync("UBND cấp huyện")))!.GroupId!.Value;
        var communes = (await WithDirectory(provider, d => d.ResolveAsync("UBND cấp xã")))!.GroupId!.Value;

        var before = await WithDirectory(provider, d => d.MembersAsync(districts, new DateOnly(2025, 1, 15)));
        before.Should().HaveCount(13);
        before.Select(a => a.Name).Should().Contain(["UBND thành phố Hà Tĩnh", "UBND huyện Hương Khê", "UBND thị xã Hồng Lĩnh"]);
        (await WithDirectory(provider, d => d.MembersAsync(districts, new DateOnly(2025, 7, 1)))).Should().BeEmpty();

        var wardsAfter = (await WithDirectory(provider, d => d.MembersAsync(communes, new DateOnly(2025, 7, 1)))).Select(a => a.Name).ToList();
        wardsAfter.Should().Contain("UBND phường Thành Sen").And.NotContain("UBND phường Bắc Hà");
        var wardsBefore = (await WithDirectory(provider, d => d.MembersAsync(communes, new DateOnly(2025, 6, 30)))).Select(a => a.Name).ToList();
        wardsBefore.Should().Contain("UBND phường Bắc Hà").And.NotContain("UBND phường Thành Sen");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RememberAlias_MakesTheNameResolveNextTime(string provider)
    {
        var app = fx.App(provider);
        var written = TestData.Unique("Sở Nội vụ (Ban Thi đua)");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        await WithDirectory(provider, async d => { await d.RememberAliasAsync(written, snv, null); return 0; });
        var found = await WithDirectory(provider, d => d.ResolveAsync(written.ToUpperInvariant() + "."));
        found!.AgencyId.Should().Be(snv);
    }
}
