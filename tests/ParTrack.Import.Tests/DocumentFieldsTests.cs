using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>Finds the shared seed plans (../shared/seeds from the repository root) for the prose tests.</summary>
internal static class ProseSeeds
{
    public const string HaTinh2025 = "000_a5b74ff242722c67.txt";
    public const string HaTinh2024Draft = "002_f2d8ac044f07eacb.txt";
    public const string LamDong2021 = "003_9a38d09136b2a054.txt";
    public const string SonLaNews = "004_a1becc1616e8feef.txt";

    public static string PathOf(string name) => Path.Combine(TestPaths.SeedFolder, name);

    public static SourceDocument Read(string name) =>
        DocumentReader.Read(File.ReadAllBytes(PathOf(name)), name, []);
}

public class DocumentFieldsTests
{
    private static PlanDocumentInfo Fields(string seed, int? year = null, List<ImportWarning>? warnings = null) =>
        DocumentFieldsReader.Read(ProseSeeds.Read(seed), year, warnings ?? []);

    [Fact]
    public void HaTinh2025_WebText_ReadsDecisionFieldsAndSignerFromMetadata()
    {
        var f = Fields(ProseSeeds.HaTinh2025);

        f.Number.Should().Be("3098/QĐ-UBND");
        f.Type.Should().Be("Quyết định");
        f.Issuer.Should().Be("UBND tỉnh Hà Tĩnh");
        f.Place.Should().Be("Hà Tĩnh");
        f.IssuedOn.Should().Be(new DateOnly(2024, 12, 31));
        f.Signer.Should().Be("Nguyễn Hồng Lĩnh"); // only in the website's "Người ký" row
        f.Title.Should().Be("Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025");
        f.FromYear.Should().Be(2025);
        f.ToYear.Should().Be(2025);
    }

    [Fact]
    public void HaTinh2024Draft_BlankNumberAndDate_AreNullWithWarnings()
    {
        var warnings = new List<ImportWarning>();
        var f = Fields(ProseSeeds.HaTinh2024Draft, warnings: warnings);

        f.Number.Should().BeNull();
        f.IssuedOn.Should().BeNull();
        f.Type.Should().Be("Quyết định");
        f.Issuer.Should().Be("UBND tỉnh Hà Tĩnh");
        f.Place.Should().Be("Hà Tĩnh");
        f.Signer.Should().Be("Nguyễn Hồng Lĩnh"); // printed under "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
        f.Title.Should().Be("Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2024");
        f.FromYear.Should().Be(2024);
        f.ToYear.Should().Be(2024);
        warnings.Where(w => w.Kind == WarningKinds.DocumentField).Should().HaveCount(2);
    }

    [Fact]
    public void LamDong_FiveYearPlan_ReadsLetterheadProvinceAndYearRange()
    {
        var f = Fields(ProseSeeds.LamDong2021);

        f.Number.Should().Be("2260/QĐ-UBND");
        f.Type.Should().Be("Quyết định");
        f.Issuer.Should().Be("UBND tỉnh Lâm Đồng");
        f.Place.Should().Be("Lâm Đồng");
        f.IssuedOn.Should().Be(new DateOnly(2021, 9, 8));
        f.Signer.Should().Be("Trần Văn Hiệp");
        f.Title.Should().Be("Kế hoạch thực hiện công tác cải cách hành chính giai đoạn 2021 - 2025 trên địa bàn tỉnh Lâm Đồng");
        f.FromYear.Should().Be(2021);
        f.ToYear.Should().Be(2025);
    }

    [Fact]
    public void SonLaNews_ReadsTheDecisionTheNewsReportsOn()
    {
        var f = Fields(ProseSeeds.SonLaNews);

        f.Number.Should().Be("2769/QĐ-UBND");
        f.Type.Should().Be("Quyết định");
        f.Issuer.Should().Be("UBND tỉnh Sơn La");
        f.Place.Should().BeNull(); // a news item has no date line
        f.IssuedOn.Should().Be(new DateOnly(2024, 12, 24));
        f.Signer.Should().BeNull();
        f.Title.Should().Be("Kế hoạch cải cách hành chính nhà nước tỉnh Sơn La năm 2025");
        f.FromYear.Should().Be(2025);
        f.ToYear.Should().Be(2025);
    }

    [Fact]
    public void YearOverride_WinsOverTheTitle()
    {
        var f = Fields(ProseSeeds.LamDong2021, year: 2023);

        f.FromYear.Should().Be(2023);
        f.ToYear.Should().Be(2023);
    }

    [Theory]
    [InlineData("ngày 31 tháng 12 năm 2024", 2024, 12, 31)]
    [InlineData("8 tháng 9 năm 2021", 2021, 9, 8)]
    [InlineData("9/8/2022", 2022, 8, 9)]
    public void ParseDate_ReadsTheThreePrintedFormats(string text, int y, int m, int d) =>
        DocumentFieldsReader.ParseDate(text).Should().Be(new DateOnly(y, m, d));

    [Theory]
    [InlineData("ngày         tháng      năm 2023")]
    [InlineData("ngày 31 tháng 2 năm 2024")]
    [InlineData("")]
    public void ParseDate_BlankOrImpossible_IsNull(string text) =>
        DocumentFieldsReader.ParseDate(text).Should().BeNull();
}
