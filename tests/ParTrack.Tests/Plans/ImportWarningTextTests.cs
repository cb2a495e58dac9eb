using System.Xml.Linq;
using FluentAssertions;
using ParTrack.Features.Plans;
using ParTrack.Import;

namespace ParTrack.Tests.Plans;

/// <summary>
/// The importer's warnings in English: every sentence the importer writes for the seed plans and the demo's plan has
/// its format (so a new importer message fails here), and in English only the document's own words stay Vietnamese.
/// </summary>
public sealed class ImportWarningTextTests
{
    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParTrack.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("ParTrack.slnx above " + AppContext.BaseDirectory);
    }

    static string SeedDir() =>
        Environment.GetEnvironmentVariable("PARTRACK_SEEDS") is { Length: > 0 } env ? env : Path.Combine(RepoRoot(), "..", "shared", "seeds");

    /// <summary>The real English resource file, read as the app reads it (name → value).</summary>
    static readonly Lazy<Dictionary<string, string>> English = new(() =>
        XDocument.Load(Path.Combine(RepoRoot(), "src", "ParTrack", "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!));

    static string ToEnglish(string name) => English.Value.GetValueOrDefault(name, name);

    static bool HasVietnamese(string s) => s.Any(ch => ch is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or (>= '\u1EA0' and <= '\u1EF9'));

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(SeedDir())) foreach (var f in Directory.GetFiles(SeedDir()).Order()) data.Add(f);
        foreach (var f in Directory.GetFiles(Path.Combine(RepoRoot(), "samples"), "*.html", SearchOption.AllDirectories)) data.Add(f);
        return data;
    }

    [Theory, MemberData(nameof(Documents))]
    public void ImporterWarnings_OfARealPlan_EachHaveAFormatAndReadInEnglish(string path)
    {
        var warnings = PlanImporter.Import(path).Warnings;

        warnings.Where(w => !ImportWarningText.IsKnown(w)).Select(w => $"{w.Location}: {w.Message}").Should()
            .BeEmpty("every importer sentence needs its format in ImportWarningText and its English in SharedResource.en.resx");
        foreach (var w in warnings)
        {
            var parts = ImportWarningText.Location(w.Location, ToEnglish).Concat(ImportWarningText.Message(w.Message, ToEnglish));
            parts.Where(p => !p.FromDocument && HasVietnamese(p.Text)).Select(p => p.Text).Should().BeEmpty("{0}: {1}", w.Location, w.Message);
        }
    }

    [Fact]
    public void Formats_EachHaveTheirEnglish()
    {
        ImportWarningText.Messages.SelectMany(f => ImportWarningText.Message(f, ToEnglish))
            .Concat(ImportWarningText.Places.SelectMany(f => ImportWarningText.Location(f, ToEnglish)))
            .Where(p => HasVietnamese(p.Text)).Select(p => p.Text)
            .Should().BeEmpty("each format is a resource name with its English");
    }

    [Fact]
    public void Message_WithACellText_TranslatesOurWordsAndKeepsTheCellMarked()
    {
        var parts = ImportWarningText.Message("Không hiểu thời gian hoàn thành \"Quý III hằng năm\"; hãy nhập lại hạn cho hoạt động này.", ToEnglish);

        string.Concat(parts.Select(p => p.Text)).Should().Be("The completion time \"Quý III hằng năm\" was not understood; enter the deadline of this activity again.");
        parts.Should().ContainSingle(p => p.FromDocument).Which.Text.Should().Be("Quý III hằng năm");
    }

    [Fact]
    public void Location_SeveralPlacesWithColumnWords_AreAllEnglish()
    {
        var text = string.Concat(ImportWarningText.Location("thân kế hoạch mục (không số); bảng 2 hàng 14", ToEnglish).Select(p => p.Text));

        text.Should().Be("plan body item (no number); table 2 row 14");
        string.Concat(ImportWarningText.Message("Ô bị ngắt trang: phần chữ ở trang sau đã được ghép vào cột nhiệm vụ, hoạt động; hãy đối chiếu với bản gốc.", ToEnglish)
            .Select(p => p.Text)).Should().NotMatchRegex("[ăđơư]").And.Contain("task, activity");
    }

    [Fact]
    public void Message_NoFormatKnows_IsShownAsItCame_SoTheEnglishPageTestFindsIt()
    {
        var parts = ImportWarningText.Message("Một câu mới của bộ nhập.", ToEnglish);

        parts.Should().ContainSingle().Which.Should().Be(new WarningPart("Một câu mới của bộ nhập.", FromDocument: false));
        ImportWarningText.IsKnown(new ImportWarning("x", "dòng 1", "Một câu mới của bộ nhập.")).Should().BeFalse();
    }

    [Fact]
    public void Vietnamese_IsTheImportersSentenceUnchanged()
    {
        const string message = "Ô chủ trì của hoạt động 1.2 (lĩnh vực Cải cách thể chế) để trống trong bảng; hãy nhập cơ quan chủ trì.";
        string.Concat(ImportWarningText.Message(message, s => s).Select(p => p.Text)).Should().Be(message);
        string.Concat(ImportWarningText.Location("tiêu đề; hoạt động 1.2", s => s).Select(p => p.Text)).Should().Be("tiêu đề; hoạt động 1.2");
    }
}
