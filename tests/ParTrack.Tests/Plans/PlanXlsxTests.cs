using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using ParTrack.Features.Plans;

namespace ParTrack.Tests.Plans;

public sealed class PlanXlsxTests
{
    static byte[] Workbook()
    {
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), _ => null, DateTime.UtcNow, 2025);
        // Entities never saved have no ids; give them distinct ones so the layout can tell them apart.
        var n = 1;
        foreach (var a in plan.Areas) a.Id = n++;
        foreach (var t in plan.Tasks) { t.Id = n++; t.AreaId = t.Area?.Id; }
        foreach (var t in plan.Targets) t.AreaId = t.Area?.Id;
        foreach (var a in plan.Activities) { a.Id = n++; a.AreaId = a.Area?.Id; a.TaskId = a.Task?.Id; }
        return PlanXlsx.Write(plan, FrameworkTable.Build(plan));
    }

    [Fact]
    public void Workbook_ReadBackWithOpenXml_HasHeaderAreaRowsAndMerges()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();

        rows[1].Should().Equal("TT", "Mục tiêu/Chỉ tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả, sản phẩm", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Kinh phí", "Đã hủy");
        rows[2][1].Should().Be("Công tác triển khai các nhiệm vụ CCHC");
        // Target 1.1 spans its task 2.1 which has two activities.
        rows[3].Take(4).Should().Equal("1", "1.1. 100% cơ quan, đơn vị ban hành kế hoạch CCHC năm 2025",
            "2.1. Ban hành Kế hoạch CCHC năm 2025 của tỉnh", "3.1. Xây dựng dự thảo Kế hoạch CCHC năm 2025");
        rows[3][5].Should().Be("Sở Nội vụ");
        rows[3][6].Should().Be("Các cơ quan chủ trì CCHC của tỉnh; các cơ quan liên quan khác");
        rows[4][1].Should().BeEmpty();
        var merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        merges.Should().Contain(["B3:J3", "A4:A5", "B4:B5", "C4:C5"]);
        sheet.Descendants<Column>().Should().HaveCount(10);
    }

    [Fact]
    public void Workbook_LibreOfficeConvertsItToCsv()
    {
        var dir = Directory.CreateTempSubdirectory("partrack-xlsx-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "plan.xlsx");
            File.WriteAllBytes(xlsx, Workbook());
            var psi = new ProcessStartInfo("soffice", ["--headless", $"-env:UserInstallation=file://{dir.FullName}/profile",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.FullName, xlsx])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            p.WaitForExit(120_000).Should().BeTrue("LibreOffice should finish converting");

            var csv = File.ReadAllText(Path.Combine(dir.FullName, "plan.csv"));
            csv.Should().Contain("Thời gian hoàn thành");
            csv.Should().Contain("Tuyên truyền thanh toán trực tuyến");
            csv.Should().Contain("Sau khi các cơ quan TW công bố chỉ số PAPI");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
