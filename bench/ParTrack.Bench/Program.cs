using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ParTrack.Import;

// Importer speed. Run: dotnet run -c Release --project bench/ParTrack.Bench -- --filter '*ImportBenchmarks*'
// Figures and the machine they came from are kept in docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);

// Few iterations: the machine has 2 shared cores and the figures only need to show "well under 100 ms".
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ImportBenchmarks
{
    byte[] seed000 = [];
    byte[] seed002 = [];
    byte[] pdf000 = [];

    [GlobalSetup]
    public void Setup()
    {
        var seeds = SeedFiles.Folder();
        seed000 = File.ReadAllBytes(Path.Combine(seeds, "000_a5b74ff242722c67.txt"));
        seed002 = File.ReadAllBytes(Path.Combine(seeds, "002_f2d8ac044f07eacb.txt"));
        pdf000 = SeedFiles.MakePdf(seed000);
    }

    [Benchmark(Description = "seed 000 (web table text)")]
    public int Seed000Text() => PlanImporter.Import(seed000, "000.txt").Plan.Activities.Count;

    [Benchmark(Description = "seed 002 (PDF text)")]
    public int Seed002Text() => PlanImporter.Import(seed002, "002.txt").Plan.Activities.Count;

    [Benchmark(Description = "seed 000 as PDF, pdftotext included")]
    public int Seed000Pdf() => PlanImporter.Import(pdf000, "000.pdf").Plan.Activities.Count;
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

    /// <summary>Prints the text to PDF with LibreOffice so the PDF path is measured on a real PDF.</summary>
    public static byte[] MakePdf(byte[] text)
    {
        var dir = Directory.CreateTempSubdirectory("partrack-bench-");
        try
        {
            var src = Path.Combine(dir.FullName, "plan.txt");
            File.WriteAllBytes(src, text);
            // A private LibreOffice profile, so runs beside other soffice users do not collide.
            var start = new System.Diagnostics.ProcessStartInfo("soffice",
                [$"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir.FullName, src])
                { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(start)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit(120_000);
            return File.ReadAllBytes(Path.Combine(dir.FullName, "plan.pdf"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
