using System.Diagnostics;
using System.Text;
using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>Converts HTML with LibreOffice headless; fails the test (never skips) when soffice is missing.</summary>
internal static class LibreOffice
{
    public const string Docx = "docx:MS Word 2007 XML";

    /// <param name="target">soffice --convert-to value: "pdf", <see cref="Docx"/>, "pdf:writer_pdf_Export:{…}".</param>
    /// <summary>Calc's HTML import, to make a workbook of the page's table (Writer cannot write .xlsx).</summary>
    public const string CalcHtml = "HTML (StarCalc)";

    /// <summary>Writer's HTML import: the files it saves are ordinary Writer documents (an .odt saved from
    /// Writer/Web, the default for .html, is marked "text-web").</summary>
    public const string WriterHtml = "HTML (StarWriter)";

    /// <summary>Whether soffice is installed; the tests of converted formats are skipped without it.</summary>
    public static bool Installed => File.Exists("/usr/bin/soffice");

    /// <param name="extension">Extension of the file soffice writes: "pdf", "docx".</param>
    /// <param name="inFilter">Import filter for the HTML, e.g. <see cref="CalcHtml"/>; null lets Writer open it.</param>
    public static byte[] Convert(string html, string target, string extension, string? inFilter = null) =>
        ConvertFile("plan.html", html, target, extension, inFilter);

    /// <summary>A plain-text file printed to PDF as LibreOffice prints it (fixed-width font, long lines wrapped).</summary>
    public static byte[] PrintText(string text) => ConvertFile("plan.txt", text, "pdf", "pdf", null);

    private static byte[] ConvertFile(string name, string content, string target, string extension, string? inFilter)
    {
        File.Exists("/usr/bin/soffice").Should().BeTrue("soffice (LibreOffice) is needed to make the test file");
        var dir = Directory.CreateTempSubdirectory("partrack-soffice-");
        try
        {
            var input = Path.Combine(dir.FullName, name);
            File.WriteAllText(input, content, new UTF8Encoding(false));
            var start = new ProcessStartInfo("/usr/bin/soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            // A private profile, so parallel LibreOffice runs by others do not collide with this one.
            start.ArgumentList.Add($"-env:UserInstallation=file://{dir.FullName}/profile");
            start.ArgumentList.Add("--headless");
            if (inFilter is not null) start.ArgumentList.Add($"--infilter={inFilter}");
            foreach (var a in (string[])["--convert-to", target, "--outdir", dir.FullName, input])
                start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit(120_000).Should().BeTrue("soffice should convert a small file quickly");
            var output = Path.Combine(dir.FullName, "plan." + extension);
            File.Exists(output).Should().BeTrue("soffice should have written {0}", output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that needs soffice: skipped, saying why, on a machine without LibreOffice (CI installs it).</summary>
public sealed class SofficeFactAttribute : FactAttribute
{
    public SofficeFactAttribute()
    {
        if (!LibreOffice.Installed) Skip = "LibreOffice (/usr/bin/soffice) is not installed: converted formats cannot be made or read here.";
    }
}

/// <summary>A theory that needs soffice; see <see cref="SofficeFactAttribute"/>.</summary>
public sealed class SofficeTheoryAttribute : TheoryAttribute
{
    public SofficeTheoryAttribute()
    {
        if (!LibreOffice.Installed) Skip = "LibreOffice (/usr/bin/soffice) is not installed: converted formats cannot be made or read here.";
    }
}
