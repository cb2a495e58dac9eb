using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>
/// PDFs laid out the way provinces' Word documents are (docs/import.md, "PDF tables"): centred header
/// cells, cells packed with no padding, vertically centred merged cells, portrait and landscape, a
/// table over several pages with the header repeated or not, rows cut by a page break, text after the
/// table, and a PDF printed from a DOCX. Each PDF is made by LibreOffice from a variant of the HTML
/// excerpt of seed 000 (Fixtures/formats/plan.html) and must give the same areas, targets, tasks and
/// activities as that HTML.
/// </summary>
public partial class PdfTableTests
{
    private static readonly string Plan = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", "plan.html"));

    /// <summary>LibreOffice's defaults: portrait A4, header in &lt;th&gt; (bold, centred), no cell padding; LibreOffice
    /// centres the single cells vertically and leaves merged ones at the top.</summary>
    private static string Portrait()
    {
        var html = StyleElement().Replace(Plan, "")
            .Replace("<table cellpadding=\"6\" cellspacing=\"0\">", "<table border=\"1\">")
            .Replace(" valign=\"top\"", "");
        var headerEnd = html.IndexOf("</tr>", html.IndexOf("<table", StringComparison.Ordinal), StringComparison.Ordinal);
        return HeaderCell().Replace(html[..headerEnd], "<th>$1</th>") + html[headerEnd..];
    }

    private static string WithStyle(string html, string css) => html.Replace("<head>", $"<head><style>{css}</style>");

    /// <summary>Landscape, merged cells centred vertically.</summary>
    private static string LandscapeCentred() =>
        WithStyle(Portrait().Replace("<table border=\"1\">", "<table border=\"1\" cellspacing=\"0\">")
            .Replace("rowspan=", "style=\"vertical-align:middle\" rowspan="), "@page { size: 29.7cm 21cm; }");

    /// <summary>Every cell centred, small padding, 10 pt, the appendix on a new page.</summary>
    private static string PortraitAllCentred() =>
        WithStyle(Portrait().Replace("<p>PHỤ LỤC</p>", "<p style=\"page-break-before: always\">PHỤ LỤC</p>"),
            "td, th { vertical-align: middle; text-align: left; padding: 2pt 4pt; font-size: 10pt; } th { text-align: center; }");

    /// <summary>Two header rows: "Cơ quan thực hiện" over "Chủ trì" and "Phối hợp", the other labels spanning both rows.</summary>
    private static string TwoHeaderRows()
    {
        var html = LandscapeCentred();
        var start = html.IndexOf("<tr><th>", StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal) + "</tr>".Length;
        const string header = "<tr><th rowspan=\"2\">TT</th><th rowspan=\"2\">Mục tiêu/Chỉ tiêu</th><th rowspan=\"2\">Nhiệm vụ</th>"
            + "<th rowspan=\"2\">Hoạt động</th><th rowspan=\"2\">Kết quả, sản phẩm</th><th colspan=\"2\">Cơ quan thực hiện</th>"
            + "<th rowspan=\"2\">Thời gian hoàn thành</th><th rowspan=\"2\">Kinh phí</th></tr><tr><th>Chủ trì</th><th>Phối hợp</th></tr>";
        return html[..start] + header + html[end..];
    }

    /// <summary>A second appendix after the table: its title, then its own table with its own header (area III).</summary>
    private static string TwoAppendices()
    {
        var html = Portrait();
        var start = html.IndexOf("<table", StringComparison.Ordinal);
        var open = html.IndexOf('>', start) + 1;
        var end = html.IndexOf("</table>", StringComparison.Ordinal) + "</table>".Length;
        var rows = TableRow().Matches(html[open..end]).Select(m => m.Value).ToList();
        var second = "<p>PHỤ LỤC II</p><p>NHIỆM VỤ CẢI CÁCH THỦ TỤC HÀNH CHÍNH NĂM 2025</p><table border=\"1\">" + rows[0]
            + "<tr><td>III</td><td colspan=\"8\">CẢI CÁCH THỦ TỤC HÀNH CHÍNH</td></tr>" + string.Concat(rows.Skip(2).Take(7))
            + "</table><p>Nơi nhận:</p><p>- Như trên;</p>";
        return html[..end] + second + html[end..];
    }

