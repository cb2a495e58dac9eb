using System.ComponentModel;
using System.Diagnostics;

namespace ParTrack.Import.Reading;

/// <summary>
/// Old and open office formats (.doc, .rtf, .odt, Word 2003 XML → .docx; .xls, .ods, Excel 2003 XML → .xlsx)
/// through LibreOffice headless,
/// so they are then read like the files Word and Excel save today. Each run has its own temporary profile
/// (parallel runs would otherwise fight over one) and <see cref="Timeout"/>; on timeout the whole process
/// tree is killed. At most <see cref="MaxParallel"/> conversions run at once: each takes a CPU for a few seconds.
/// </summary>
public static class OfficeConverter
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public const string Tool = "soffice";
    private const int MaxParallel = 2;

    private static readonly SemaphoreSlim Gate = new(MaxParallel);

    /// <summary>A source format LibreOffice can convert: the extension to give the input file, what to
    /// call it in messages, and the target ("docx" or "xlsx").</summary>
    public sealed record Source(string Extension, string Name, string Target)
    {
        public static readonly Source Doc = new("doc", "Word 97–2003 (.doc)", "docx");
        public static readonly Source Rtf = new("rtf", "RTF (.rtf)", "docx");
        public static readonly Source Odt = new("odt", "OpenDocument (.odt)", "docx");
        public static readonly Source Xls = new("xls", "Excel 97–2003 (.xls)", "xlsx");
        public static readonly Source Ods = new("ods", "OpenDocument bảng tính (.ods)", "xlsx");
        public static readonly Source WordXml = new("xml", "Word 2003 XML", "docx");
        public static readonly Source ExcelXml = new("xml", "Excel 2003 XML", "xlsx");
        /// <summary>A generated report to print (the other way round: ParTrack's DOCX to PDF).</summary>
        public static readonly Source DocxToPdf = new("docx", "Word (.docx)", "pdf");

        public bool ToWord => Target == "docx";

        /// <summary>What the user should do instead, in every refusal.</summary>
        public string Advice => Target switch
        {
            "docx" => "hãy mở tệp bằng Word, lưu thành .docx (hoặc xuất PDF) rồi tải lên lại.",
            "pdf" => "hãy tải bản DOCX và in hoặc lưu thành PDF bằng Word.",
            _ => "hãy mở tệp bằng Excel, lưu thành .xlsx rồi tải lên lại.",
        };
    }

    /// <param name="tool">The soffice executable; tests pass a missing one to check the message.</param>
    public static byte[] Convert(byte[] content, Source source, string tool) => Convert(content, source, tool, Timeout);

    /// <param name="timeout">Tests pass a short one with a tool that hangs.</param>
    internal static byte[] Convert(byte[] content, Source source, string tool, TimeSpan timeout)
    {
        if (!Gate.Wait(2 * timeout))
            throw new ImportException($"Máy chủ đang bận chuyển đổi các tệp khác nên chưa đọc được tệp {source.Name}; hãy thử lại sau ít phút, hoặc {source.Advice}");
        DirectoryInfo? dir = null;
        try
        {
            dir = Directory.CreateTempSubdirectory("partrack-convert-");
            var input = Path.Combine(dir.FullName, "input." + source.Extension);
            File.WriteAllBytes(input, content);
            Run(tool, dir.FullName, input, source, timeout);
            var output = Path.Combine(dir.FullName, "out", "input." + source.Target);
            if (!File.Exists(output))
                throw new ImportException($"Không chuyển đổi được tệp {source.Name}: tệp có thể bị hỏng hoặc có mật khẩu; {source.Advice}");
            if (new FileInfo(output).Length > DocumentReader.MaxBytes)
                throw new ImportException($"Tệp {source.Name} sau khi chuyển đổi quá lớn; {source.Advice}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            Gate.Release();
            try { dir?.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void Run(string tool, string dir, string input, Source source, TimeSpan timeout)
    {
        var filter = source.Target switch
        {
            "docx" => "docx:MS Word 2007 XML",
            "pdf" => "pdf:writer_pdf_Export",
            _ => "xlsx:Calc MS Excel 2007 XML",
        };
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[$"-env:UserInstallation={new Uri(Path.Combine(dir, "profile")).AbsoluteUri}",
                     "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                     "--convert-to", filter, "--outdir", Path.Combine(dir, "out"), input])
            start.ArgumentList.Add(arg);
        // LibreOffice writes its user settings under HOME as well; keep it inside the private folder.
        start.Environment["HOME"] = dir;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ImportException(Missing(source));
        }
        catch (Win32Exception)
        {
            throw new ImportException(Missing(source));
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit();
                throw new ImportException($"Chuyển đổi tệp {source.Name} quá {timeout.TotalSeconds:0} giây nên đã dừng; tệp có thể quá lớn hoặc bị hỏng, {source.Advice}");
            }
            process.WaitForExit();
            _ = stdout.Result;
            _ = stderr.Result;
        }
    }

    /// <summary>A generated DOCX printed to PDF; an ImportException with a Vietnamese message when LibreOffice is missing or fails.</summary>
    public static byte[] ToPdf(byte[] docx, string tool = Tool) => Convert(docx, Source.DocxToPdf, tool);

    private static string Missing(Source source) =>
        $"Máy chủ chưa cài LibreOffice (soffice) nên không đọc được tệp {source.Name}; {source.Advice}";
}
