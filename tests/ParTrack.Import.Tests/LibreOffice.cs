using System.Diagnostics;
using System.Text;
using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>Converts HTML with LibreOffice headless; fails the test (never skips) when soffice is missing.</summary>
internal static class LibreOffice
{
    public const string Docx = "docx:MS Word 2007 XML";

    /// <param name="target">soffice --convert-to value: "pdf", <see cref="Docx"/>, "pdf:writer_pdf_Export:{…}".</param>
    /// <param name="extension">Extension of the file soffice writes: "pdf", "docx".</param>
    public static byte[] Convert(string html, string target, string extension)
    {
        File.Exists("/usr/bin/soffice").Should().BeTrue("soffice (LibreOffice) is needed to make the test file");
        var dir = Directory.CreateTempSubdirectory("partrack-soffice-");
        try
        {
            var input = Path.Combine(dir.FullName, "plan.html");
            File.WriteAllText(input, html, new UTF8Encoding(false));
            var start = new ProcessStartInfo("/usr/bin/soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            // A private profile, so parallel LibreOffice runs by others do not collide with this one.
            foreach (var a in (string[])[$"-env:UserInstallation=file://{dir.FullName}/profile", "--headless",
                         "--convert-to", target, "--outdir", dir.FullName, input])
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
