using FluentAssertions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Tests;

public class BodySplitterTests
{
    // The contract's examples, literally.
    [Theory]
    [InlineData("Sở, ban, ngành cấp tỉnh")]
    [InlineData("UBND cấp huyện, cấp xã")]
    [InlineData("UBND các huyện, thành phố, thị xã")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("Văn phòng HĐND và UBND thành phố")]
    [InlineData("Văn phòng HĐND và UBND huyện")]
    [InlineData("Phòng Tài chính - Kế hoạch")]
    [InlineData("Sở Thông tin và Truyền thông")]
    public void Contract_OneBody(string cell) => BodySplitter.Split(cell).Should().Equal(cell);

    [Theory]
    [InlineData("Sở Nội vụ, Sở Tư pháp", "Sở Nội vụ", "Sở Tư pháp")]
    [InlineData("Sở Tư pháp và UBND cấp huyện", "Sở Tư pháp", "UBND cấp huyện")]
    [InlineData("Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan khác", "Các cơ quan chủ trì CCHC của tỉnh", "các cơ quan liên quan khác")]
    public void Contract_TwoBodies(string cell, string first, string second) =>
        BodySplitter.Split(cell).Should().Equal(first, second);

    // DOMAIN §3.2 forms.
    [Theory]
    [InlineData("UBND tỉnh (qua Sở Nội vụ thẩm định)")]
    [InlineData("UBND tỉnh (Sở Nội vụ tham mưu)")]
    [InlineData("Sở Tài chính (TT Tư vấn dịch vụ tài chính)")]
    [InlineData("Trung tâm Hỗ trợ phát triển doanh nghiệp và Xúc tiến đầu tư")]
    [InlineData("Sở Khoa học và Công nghệ")]
    [InlineData("Sở Kế hoạch và Đầu tư")]
    [InlineData("Tổ công tác (QĐ 2088/QĐ- UBND)")]
    [InlineData("Các sở, ngành, đơn vị")]
    [InlineData("Các sở, cơ quan, đơn vị thuộc UBND tỉnh")]
    [InlineData("Các cơ quan, đơn vị, địa phương")]
    [InlineData("UBND các huyện, thị xã, thành phố")]
    [InlineData("Bộ phận Một cửa cấp tỉnh, cấp huyện, cấp xã")]
    [InlineData("Các sở, ngành, đơn vị có đơn vị được ban hành danh mục dịch vụ sự nghiệp công")]
    [InlineData("Đài Phát thanh - Truyền hình tỉnh")]
    [InlineData("Trường Cao đẳng Giáo dục nghề nghiệp - Giáo dục thường xuyên")]
    public void Domain_OneBody(string cell) => BodySplitter.Split(cell).Should().Equal(cell);

    [Fact]
    public void TrailingDot_Removed() =>
        BodySplitter.Split("Sở KH&CN.").Should().Equal("Sở KH&CN");

    [Fact]
    public void LinesSemicolonsAndDashMarkers_Separate() =>
        BodySplitter.Split("- Sở Nội vụ;\n- Văn phòng UBND tỉnh\nSở Tư pháp; các cơ quan liên quan")
            .Should().Equal("Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tư pháp", "các cơ quan liên quan");

    [Fact]
    public void NumberedBodies_000_PL_VI_r1_5() =>
        BodySplitter.Split("5.1. Trung tâm Tư vấn dịch vụ tài chính 5.2. Sở Tài chính (đối với các đơn vị SNCL thuộc cấp tỉnh); Phòng Tài chính - Kế hoạch (đối với đơn vị SNCL cấp huyện).")
            .Should().Equal("Trung tâm Tư vấn dịch vụ tài chính", "Sở Tài chính (đối với các đơn vị SNCL thuộc cấp tỉnh)",
                "Phòng Tài chính - Kế hoạch (đối với đơn vị SNCL cấp huyện)");

    [Fact]
    public void GroupThenBodies_SplitAtHeadWords() =>
        BodySplitter.Split("Các sở, ban, ngành, UBND các huyện, thành phố, thị xã, Văn phòng UBND tỉnh và Sở Nội vụ")
            .Should().Equal("Các sở, ban, ngành", "UBND các huyện, thành phố, thị xã", "Văn phòng UBND tỉnh", "Sở Nội vụ");

    [Fact]
    public void Abbreviations_StartBodies() =>
        BodySplitter.Split("Sở Nội vụ, Đoàn Kiểm tra, HĐTĐ CCHC tỉnh").Should().Equal("Sở Nội vụ", "Đoàn Kiểm tra", "HĐTĐ CCHC tỉnh");

    [Fact]
    public void LowerCaseGroupAfterSemicolon_KeptAsWritten() =>
        BodySplitter.Split("Sở Tài chính; các sở, ban ngành liên quan").Should().Equal("Sở Tài chính", "các sở, ban ngành liên quan");

    [Fact]
    public void NamedDistricts_AreTwo() =>
        BodySplitter.Split("UBND thành phố Hà Tĩnh và UBND thị xã Kỳ Anh").Should().Equal("UBND thành phố Hà Tĩnh", "UBND thị xã Kỳ Anh");

    [Fact]
    public void WhitespaceCollapsed_AndNfc() =>
        BodySplitter.Split("  Sở   Nội\u00A0vụ ,  Sở Tư pha\u0301p ").Should().Equal("Sở Nội vụ", "Sở Tư pháp");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ; ")]
    public void Blank_GivesEmpty(string? cell) => BodySplitter.Split(cell).Should().BeEmpty();
}
