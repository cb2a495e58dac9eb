using FluentAssertions;
using ParTrack.Import.Layouts.Table;

namespace ParTrack.Import.Tests;

/// <summary>Header cells of a PDF table found from word boxes (<see cref="PdfWordTable.FindHeader"/>).</summary>
public class PdfHeaderTests
{
    /// <summary>One header line: each (label, x) a cell whose words are 5 points apart per character, one space between words.</summary>
    private static List<List<PdfWord>> HeaderLine(params (string Label, double X)[] cells)
    {
        var words = new List<PdfWord>();
        foreach (var (label, x0) in cells)
        {
            var x = x0;
            foreach (var word in label.Split(' '))
            {
                words.Add(new PdfWord(word, x, 100, x + 5 * word.Length, 110));
                x += 5 * word.Length + 2.5;   // a space narrower than the gap that separates phrases
            }
        }
        return PdfWordTable.LinesOf(words);
    }

    [Fact]
    public void TwoLabelsPackedCloseInNarrowColumns_AreTwoCells()
    {
        // "Sản phẩm" and "Đơn vị chủ trì" only a space apart, as Word prints narrow columns.
        var lines = HeaderLine(("STT", 40), ("Nhiệm vụ", 70), ("Hoạt động", 130), ("Sản phẩm Đơn vị chủ trì", 190), ("Thời hạn", 330));

        var header = PdfWordTable.FindHeader(lines);

        header!.Cells.Select(c => (c.Label, c.Col)).Should().Equal(
            ("STT", Col.Tt), ("Nhiệm vụ", Col.Task), ("Hoạt động", Col.Activity), ("Sản phẩm", Col.Output), ("Đơn vị chủ trì", Col.Lead), ("Thời hạn", Col.Due));
    }

    [Fact]
    public void OneLabelNamingOneColumnTwice_StaysOneCell()
    {
        var lines = HeaderLine(("STT", 40), ("Nhiệm vụ", 70), ("Hoạt động", 130), ("Kết quả, Sản phẩm", 190), ("Chủ trì", 290), ("Thời hạn", 330));

        var header = PdfWordTable.FindHeader(lines);

        header!.Cells.Select(c => c.Label).Should().Contain("Kết quả, Sản phẩm");
    }

    [Fact]
    public void SectionTitleRightAboveTheHeader_IsNotPartOfIt()
    {
        // "II. NHIỆM VỤ" a line above the header at line pitch, over the first two columns.
        var title = new List<PdfWord> { new("II.", 40, 88, 50, 98), new("NHIỆM", 52.5, 88, 77.5, 98), new("VỤ", 80, 88, 90, 98) };
        var lines = PdfWordTable.LinesOf([.. title, .. HeaderLine(("STT", 40), ("Nội dung nhiệm vụ", 70), ("Chủ trì", 190), ("Phối hợp", 260), ("Thời hạn", 330)).SelectMany(l => l)]);

        var header = PdfWordTable.FindHeader(lines);

        header!.Cells.Select(c => c.Col).Should().Equal(Col.Tt, Col.Task, Col.Lead, Col.Support, Col.Due);
    }
}
