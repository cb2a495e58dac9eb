using FluentAssertions;
using ParTrack.Import.Layouts.Table;

namespace ParTrack.Import.Tests;

/// <summary>Rows of a PDF table rebuilt from word boxes (<see cref="PdfWordTable.Build"/>), on pages laid out by hand:
/// words 5 points per character, lines 10 points high at a pitch of 12.</summary>
public class PdfRowsTests
{
    private readonly List<PdfWord> words = [];

    /// <summary>A cell's text at (x, y): lines separated by "|", each 12 points below the one before.</summary>
    private PdfRowsTests Cell(string text, double x, double y)
    {
        foreach (var line in text.Split('|'))
        {
            var left = x;
            foreach (var word in line.Split(' '))
            {
                words.Add(new PdfWord(word, left, y, left + 5 * word.Length, y + 10));
                left += 5 * word.Length + 2.5;
            }
            y += 12;
        }
        return this;
    }

    private List<IReadOnlyList<string>> Rows() =>
        PdfWordTable.Build([new PdfPage(600, 800, words)]).Single().Rows.Skip(1).ToList();

    [Fact]
    public void SupportCellOfTwoParagraphs_CentredOnItsRow_StaysInItsRowAsTwoBodies()
    {
        // A centred table: the support cell's second paragraph runs below the activity cell, into the gap
        // before the next row, but the two paragraphs together are centred on the first row.
        Cell("STT", 40, 100).Cell("Nhiệm vụ", 70, 100).Cell("Hoạt động", 170, 100).Cell("Chủ trì", 270, 100)
            .Cell("Phối hợp", 350, 100).Cell("Thời hạn", 440, 100);
        Cell("1", 40, 152).Cell("Báo cáo", 70, 152).Cell("Báo cáo định kỳ|công tác cải|cách hành chính", 170, 140)
            .Cell("Phòng Nội vụ", 270, 152).Cell("Các phòng, ban|chuyên môn", 350, 130).Cell("UBND các xã,|thị trấn", 350, 162)
            .Cell("Quý I", 440, 152);
        Cell("2", 40, 206).Cell("Tự đánh giá", 70, 206).Cell("Tự đánh giá|chỉ số", 170, 200).Cell("Phòng Nội vụ", 270, 206)
            .Cell("Các phòng", 350, 206).Cell("Tháng 6", 440, 206);

        var rows = Rows();

        rows.Should().HaveCount(2);
        rows[0][4].Should().Be("Các phòng, ban chuyên môn\nUBND các xã, thị trấn");
        rows[1][4].Should().Be("Các phòng");
    }

    [Fact]
    public void AreaRowInsideTheColumns_TableWithoutTt_IsASectionRow()
    {
        // "II. Cải cách chế độ công vụ" fits the first two columns: it crosses no boundary.
        Cell("Nhiệm vụ", 40, 100).Cell("Hoạt động", 140, 100).Cell("Sản phẩm", 240, 100).Cell("Chủ trì", 320, 100).Cell("Thời hạn", 420, 100);
        Cell("I. Thủ tục hành chính", 40, 124);
        Cell("1. Niêm yết", 40, 148).Cell("1.1. Niêm yết thủ tục", 140, 148).Cell("Bảng", 240, 148).Cell("Văn phòng", 320, 148).Cell("Quý I", 420, 148);
        Cell("II. Cải cách chế", 40, 172).Cell("độ công vụ", 140, 172);
        Cell("2. Kỷ cương", 40, 196).Cell("2.1. Đối thoại", 140, 196).Cell("Biên bản", 240, 196).Cell("Chủ tịch", 320, 196).Cell("Tháng 6", 420, 196);

        var rows = Rows();

        rows.Select(r => r[0]).Should().Equal("I", "1. Niêm yết", "II", "2. Kỷ cương");
        rows[2][1].Should().Be("Cải cách chế độ công vụ");
    }

    [Fact]
    public void PlanSectionAfterTheTable_EndsTheTable()
    {
        Cell("Nhiệm vụ", 40, 100).Cell("Hoạt động", 140, 100).Cell("Sản phẩm", 240, 100).Cell("Chủ trì", 320, 100).Cell("Thời hạn", 420, 100);
        Cell("1. Niêm yết", 40, 124).Cell("1.1. Niêm yết thủ tục", 140, 124).Cell("Bảng", 240, 124).Cell("Văn phòng", 320, 124).Cell("Quý I", 420, 124);
        Cell("III. TỔ CHỨC", 40, 148).Cell("THỰC HIỆN", 140, 148);
        Cell("CHỦ TỊCH", 320, 172);

        var rows = Rows();

        rows.Should().ContainSingle().Which[0].Should().Be("1. Niêm yết");
    }
}
