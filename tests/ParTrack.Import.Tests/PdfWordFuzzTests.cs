using System.Diagnostics;
using FluentAssertions;
using ParTrack.Import.Layouts.Table;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>
/// The PDF table rebuild (<see cref="PdfWordTable.Build"/>) on the word boxes of every corpus plan printed to PDF,
/// damaged the way real PDFs are: words moved a little, words lost, lines pushed into each other, pages repeated
/// or lost, everything scaled. It rebuilds a table or finds none, never throws and never hangs. The random seed
/// is fixed so a failure can be replayed.
/// </summary>
public class PdfWordFuzzTests
{
    const int PerPlan = 20;
    static readonly TimeSpan PerDocumentLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task MutatedCorpusWordBoxes_NeverCrashOrHang()
    {
        var rng = new Random(20261207);
        var built = 0;
        var total = 0;
        foreach (var plan in Corpus.CorpusRenditions.Plans())
        {
            var pages = WordBoxes(Corpus.CorpusRenditions.Read(plan, "pdf").Content);
            for (var i = 0; i < PerPlan; i++)
            {
                var (mutation, mutated) = Mutate(pages, rng);
                var run = Task.Run(() => PdfWordTable.Build(mutated).Count);
                var finished = await Task.WhenAny(run, Task.Delay(PerDocumentLimit)) == run;
                finished.Should().BeTrue($"{plan}, iteration {i} ({mutation}) took more than {PerDocumentLimit}");
                if (run.IsFaulted)
                    throw new Xunit.Sdk.XunitException($"{plan}, iteration {i} ({mutation}) threw {run.Exception!.InnerException}");
                if (await run > 0) built++;
                total++;
            }
        }

        // Small damage leaves most tables readable: if none is ever rebuilt the fuzzing tests nothing.
        built.Should().BeGreaterThan(total / 3);
    }

    static List<PdfPage> WordBoxes(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"partrack-fuzz-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])["-bbox-layout", path, "-"]) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            var pages = PdfBoxes.Read(p.StandardOutput);
            p.WaitForExit();
            return pages;
        }
        finally
        {
            File.Delete(path);
        }
    }

    static (string Name, List<PdfPage> Pages) Mutate(List<PdfPage> pages, Random rng)
    {
        double Jitter(double scale) => (rng.NextDouble() - 0.5) * 2 * scale;
        List<PdfPage> Each(Func<PdfPage, IEnumerable<PdfWord>> words) => pages.Select(p => new PdfPage(p.Width, p.Height, words(p).ToList())).ToList();
        switch (rng.Next(6))
        {
            case 0:
                return ("jitter", Each(p => p.Words.Select(w => { var (dx, dy) = (Jitter(3), Jitter(2)); return w with { X0 = w.X0 + dx, X1 = w.X1 + dx, Y0 = w.Y0 + dy, Y1 = w.Y1 + dy }; })));
            case 1:
                return ("drop words", Each(p => p.Words.Where(_ => rng.Next(8) != 0)));
            case 2:
                // A band of the page pushed up into the lines above it: overlapping rows and cells.
                return ("squeeze", Each(p =>
                {
                    var cut = rng.NextDouble() * p.Height;
                    var lift = rng.NextDouble() * 30;
                    return p.Words.Select(w => w.Y0 > cut ? w with { Y0 = w.Y0 - lift, Y1 = w.Y1 - lift } : w);
                }));
            case 3:
                var repeated = pages.ToList();
                repeated.Insert(rng.Next(repeated.Count + 1), pages[rng.Next(pages.Count)]);
                return ("repeat page", repeated);
            case 4:
                return pages.Count < 2 ? ("no change", pages) : ("lose page", pages.Where((_, k) => k != rng.Next(pages.Count)).ToList());
            default:
                var s = 0.5 + rng.NextDouble();
                return ("scale", pages.Select(p => new PdfPage(p.Width * s, p.Height * s,
                    p.Words.Select(w => w with { X0 = w.X0 * s, X1 = w.X1 * s, Y0 = w.Y0 * s, Y1 = w.Y1 * s }).ToList())).ToList());
        }
    }
}
