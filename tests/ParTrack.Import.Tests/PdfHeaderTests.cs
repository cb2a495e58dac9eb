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
}
