using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using ParTrack.Features.Dossiers;

namespace ParTrack.Tests.Dossiers;

/// <summary>Reading dossier files: CSV quoting and line numbers, BOM, XLSX's first visible sheet and date cells.</summary>
public class DossierFileTests
{
    static List<DossierLine> Read(byte[] bytes) => [.. DossierFile.Read(new MemoryStream(bytes))];

    [Fact]
    public void Csv_QuotedCellsWithCommasQuotesAndLineBreaks_AreOneCell()
    {
        var rows = CsvRows.Read(new StringReader("a,b\r\n\"x, \"\"y\"\"\nz\",2\n3,4\n")).ToList();
        rows.Should().HaveCount(3);
        rows[1].Cells.Should().Equal("x, \"y\"\nz", "2");
        rows[2].Line.Should().Be(4);   // the quoted line break moved it down one line
    }

    [Fact]
    public void Csv_WithAndWithoutBom_ReadTheSame()
    {
        var csv = new DossierCsv().Row().Row(status: "rut");
        Read(csv.Bytes(bom: true)).Select(l => l.Row).Should().BeEquivalentTo(Read(csv.Bytes()).Select(l => l.Row));
        Read(csv.Bytes(bom: true)).Should().OnlyContain(l => l.Row != null);
    }

    [Fact]
    public void RefusedRows_CarryTheirLineAndReason_AndTheOthersAreTaken()
    {
        var lines = Read(new DossierCsv().Row().Row(received: "31/02/2025").Raw("").Row(channel: "fax").Bytes());
        lines.Should().HaveCount(3);
        lines[0].Row.Should().NotBeNull();
        lines[1].Should().Match<DossierLine>(l => l.Line == 3 && l.Row == null && l.Reason!.Contains("received_at"));
        lines[2].Should().Match<DossierLine>(l => l.Line == 5 && l.Reason!.Contains("channel"));
    }

    [Fact]
    public void HeaderWithoutRequiredColumns_RefusesTheFileByColumnName()
    {
        var act = () => Read(Encoding.UTF8.GetBytes("ma_ho_so,agency\nX,Y\n"));
        act.Should().Throw<DossierFileException>().WithMessage("*dossier_code*procedure_code*");
    }

    [Fact]
    public void UnclosedQuote_IsRefusedWithAMessage_NotReadForever()
    {
        var act = () => Read(Encoding.UTF8.GetBytes(DossierCsv.Header + "\n\"" + new string('x', 20_000)));
        act.Should().Throw<DossierFileException>().WithMessage("Dòng 2*");
    }

    [Fact]
    public void Xlsx_FirstVisibleSheet_WithDateCells_ReadsLikeTheCsv()
    {
        var csv = new DossierCsv().Row(received: "2025-02-03", due: "2025-02-13", resolved: "2025-02-10");
        var fromCsv = Read(csv.Bytes()).Single().Row;
        var fromXlsx = Read(Workbook(csv.ToString())).Single().Row;
        fromXlsx.Should().BeEquivalentTo(fromCsv);
    }

    /// <summary>A workbook whose first sheet is hidden junk and whose second holds the CSV, dates as Excel serials.</summary>
    internal static byte[] Workbook(string csv)
    {
        var rows = CsvRows.Read(new StringReader(csv)).ToList();
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            Sheet(book, "Ẩn", hidden: true, [["rác"]]);
            Sheet(book, "Hồ sơ", hidden: false, rows.Select(r => r.Cells).ToList());
        }
        return ms.ToArray();
    }

    static void Sheet(WorkbookPart book, string name, bool hidden, List<IReadOnlyList<string>> rows)
    {
        var part = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var text = rows[r][c];
                if (text.Length == 0) continue;
                var reference = $"{(char)('A' + c % 26)}{(c >= 26 ? "" : "")}{r + 1}";
                if (r > 0 && DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day))
                    row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                else
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
            }
            data.Append(row);
        }
        part.Worksheet = new Worksheet(data);
        var sheet = new Sheet { Name = name, SheetId = (uint)book.Workbook.Sheets!.Count() + 1, Id = book.GetIdOfPart(part) };
        if (hidden) sheet.State = SheetStateValues.Hidden;
        book.Workbook.Sheets!.Append(sheet);
    }
}
