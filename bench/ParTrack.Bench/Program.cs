using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ParTrack.Import;

// Importer speed. Run: dotnet run -c Release --project bench/ParTrack.Bench -- --filter '*ImportBenchmarks*'
// Figures and the machine they came from are kept in docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);

// Few iterations: the machine has 2 shared cores and the figures only need to show "well under 100 ms".
// The PDF cases are measured beside `pdftotext` alone on the same file (both runs the importer makes,
// one after the other): the target is an import within 1.5x of that. Setup checks what each PDF import
// read (throws when it is wrong), so a fast wrong answer cannot pass for a fast import.
[MemoryDiagnoser]
[Config(typeof(InProcessShortJob))]
public class ImportBenchmarks
{
    byte[] seed000 = [];
    byte[] seed002 = [];
    byte[] pdf000 = [];
    byte[] pdf000x4 = [];
    byte[] tablePdf = [];
    string pdf000Path = "", pdf000x4Path = "", tablePdfPath = "";

    // Made once per process: every benchmark case runs its own setup, and printing takes LibreOffice a minute here.
    static readonly Lazy<(byte[], byte[], byte[])> Pdfs = new(() =>
    {
        var seed = File.ReadAllBytes(Path.Combine(SeedFiles.Folder(), "000_a5b74ff242722c67.txt"));
        return (SeedFiles.MakePdf(seed, "plan.txt"), SeedFiles.MakePdf([.. seed, .. seed, .. seed, .. seed], "plan.txt"),
            SeedFiles.MakePdf(SeedFiles.LongTable(8), "plan.html"));
    });

    [GlobalSetup]
    public void Setup()
    {
        var seeds = SeedFiles.Folder();
        seed000 = File.ReadAllBytes(Path.Combine(seeds, "000_a5b74ff242722c67.txt"));
        seed002 = File.ReadAllBytes(Path.Combine(seeds, "002_f2d8ac044f07eacb.txt"));
        // Seed 000's text printed (28 pages), the same text four times (108 pages), and a real table printed
        // from Word: corpus plan 08's table repeated to 96 tasks and 288 activities (31 pages).
        (pdf000, pdf000x4, tablePdf) = Pdfs.Value;
        pdf000Path = SeedFiles.Keep(pdf000);
        pdf000x4Path = SeedFiles.Keep(pdf000x4);
        tablePdfPath = SeedFiles.Keep(tablePdf);

        var text = PlanImporter.Import(seed000, "000.txt").Plan;
        SeedFiles.Check(PlanJsonSerializer.Serialize(PlanImporter.Import(pdf000, "000.pdf").Plan) == PlanJsonSerializer.Serialize(text),
            "seed 000 printed to PDF must give the text's JSON");
        SeedFiles.Check(text.Activities.Count == 95, "seed 000 has 95 activities");
        SeedFiles.Check(PlanImporter.Import(pdf000x4, "000x4.pdf").Plan.Activities.Count >= 95, "seed 000 x4 printed must read the table");
        var table = PlanImporter.Import(tablePdf, "table.pdf").Plan;
        SeedFiles.Check(table.Activities.Count == 288, $"the long table has 288 activities (read {table.Activities.Count})");
        SeedFiles.Check(table.Activities.All(a => a.Lead.Count == 1 && a.Due.Text is { Length: > 0 }), "every activity of the long table has its lead and due");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var path in (string[])[pdf000Path, pdf000x4Path, tablePdfPath]) File.Delete(path);
    }

    [Benchmark(Description = "seed 000 (web table text)")]
    public int Seed000Text() => PlanImporter.Import(seed000, "000.txt").Plan.Activities.Count;

    [Benchmark(Description = "seed 002 (PDF text)")]
    public int Seed002Text() => PlanImporter.Import(seed002, "002.txt").Plan.Activities.Count;

    [Benchmark(Description = "seed 000 printed to PDF, 28 pages: import")]
    public int Seed000Pdf() => PlanImporter.Import(pdf000, "000.pdf").Plan.Activities.Count;

    [Benchmark(Description = "seed 000 printed to PDF, 28 pages: pdftotext alone")]
    public long Seed000PdfReference() => SeedFiles.PdfToText(pdf000Path);

    [Benchmark(Description = "seed 000 x4 printed to PDF, 108 pages: import")]
    public int Seed000x4Pdf() => PlanImporter.Import(pdf000x4, "000x4.pdf").Plan.Activities.Count;

    [Benchmark(Description = "seed 000 x4 printed to PDF, 108 pages: pdftotext alone")]
    public long Seed000x4PdfReference() => SeedFiles.PdfToText(pdf000x4Path);

    [Benchmark(Description = "table of 288 activities from Word, 31 pages: import")]
    public int TablePdf() => PlanImporter.Import(tablePdf, "table.pdf").Plan.Activities.Count;

    [Benchmark(Description = "table of 288 activities from Word, 31 pages: pdftotext alone")]
    public long TablePdfReference() => SeedFiles.PdfToText(tablePdfPath);
}

