using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using ParTrack.Features;

namespace ParTrack.Tests.ParIndex;

/// <summary>
/// Every Vietnamese text a page shows through the localizer (T["..."]) has an English entry in
/// SharedResource.en.resx; a missing one shows Vietnamese to English users without any error.
/// </summary>
public sealed partial class EnglishTranslationTests
{
    static string Source()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "ParTrack", "Features"))) return Path.Combine(dir.FullName, "src", "ParTrack");
        throw new DirectoryNotFoundException("src/ParTrack");
    }

    static HashSet<string> EnglishKeys() =>
        XDocument.Load(Path.Combine(Source(), "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();

    // T["literal"], with C# escapes \" and \\ inside the literal.
    [GeneratedRegex("""\bT\[\s*"((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizedLiteral();

    static IEnumerable<(string Page, string Key)> KeysUsedIn(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Source(), "Features", folder), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => LocalizedLiteral().Matches(File.ReadAllText(file))
                .Select(m => (Path.GetRelativePath(Source(), file), m.Groups[1].Value.Replace("\\\"", "\"").Replace("\\\\", "\\"))));

    [Fact]
    public void ParIndexPages_HaveAnEnglishEntry_ForEveryLocalizedText()
    {
        var used = KeysUsedIn("ParIndex").ToList();
        used.Should().Contain(u => u.Key == "Cây tiêu chí", "the pattern finds the texts the pages localize");
        var english = EnglishKeys();
        used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.Page}: {u.Key}").Distinct().Should().BeEmpty();
    }

    [Fact]
    public void EveryPage_HasAnEnglishEntry_ForEveryLocalizedText()
    {
        var english = EnglishKeys();
        KeysUsedIn("").Where(u => !english.Contains(u.Key)).Select(u => $"{u.Page}: {u.Key}").Distinct().Should().BeEmpty();
    }

    /// <summary>Resource names are unique without regard to case: the build keeps one of "Năm" and "năm" and drops the other.</summary>
    [Fact]
    public void NoTwoEnglishEntries_DifferOnlyInCase()
    {
        EnglishKeys().GroupBy(k => k.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).Should().BeEmpty();
    }

    [Fact]
    public void TheUploadLimitMessage_OnTheErrorPage_HasAnEnglishEntry()
    {
        // The error page shows it through the localizer for a post over the limit (413).
        EnglishKeys().Should().Contain([UploadLimits.Message, "Tệp quá lớn"]);
    }
}