    /// <summary>A second appendix with another province's column set (Fixtures/formats/other-province.html:
    /// STT, 7 columns, no activity column), on the same page or a new one.</summary>
    private static string OtherColumnsAppendix(bool newPage)
    {
        var html = Portrait();
        var other = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", "other-province.html"));
        var table = other[other.IndexOf("<table>", StringComparison.Ordinal)..(other.IndexOf("</table>", StringComparison.Ordinal) + "</table>".Length)]
            .Replace("<table>", "<table border=\"1\">")
            .Replace("<td>I</td><td colspan=\"6\">", "<td>III</td><td colspan=\"6\">")
            .Replace("<td>II</td><td colspan=\"6\">", "<td>V</td><td colspan=\"6\">");
        var end = html.IndexOf("</table>", StringComparison.Ordinal) + "</table>".Length;
        var title = newPage ? "<p style=\"page-break-before: always\">PHỤ LỤC II</p>" : "<p>PHỤ LỤC II</p>";
        return html[..end] + title + "<p>CHỈ TIÊU VÀ NHIỆM VỤ KHÁC</p>" + table + html[end..];
    }

    /// <summary>Area II's title in the target cell only (not spread over the row), long enough to wrap, its
    /// "II" centred beside it.</summary>
    private static string WrappedSectionTitle() =>
        LandscapeCentred().Replace("<tr><td>II</td><td colspan=\"8\">CẢI CÁCH THỂ CHẾ</td></tr>",
            "<tr><td>II</td><td>CẢI CÁCH THỂ CHẾ VÀ NÂNG CAO CHẤT LƯỢNG VĂN BẢN QUY PHẠM PHÁP LUẬT</td>"
            + string.Concat(Enumerable.Repeat("<td></td>", 7)) + "</tr>");

    private static readonly string[] ExtraAreas =
        ["III|CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "IV|CẢI CÁCH TỔ CHỨC BỘ MÁY", "V|CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "VI|CẢI CÁCH TÀI CHÍNH CÔNG", "VII|XÂY DỰNG CHÍNH PHỦ ĐIỆN TỬ"];

    /// <summary>The table grown over several pages: area I's rows repeated as areas III–VII, the header
    /// row in &lt;thead&gt; (repeated on pages) or not, and the signature block after the table; with
    /// <paramref name="copies"/> the whole table body is repeated (about 50 pages for 6).</summary>
    private static string Long(string html, bool repeatHeader, int copies = 1)
    {
        var start = html.IndexOf("<table", StringComparison.Ordinal);
        var open = html.IndexOf('>', start) + 1;
        var end = html.IndexOf("</table>", StringComparison.Ordinal);
        var rows = TableRow().Matches(html[open..end]).Select(m => m.Value).ToList();
        var areaI = rows.Skip(1).Take(8).ToList();
        var body = new StringBuilder();
        foreach (var row in rows.Skip(1)) body.Append(row).Append('\n');
        foreach (var area in ExtraAreas)
        {
            var (code, title) = (area.Split('|')[0], area.Split('|')[1]);
            body.Append($"<tr><td>{code}</td><td colspan=\"8\">{title}</td></tr>\n");
            foreach (var row in areaI.Skip(1)) body.Append(row).Append('\n');
        }
        var allRows = string.Concat(Enumerable.Repeat(body.ToString(), copies));
        var table = repeatHeader ? $"<thead>{rows[0]}</thead><tbody>{allRows}</tbody>" : rows[0] + allRows;
        return html[..open] + table + "</table><p>Nơi nhận:</p><p>- Như trên;</p><p>- Lưu: VT, NC.</p><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p>"
            + html[(end + "</table>".Length)..];
    }

    /// <summary>Long, landscape, every cell centred, 11 pt: rows and merged cells are cut by page breaks.</summary>
    private static string LongLandscapeCentred() =>
        WithStyle(Long(Portrait(), repeatHeader: true),
            "@page { size: 29.7cm 21cm; margin: 2cm 1.5cm; } td { vertical-align: middle; font-size: 11pt; } th { font-size: 11pt; }");

    private static readonly string[] VariantNames =
    [
        "portrait", "landscape-centred", "portrait-all-centred", "long-repeated-header", "long-no-repeated-header",
        "long-landscape-centred", "docx-landscape-centred", "docx-long-landscape-centred", "two-header-rows",
        "two-appendices", "very-long", "appendix-other-columns", "appendix-other-columns-new-page", "wrapped-section-title",
    ];

