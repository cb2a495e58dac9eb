using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ParTrack.Import.Layouts.Table;

namespace ParTrack.Import.Reading;

/// <summary>
/// PDF through Debian's pdftotext (poppler-utils) with -layout. Page breaks (form feeds) are turned
/// into <see cref="SourceDocument.PageStarts"/> so warnings can say "trang N". A PDF without a text
/// layer (a scan) is refused: it needs OCR first. The framework table is also rebuilt from word boxes
/// (`pdftotext -bbox-layout`, <see cref="PdfWordTable"/>) into a real table; when that finds no table
/// header the text layouts read the -layout lines as before.
/// </summary>
internal static partial class PdfReader
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public const string Tool = "pdftotext";

    public static SourceDocument Read(byte[] content, List<ImportWarning> warnings) => Read(content, warnings, Tool);

    /// <param name="tool">The pdftotext executable; tests pass a missing one to check the message.</param>
    internal static SourceDocument Read(byte[] content, List<ImportWarning> warnings, string tool)
    {
        var path = Path.Combine(Path.GetTempPath(), $"partrack-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(path, content);
            var text = Extract(path, tool, "-layout");
            var doc = ToDocument(text);
            var tables = ReadTables(path, tool);
            return tables.Count == 0 ? doc : doc with { Tables = tables };
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The tables from word boxes; none when no header is found or the box output is unusable.</summary>
    private static List<SourceTable> ReadTables(string path, string tool)
    {
        try
        {
            return PdfWordTable.Build(ParseBoxes(Extract(path, tool, "-bbox-layout")));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The text layouts still read the -layout lines; a table rebuilt wrongly is worse than none.
            return [];
        }
    }

    /// <summary>Pages and words of `pdftotext -bbox-layout` XHTML (one &lt;page&gt; with &lt;word xMin… &gt; elements each).</summary>
    internal static List<PdfPage> ParseBoxes(string xhtml)
    {
        var pages = new List<PdfPage>();
        foreach (Match page in PageElement().Matches(xhtml))
        {
            var words = new List<PdfWord>();
            foreach (Match w in WordElement().Matches(page.Groups[3].Value))
            {
                var text = WebUtility.HtmlDecode(w.Groups[5].Value).Normalize(NormalizationForm.FormC).Trim();
                if (text.Length == 0) continue;
                words.Add(new PdfWord(text, Number(w.Groups[1].Value), Number(w.Groups[2].Value), Number(w.Groups[3].Value), Number(w.Groups[4].Value)));
            }
            pages.Add(new PdfPage(Number(page.Groups[1].Value), Number(page.Groups[2].Value), words));
        }
        return pages;
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<page width=""([\d.]+)"" height=""([\d.]+)"">(.*?)</page>", RegexOptions.Singleline)]
    private static partial Regex PageElement();

    [GeneratedRegex(@"<word xMin=""([\d.-]+)"" yMin=""([\d.-]+)"" xMax=""([\d.-]+)"" yMax=""([\d.-]+)"">([^<]*)</word>")]
    private static partial Regex WordElement();

    private static string Extract(string path, string tool, string mode)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in (string[])[mode, "-enc", "UTF-8", path, "-"]) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ImportException(MissingTool);
        }
        catch (Win32Exception)
        {
            throw new ImportException(MissingTool);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new ImportException($"Đọc tệp PDF quá {Timeout.TotalSeconds:0} giây nên đã dừng; tệp có thể quá phức tạp hoặc bị hỏng, hãy xuất lại PDF hoặc dùng tệp .docx.");
            }
            process.WaitForExit();
            var error = stderr.Result;
            if (process.ExitCode != 0)
            {
                if (error.Contains("password", StringComparison.OrdinalIgnoreCase) || error.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
                    throw new ImportException("Tệp PDF được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.");
                throw new ImportException("Tệp PDF bị hỏng hoặc không đọc được; hãy xuất lại tệp PDF rồi tải lên lại.");
            }
            return stdout.Result;
        }
    }

    private const string MissingTool = "Máy chủ chưa cài công cụ pdftotext (gói poppler-utils) nên không đọc được PDF; hãy báo quản trị hệ thống hoặc tải lên tệp .docx.";

    internal static SourceDocument ToDocument(string text)
    {
        var raw = DocumentReader.SplitLines(text);
        var lines = new List<string>(raw.Count);
        var pageStarts = new List<int>();
        var pages = 1;
        foreach (var line in raw)
        {
            var l = line;
            // pdftotext starts each new page's first line with a form feed.
            while (l.StartsWith('\f'))
            {
                l = l[1..];
                pageStarts.Add(lines.Count);
                pages++;
            }
            lines.Add(l.Replace('\f', ' ').TrimEnd());
        }
        // The form feed after the last page starts no page.
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        pageStarts.RemoveAll(p => p >= lines.Count);
        pages = pageStarts.Count + 1;

        var letters = lines.Sum(l => l.Count(char.IsLetter));
        if (letters < Math.Max(20, 10 * pages))
            throw new ImportException("PDF không có lớp chữ (bản quét); cần nhận dạng ký tự (OCR) trước khi nhập.");
        return new SourceDocument(SourceFormat.Pdf, lines, []) { PageStarts = pageStarts };
    }
}
