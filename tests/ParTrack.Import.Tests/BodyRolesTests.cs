using System.Text;
using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Layouts.Table;
using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>Rules added with corpus plans 13–16: one "Cơ quan thực hiện" cell naming both roles, a start column
/// beside the completion column, a director's signature, a letterhead spaced by blank lines.</summary>
public class BodyRolesTests
{
    [Theory]
    [InlineData("Sở Nội vụ chủ trì; Sở Tư pháp, Sở Tài chính phối hợp", "Sở Nội vụ", "Sở Tư pháp, Sở Tài chính")]
    [InlineData("Sở Nội vụ (chủ trì), Sở Tư pháp (phối hợp)", "Sở Nội vụ", "Sở Tư pháp")]
    [InlineData("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp", "Sở Nội vụ", "Sở Tư pháp")]
    [InlineData("Chủ trì: Phòng Nội vụ; Phối hợp: Văn phòng HĐND và UBND huyện", "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện")]
    [InlineData("Phòng Nội vụ chủ trì", "Phòng Nội vụ", null)]
    public void Split_CellNamingRoles_GivesLeadAndSupport(string cell, string lead, string? support) =>
        BodyRoles.Split(cell).Should().Be((lead, support));

    [Theory]
    [InlineData("Sở Nội vụ")]
    [InlineData("Sở Nội vụ, Sở Tư pháp")]
    [InlineData("")]
    public void Split_CellWithoutRoles_IsLeftAlone(string cell) => BodyRoles.Split(cell).Should().BeNull();

    [Fact]
    public void Table_OneBodiesColumnAndStartColumn_ReadsLeadSupportAndTheCompletionDue()
    {
        var html = """
            <table>
            <tr><th>STT</th><th>Nhiệm vụ</th><th>Sản phẩm</th><th>Cơ quan thực hiện</th><th>Thời gian bắt đầu</th><th>Thời gian hoàn thành</th></tr>
            <tr><td>I</td><td colspan="5">CẢI CÁCH TỔ CHỨC BỘ MÁY</td></tr>
            <tr><td>1</td><td>Kiện toàn các phòng chuyên môn</td><td>Quyết định</td><td>Phòng Nội vụ chủ trì; Phòng Tư pháp, Văn phòng HĐND và UBND huyện phối hợp</td><td>Tháng 1</td><td>Quý II</td></tr>
            </table>
            """;
        var doc = DocumentReader.Read(Encoding.UTF8.GetBytes("<html><body>" + html + "</body></html>"), "plan.html", []);

        var activity = FrameworkTableReader.Read(doc, 2023, [])!.Activities.Single();

        activity.Lead.Should().Equal("Phòng Nội vụ");
        activity.Support.Should().Equal("Phòng Tư pháp", "Văn phòng HĐND và UBND huyện");
        activity.Due.Text.Should().Be("Quý II");
        activity.Due.End.Should().Be(new DateOnly(2023, 6, 30));
    }

    [Fact]
    public void Header_FlatStartAndCompletionColumns_StartIsNotTheDue()
    {
        var map = ColumnMap.FromHeader(["TT", "Nhiệm vụ", "Chủ trì", "Thời gian bắt đầu", "Thời gian hoàn thành"]);

        map.IndexOf(Col.DueStart).Should().Be(3);
        map.IndexOf(Col.Due).Should().Be(4);
    }

    [Theory]
    [InlineData("GIÁM ĐỐC")]
    [InlineData("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")]
    [InlineData("BỘ TRƯỞNG")]
    public void Signer_UnderAHeadsTitle_IsRead(string title)
    {
        var text = $"SỞ Y TẾ\nSố: 62/KH-SYT\nQuảng Ngãi, ngày 19 tháng 1 năm 2024\nKẾ HOẠCH\nCải cách hành chính năm 2024\nNơi nhận:\n- Lưu: VT.\n{title}\nLê Minh Khôi\n";
        var doc = DocumentReader.Read(Encoding.UTF8.GetBytes(text), "plan.txt", []);

        DocumentFieldsReader.Read(doc, null, []).Signer.Should().Be("Lê Minh Khôi");
    }

    [Fact]
    public void Issuer_LetterheadLinesSpacedByBlankLines_IsTheLowerBody()
    {
        // pdftotext -layout: the motto on the right is spaced wider, so blank lines come between the letterhead's lines.
        var text = "UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSỞ Y TẾ                        Độc lập - Tự do - Hạnh phúc\n\nSố: 62/KH-SYT\n";
        var doc = DocumentReader.Read(Encoding.UTF8.GetBytes(text), "plan.txt", []);

        DocumentFieldsReader.Read(doc, null, []).Issuer.Should().Be("Sở Y tế");
    }
}