    public static TheoryData<string> Variants => new(VariantNames);

    private static string Html(string variant) => variant switch
    {
        "portrait" => Portrait(),
        "landscape-centred" or "docx-landscape-centred" => LandscapeCentred(),
        "portrait-all-centred" => PortraitAllCentred(),
        "long-repeated-header" => Long(Portrait(), repeatHeader: true),
        "long-no-repeated-header" => Long(Portrait(), repeatHeader: false),
        "long-landscape-centred" or "docx-long-landscape-centred" => LongLandscapeCentred(),
        "two-header-rows" => TwoHeaderRows(),
        "two-appendices" => TwoAppendices(),
        "very-long" => Long(Portrait(), repeatHeader: true, copies: 6),
        "appendix-other-columns" => OtherColumnsAppendix(newPage: false),
        "appendix-other-columns-new-page" => OtherColumnsAppendix(newPage: true),
        "wrapped-section-title" => WrappedSectionTitle(),
        _ => throw new ArgumentException(variant),
    };

    private static readonly Dictionary<string, Lazy<(PlanJson Html, PlanJson Pdf)>> Plans =
        VariantNames.ToDictionary(v => v, v => new Lazy<(PlanJson, PlanJson)>(() => Read(v)));

    private static (PlanJson Html, PlanJson Pdf) Read(string variant)
    {
        var html = Html(variant);
        var pdf = variant.StartsWith("docx-", StringComparison.Ordinal)
            ? ConvertFile(LibreOffice.Convert(html, LibreOffice.Docx, "docx"), "docx", "pdf")
            : LibreOffice.Convert(html, "pdf", "pdf");
        return (PlanImporter.Import(Encoding.UTF8.GetBytes(html), "plan.html").Plan, PlanImporter.Import(pdf, "plan.pdf").Plan);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Pdf_GivesTheHtmlsAreasTargetsAndTasks(string variant)
    {
        var (html, pdf) = Plans[variant].Value;
        pdf.Areas.Should().Equal(html.Areas, variant);
        pdf.Targets.Should().BeEquivalentTo(html.Targets, o => o.WithStrictOrdering(), variant);
        pdf.Tasks.Should().BeEquivalentTo(html.Tasks, o => o.WithStrictOrdering(), variant);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Pdf_GivesTheHtmlsActivities_FieldByField(string variant)
    {
        var (html, pdf) = Plans[variant].Value;
        SameActivities.Check(html.Activities, pdf.Activities, variant);
    }

    /// <summary>The long table's reference (its HTML) checked by hand, so the comparison above is against
    /// the right plan: seven areas, area I's nine activities repeated in III–VII, blanks kept blank.</summary>
    [Fact]
    public void LongTable_Html_IsReadAsWritten()
    {
        var plan = PlanImporter.Import(Encoding.UTF8.GetBytes(Html("long-repeated-header")), "plan.html").Plan;
        plan.Areas.Select(a => a.Code).Should().Equal("I", "II", "III", "IV", "V", "VI", "VII");
        plan.Activities.Should().HaveCount(9 + 3 + 5 * 9);
        var vii = plan.Activities.Where(a => a.Area == "VII").ToList();
        vii.Select(a => a.Code).Should().Equal("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9");
        vii[5].Lead.Should().Equal("Sở Thông tin và Truyền thông");
        vii[5].Support.Should().BeEmpty();
        vii[5].Task.Should().Be("2.4");
        vii[8].Outputs.Should().Be("Công văn Báo cáo");
        plan.Targets.Where(t => t.Area == "VII").Select(t => t.Code).Should().Equal("1.1", "1.2");
    }

    /// <summary>Two header rows name the same columns as one, in HTML and DOCX (the PDF is compared above):
    /// the lead and support cells stay apart, as in the one-row plan.</summary>
    [Fact]
    public void TwoHeaderRows_HtmlAndDocx_ReadLikeOneHeaderRow()
    {
        var expected = PlanImporter.Import(Encoding.UTF8.GetBytes(Plan), "plan.html").Plan.Activities;
        var html = PlanImporter.Import(Encoding.UTF8.GetBytes(TwoHeaderRows()), "plan.html").Plan.Activities;
        var docx = PlanImporter.Import(LibreOffice.Convert(TwoHeaderRows(), LibreOffice.Docx, "docx"), "plan.docx").Plan.Activities;
        foreach (var actual in (List<PlanActivity>[])[[.. html], [.. docx]])
        {
            actual.Select(a => (a.Code, string.Join(";", a.Lead), string.Join(";", a.Support), a.Due.Text))
                .Should().Equal(expected.Select(a => (a.Code, string.Join(";", a.Lead), string.Join(";", a.Support), a.Due.Text)));
        }
        html[0].Lead.Should().Equal("Sở Nội vụ");
        html[0].Support.Should().Equal("Các cơ quan chủ trì CCHC của tỉnh", "các cơ quan liên quan khác");
    }

    [Fact]
    public void TwoAppendices_Html_HasBothTables()
    {
        var plan = PlanImporter.Import(Encoding.UTF8.GetBytes(TwoAppendices()), "plan.html").Plan;
        plan.Areas.Select(a => a.Code).Should().Equal("I", "II", "III");
        plan.Activities.Where(a => a.Area == "III").Select(a => a.Code).Should().Equal("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9");
    }

    [Fact]
    public void OtherColumnsAppendix_Html_ReadsBothColumnSets()
    {
        var plan = PlanImporter.Import(Encoding.UTF8.GetBytes(OtherColumnsAppendix(newPage: false)), "plan.html").Plan;
        plan.Areas.Select(a => a.Code).Should().Equal("I", "II", "III", "V");
        var iii = plan.Activities.Where(a => a.Area == "III").ToList();
        iii.Select(a => (a.Task, a.Code)).Should().Equal(("2.1", null), ("2.2", null), ("2.3", null));
        iii[0].Support.Should().Equal("Sở, ban, ngành cấp tỉnh", "UBND cấp huyện");
        iii[0].Budget.Should().BeNull();
    }

    [Fact]
    public void WrappedSectionTitle_Html_IsAreaII()
    {
        var html = WrappedSectionTitle();
        html.Should().Contain("VĂN BẢN QUY PHẠM PHÁP LUẬT</td><td></td>");
        var plan = PlanImporter.Import(Encoding.UTF8.GetBytes(html), "plan.html").Plan;
        plan.Areas.Select(a => (a.Code, a.Title)).Should().Equal(("I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC"),
            ("II", "CẢI CÁCH THỂ CHẾ VÀ NÂNG CAO CHẤT LƯỢNG VĂN BẢN QUY PHẠM PHÁP LUẬT"));
        plan.Activities.Where(a => a.Area == "II").Should().HaveCount(3);
    }

    /// <summary>Several variants really do what they are meant to test: the long ones span pages, and only
    /// one repeats its header.</summary>
    [Fact]
    public void LongVariants_SpanPages_AndRepeatTheHeaderOnlyWhenAsked()
    {
        static int HeaderCount(string text) => Regex.Matches(text, "Hoạt").Count;
        var repeated = PdfText(LibreOffice.Convert(Html("long-repeated-header"), "pdf", "pdf"));
        var notRepeated = PdfText(LibreOffice.Convert(Html("long-no-repeated-header"), "pdf", "pdf"));
        repeated.Count(c => c == '\f').Should().BeGreaterThan(2);
        HeaderCount(repeated).Should().BeGreaterThan(2);
        HeaderCount(notRepeated).Should().Be(1);
    }

    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"partrack-test-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(path, pdf);
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var a in (string[])["-layout", "-enc", "UTF-8", path, "-"]) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Converts a file (here DOCX) with LibreOffice headless, like <see cref="LibreOffice.Convert"/> does for HTML.</summary>
    private static byte[] ConvertFile(byte[] content, string extension, string target)
    {
        var dir = Directory.CreateTempSubdirectory("partrack-soffice-");
        try
        {
            var input = Path.Combine(dir.FullName, "plan." + extension);
            File.WriteAllBytes(input, content);
            var start = new ProcessStartInfo("/usr/bin/soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])[$"-env:UserInstallation=file://{dir.FullName}/profile", "--headless",
                         "--convert-to", target, "--outdir", Path.Combine(dir.FullName, "out"), input])
                start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit(120_000).Should().BeTrue("soffice should convert a small file quickly");
            var output = Path.Combine(dir.FullName, "out", "plan." + target);
            File.Exists(output).Should().BeTrue("soffice should have written {0}", output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("<td><b>(.*?)</b></td>")]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();
}
