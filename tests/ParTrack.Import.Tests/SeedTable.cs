using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Layouts.Table;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>Reads a seed's framework table once per test class; expected rows are written by hand.</summary>
internal static class SeedTable
{
    public static string SeedPath(string prefix) => TestPaths.Seed(prefix);

    public static (TableReadResult Result, List<ImportWarning> Warnings) Read(string prefix, int year)
    {
        var lines = File.ReadAllLines(SeedPath(prefix));
        var warnings = new List<ImportWarning>();
        var result = FrameworkTableReader.ReadDetailed(new SourceDocument(SourceFormat.Text, lines, []), year, warnings)
            ?? throw new InvalidOperationException("no framework table");
        return (result, warnings);
    }

    /// <summary>One hand-written activity row: "area | task | code | text start | lead cell | support cell | due".
    /// Code "-" means null.</summary>
    public sealed record Expected(string Area, string Task, string? Code, string TextStart, string Lead, string Support, string Due)
    {
        public static Expected Parse(string line)
        {
            var p = line.Split('|').Select(s => s.Trim()).ToArray();
            return new Expected(p[0], p[1], p[2] == "-" ? null : p[2], p[3], p[4], p[5], p[6]);
        }
    }

    /// <summary>Checks one hand-written activity row: text start, lead and support cells as written, due text.</summary>
    public static void CheckActivity(TableReadResult r, string line)
    {
        var e = Expected.Parse(line);
        var a = Find(r, e);
        a.Activity.Text.Should().StartWith(e.TextStart);
        (a.LeadCell ?? "").Should().Be(e.Lead);
        (a.SupportCell ?? "").Should().Be(e.Support);
        a.Activity.Due.Text.Should().Be(e.Due);
    }

    /// <summary>Finds the activity of an expectation: same area, task and code (codes repeat across areas).</summary>
    public static ReadActivity Find(TableReadResult r, Expected e) =>
        r.Activities.Where(a => a.Activity.Area == e.Area && a.Activity.Task == e.Task && a.Activity.Code == e.Code)
            .Should().ContainSingle($"activity {e.Area} {e.Task} {e.Code} should be read once").Subject;
}
