using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using FluentAssertions;

namespace ParTrack.Import.Tests.Corpus;

/// <summary>
/// Our own plan corpus (Corpus/NN-*/: plan.html, plan.txt, expected.json, written by make_corpus.py) and
/// its four renditions: the HTML page, the text a browser copy gives, and DOCX and PDF made from the
/// page by LibreOffice (HTML → DOCX, then the DOCX printed to PDF, as a clerk would). The converted files
/// are cached in the temp folder by the page's hash, so only the first run pays for LibreOffice.
/// </summary>
public static class CorpusRenditions
{
    public static readonly string[] Kinds = ["html", "txt", "docx", "pdf"];

    public static string Folder { get; } = FindFolder();

    public static IEnumerable<string> Plans() =>
        Directory.GetDirectories(Folder).Select(Path.GetFileName).Where(n => File.Exists(Path.Combine(Folder, n!, "expected.json"))).Order()!;

    public static PlanJson Expected(string plan) =>
        PlanJsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Folder, plan, "expected.json")))!;

    public static (byte[] Content, string FileName) Read(string plan, string kind)
    {
        var dir = Path.Combine(Folder, plan);
        return kind switch
        {
            "html" => (File.ReadAllBytes(Path.Combine(dir, "plan.html")), "plan.html"),
            "txt" => (File.ReadAllBytes(Path.Combine(dir, "plan.txt")), "plan.txt"),
            "docx" => (Converted(Path.Combine(dir, "plan.html"), "docx"), "plan.docx"),
            "pdf" => (Converted(Path.Combine(dir, "plan.html"), "pdf"), "plan.pdf"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    static readonly object Gate = new();

    static byte[] Converted(string htmlPath, string kind)
    {
        var html = File.ReadAllBytes(htmlPath);
        var hash = Convert.ToHexString(SHA256.HashData(html))[..16];
        var cache = Path.Combine(Path.GetTempPath(), "partrack-corpus");
        Directory.CreateDirectory(cache);
        var target = Path.Combine(cache, $"{hash}.{kind}");
        lock (Gate)
        {
            if (File.Exists(target)) return File.ReadAllBytes(target);
            var docx = Path.Combine(cache, $"{hash}.docx");
            if (!File.Exists(docx))
            {
                var input = Path.Combine(cache, $"{hash}.html");
                File.WriteAllBytes(input, html);
                Soffice(input, "docx:MS Word 2007 XML", cache, LibreOffice.WriterHtml);
            }
            if (kind == "pdf") Soffice(docx, "pdf", cache, null);
            File.Exists(target).Should().BeTrue($"LibreOffice should have written {target}");
            return File.ReadAllBytes(target);
        }
    }

    static void Soffice(string input, string convertTo, string outDir, string? inFilter)
    {
        File.Exists("/usr/bin/soffice").Should().BeTrue("LibreOffice makes the DOCX and PDF renditions of the corpus");
        var profile = Directory.CreateTempSubdirectory("partrack-soffice-");
        try
        {
            var start = new ProcessStartInfo("/usr/bin/soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add($"-env:UserInstallation=file://{profile.FullName}");
            start.ArgumentList.Add("--headless");
            if (inFilter is not null) start.ArgumentList.Add($"--infilter={inFilter}");
            foreach (var a in (string[])["--convert-to", convertTo, "--outdir", outDir, input]) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit(180_000).Should().BeTrue("LibreOffice should convert a small plan in time");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ParTrack.Import.Tests", "Corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/ParTrack.Import.Tests/Corpus not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Imports one rendition and scores it; an import that refuses the document scores what it returned (nothing).</summary>
    public static CorpusScore Score(string plan, string kind)
    {
        var (content, name) = Read(plan, kind);
        try
        {
            var result = PlanImporter.Import(content, name);
            return CorpusScorer.Score(plan, kind, Expected(plan), result.Plan);
        }
        catch (ImportException ex)
        {
            return CorpusScorer.Score(plan, kind, Expected(plan), null, ex.Message);
        }
    }
}