/// <summary>1 launch, 3 warm-up and 8 measured iterations, run inside the benchmark process: building the
/// separate benchmark project took over BenchmarkDotNet's 2-minute limit on the shared machine.</summary>
public class InProcessShortJob : ManualConfig
{
    public InProcessShortJob() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance));
}

static class SeedFiles
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared/seeds not found above the benchmark's folder");
    }

    /// <summary>Prints a file to PDF with LibreOffice so the PDF path is measured on a real PDF: a text file as
    /// a text editor prints it; an HTML page opened in Writer, saved as DOCX and that printed, as a clerk does.</summary>
    public static byte[] MakePdf(byte[] content, string name)
    {
        var dir = Directory.CreateTempSubdirectory("partrack-bench-");
        try
        {
            var src = Path.Combine(dir.FullName, name);
            File.WriteAllBytes(src, content);
            if (name.EndsWith(".html"))
            {
                Soffice(dir.FullName, "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir.FullName, src);
                src = Path.Combine(dir.FullName, "plan.docx");
            }
            Soffice(dir.FullName, "--convert-to", "pdf", "--outdir", dir.FullName, src);
            return File.ReadAllBytes(Path.Combine(dir.FullName, "plan.pdf"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    static void Soffice(string dir, params string[] args)
    {
        // A private LibreOffice profile, so runs beside other soffice users do not collide.
        var start = new System.Diagnostics.ProcessStartInfo("soffice", [$"-env:UserInstallation=file://{dir}/profile", "--headless", .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(start)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit(300_000);
    }

    /// <summary>Corpus plan 08 (tests/ParTrack.Import.Tests/Corpus) with its twelve tasks repeated
    /// <paramref name="times"/> times, renumbered: a long real framework table.</summary>
    public static byte[] LongTable(int times)
    {
        var html = File.ReadAllText(CorpusPlan("08-tinh-dai-nhieutrang"));
        var first = html.IndexOf("<tr><td rowspan=\"3\"><p>1</p>", StringComparison.Ordinal);
        var end = html.IndexOf("</table>", first, StringComparison.Ordinal);
        var groups = System.Text.RegularExpressions.Regex.Split(html[first..end], "(?=<tr><td rowspan=\"3\"><p>\\d+</p>)").Where(g => g.Length > 0).ToList();
        var rows = new System.Text.StringBuilder();
        var n = 0;
        for (var t = 0; t < times; t++)
            foreach (var g in groups)
            {
                var i = System.Text.RegularExpressions.Regex.Match(g, "<p>(\\d+)</p>").Groups[1].Value;
                n++;
                var renumbered = g.Replace($"<p>{i}</p>", $"<p>{n}</p>");
                rows.Append(System.Text.RegularExpressions.Regex.Replace(renumbered, $"<p>{i}\\.(\\d)\\. ", m => $"<p>{n}.{m.Groups[1].Value}. "));
            }
        return System.Text.Encoding.UTF8.GetBytes(html[..first] + rows + html[end..]);
    }

    static string CorpusPlan(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ParTrack.Import.Tests", "Corpus", id, "plan.html");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"corpus plan {id} not found above the benchmark's folder");
    }

    public static string Keep(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"partrack-bench-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>The reference: the two pdftotext runs the importer makes (-layout, -bbox-layout), one after the
    /// other, their output read to the end. Returns the characters read.</summary>
    public static long PdfToText(string path)
    {
        long total = 0;
        foreach (var mode in (string[])["-layout", "-bbox-layout"])
        {
            var start = new System.Diagnostics.ProcessStartInfo("pdftotext", [mode, "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(start)!;
            total += p.StandardOutput.ReadToEnd().Length;
            p.WaitForExit();
        }
        return total;
    }

    public static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException("The benchmark read the wrong thing: " + what);
    }
}
