using FluentAssertions;
using System.Text;

namespace ParTrack.Import.Tests;

/// <summary>
/// Mutates the seeds thousands of times (truncate, shuffle lines, drop pipes, insert garbage) and
/// checks the importer either reads a plan or refuses with an <see cref="ImportException"/>, never
/// anything else, and never hangs. The random seed is fixed so a failure can be replayed.
/// </summary>
public class FuzzTests
{
    const int Iterations = 2500;
    // Generous: the aim is to catch hangs and runaway backtracking, not to measure speed (see bench/).
    static readonly TimeSpan PerDocumentLimit = TimeSpan.FromSeconds(5);

    static readonly string[] Seeds = Directory.GetFiles(TestPaths.SeedFolder, "*.txt").Order().ToArray();

    [Fact]
    public async Task MutatedSeeds_NeverCrashOrHang()
    {
        var rng = new Random(20261121);
        var texts = Seeds.Select(File.ReadAllText).ToArray();
        var outcomes = new Dictionary<string, int> { ["read"] = 0, ["refused"] = 0 };

        for (var i = 0; i < Iterations; i++)
        {
            var source = texts[i % texts.Length];
            var (mutation, text) = Mutate(source, rng);
            var bytes = Encoding.UTF8.GetBytes(text);

            var run = Task.Run(() =>
            {
                try { PlanImporter.Import(bytes, "fuzz.txt"); return "read"; }
                catch (ImportException e)
                {
                    e.Message.Should().NotBeNullOrWhiteSpace();
                    return "refused";
                }
            });
            var finished = await Task.WhenAny(run, Task.Delay(PerDocumentLimit)) == run;
            finished.Should().BeTrue($"iteration {i} ({mutation} of {Path.GetFileName(Seeds[i % texts.Length])}) took more than {PerDocumentLimit}");
            if (run.IsFaulted)
                throw new Xunit.Sdk.XunitException($"iteration {i} ({mutation}) threw {run.Exception!.InnerException}");
            outcomes[await run]++;
        }

        // Most mutations leave enough of a plan to read; if nothing is ever read the importer is broken.
        outcomes["read"].Should().BeGreaterThan(Iterations / 4);
    }

    /// <summary>
    /// The corpus's layouts (browser-copied tab text with dropped merged cells, HTML tables, prose, news,
    /// a header only), mutated the same way plus tab-specific damage (dropped or doubled tabs, cells
    /// broken over lines): read, or refused with a reason, within the time bound; never anything else.
    /// </summary>
    [Fact]
    public async Task MutatedCorpusLayouts_NeverCrashOrHang()
    {
        var rng = new Random(20261206);
        var sources = Corpus.CorpusRenditions.Plans()
            .SelectMany(p => new[] { "plan.txt", "plan.html" }.Select(f => (Name: $"{p}/{f}", Text: File.ReadAllText(Path.Combine(Corpus.CorpusRenditions.Folder, p, f)))))
            .ToArray();
        for (var i = 0; i < 1200; i++)
        {
            var (name, source) = sources[i % sources.Length];
            var (mutation, text) = rng.Next(3) == 0 ? MutateTabs(source, rng) : Mutate(source, rng);
            var bytes = Encoding.UTF8.GetBytes(text);
            var file = name.EndsWith(".html") ? "fuzz.html" : "fuzz.txt";
            var run = Task.Run(() =>
            {
                try { return PlanImporter.Import(bytes, file).Status.ToString(); }
                catch (ImportException e) { e.Message.Should().NotBeNullOrWhiteSpace(); return "refused"; }
            });
            var finished = await Task.WhenAny(run, Task.Delay(PerDocumentLimit)) == run;
            finished.Should().BeTrue($"iteration {i} ({mutation} of {name}) took more than {PerDocumentLimit}");
            if (run.IsFaulted)
                throw new Xunit.Sdk.XunitException($"iteration {i} ({mutation} of {name}) threw {run.Exception!.InnerException}");
        }
    }

    static (string Name, string Text) MutateTabs(string text, Random rng) => rng.Next(3) switch
    {
        0 => ("drop tabs", new string(text.Where(c => c != '\t' || rng.Next(4) != 0).ToArray())),
        1 => ("double tabs", string.Concat(text.Select(c => c == '\t' && rng.Next(5) == 0 ? "\t\t" : c.ToString()))),
        _ => ("break cells", string.Concat(text.Select(c => c == ' ' && rng.Next(15) == 0 ? "\n" : c.ToString()))),
    };

    static (string Name, string Text) Mutate(string text, Random rng)
    {
        var lines = text.Split('\n').ToList();
        switch (rng.Next(6))
        {
            case 0:
                return ("truncate", text[..rng.Next(text.Length)]);
            case 1:
                for (var k = 0; k < Math.Max(1, lines.Count / 20); k++)
                {
                    int a = rng.Next(lines.Count), b = rng.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }
                return ("shuffle lines", string.Join('\n', lines));
            case 2:
                return ("drop pipes", new string(text.Where(c => c != '|' || rng.Next(3) != 0).ToArray()));
            case 3:
                for (var k = 0; k < 20; k++)
                    lines.Insert(rng.Next(lines.Count + 1), Garbage(rng));
                return ("insert garbage", string.Join('\n', lines));
            case 4:
                var start = rng.Next(lines.Count);
                lines.RemoveRange(start, Math.Min(lines.Count - start, rng.Next(1, 200)));
                return ("delete block", string.Join('\n', lines));
            default:
                // Repeat a block: duplicated rows and headers are a known trap (DOMAIN.md §6.6).
                var from = rng.Next(lines.Count);
                var block = lines.Skip(from).Take(rng.Next(1, 100)).ToList();
                lines.InsertRange(rng.Next(lines.Count + 1), block);
                return ("repeat block", string.Join('\n', lines));
        }
    }

    static string Garbage(Random rng)
    {
        const string alphabet = "|||  ..,,;;--//0123456789IVXQuýTháng Sở UBND %3.1.2.Năm\t\u00A0ạđươ€\u200B";
        var len = rng.Next(1, 200);
        var sb = new StringBuilder(len);
        for (var i = 0; i < len; i++) sb.Append(alphabet[rng.Next(alphabet.Length)]);
        return sb.ToString();
    }
}
