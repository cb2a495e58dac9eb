using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ParTrack.Import.Layouts.Table;

namespace ParTrack.Import.Reading;

/// <summary>
/// PDF through Debian's pdftotext (poppler-utils) with -layout. Page breaks (form feeds) are turned
/// into <see cref="SourceDocument.PageStarts"/> so warnings can say "trang N". A PDF without a text
/// layer (a scan) is refused: it needs OCR first. Word boxes (`pdftotext -bbox-layout`, read as a stream
/// by <see cref="PdfBoxes"/>, in parallel with -layout) serve two cases: a plain-text file printed in a
/// fixed-width font is read as that text (<see cref="PrintedText"/>); otherwise the framework table is
/// rebuilt from them (<see cref="PdfWordTable"/>) into a real table, and when that finds no table header
/// the text layouts read the -layout lines as before.
/// </summary>
internal static class PdfReader
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
            // Both runs at once: each costs about as much as the other, and they share nothing.
            var boxes = Task.Run(() => ReadBoxes(path, tool));
            var text = Extract(path, tool, "-layout", output => output.ReadToEnd());
            var pages = boxes.Result;
            if (pages is not null && PrintedText.Text(pages) is { } printed) return ToDocument(printed);
            var doc = ToDocument(text);
            var tables = pages is null ? [] : ReadTables(pages);
            return tables.Count == 0 ? doc : doc with { Tables = tables };
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The word boxes; null when they cannot be read (the -layout text alone is read then).</summary>
    private static List<PdfPage>? ReadBoxes(string path, string tool)
    {
        try
        {
            return Extract(path, tool, "-bbox-layout", PdfBoxes.Read);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken, protected or too slow file is reported by the -layout run with its own message.
            return null;
        }
    }

    /// <summary>The tables from word boxes; none when no header is found or the boxes are unusable.</summary>
    private static List<SourceTable> ReadTables(List<PdfPage> pages)
    {
        try
        {
            return PdfWordTable.Build(pages);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The text layouts still read the -layout lines; a table rebuilt wrongly is worse than none.
            return [];
        }
    }

    /// <summary>Runs pdftotext and reads its output as it comes (the XHTML of word boxes is never held as one
    /// string); the tool is stopped after <see cref="Timeout"/>.</summary>
    private static T Extract<T>(string path, string tool, string mode, Func<TextReader, T> read)
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
            var stderr = process.StandardError.ReadToEndAsync();
            var timedOut = false;
            using (new Timer(_ =>
            {
                timedOut = true;
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }, null, Timeout, System.Threading.Timeout.InfiniteTimeSpan))
            {
                T result = default!;
                Exception? failed = null;
                try
                {
                    result = read(process.StandardOutput);
                    // Whatever the reader left (after the closing tag) must not keep the tool waiting on a full pipe.
                    process.StandardOutput.ReadToEnd();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Output cut short by a failing tool: its exit code says why, below.
                    failed = e;
                    process.StandardOutput.ReadToEnd();
                }
                process.WaitForExit();
                if (timedOut)
                    throw new ImportException($"Đọc tệp PDF quá {Timeout.TotalSeconds:0} giây nên đã dừng; tệp có thể quá phức tạp hoặc bị hỏng, hãy xuất lại PDF hoặc dùng tệp .docx.");
                var error = stderr.Result;
                if (process.ExitCode != 0)
                {
                    if (error.Contains("password", StringComparison.OrdinalIgnoreCase) || error.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
                        throw new ImportException("Tệp PDF được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.");
                    throw new ImportException("Tệp PDF bị hỏng hoặc không đọc được; hãy xuất lại tệp PDF rồi tải lên lại.");
                }
                if (failed is not null) throw failed;
                return result;
            }
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
