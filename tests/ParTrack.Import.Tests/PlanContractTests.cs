using System.Text;
using System.Text.Json;
using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>
/// End to end, seed file → plan JSON: the rules of ../shared/contracts/plan-json-v1.md that hold for
/// every plan, checked on the JSON text the command prints.
/// </summary>
public class PlanContractTests
{
    private static readonly Dictionary<string, Lazy<ImportResult>> Results = new[] { "000", "002", "003", "004" }
        .ToDictionary(p => p, p => new Lazy<ImportResult>(() => PlanImporter.Import(TestPaths.Seed(p))));

    public static TheoryData<string> Seeds => new() { "000", "002", "003", "004" };
    public static TheoryData<string> TableSeeds => new() { "000", "002" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryString_IsNfcWithWhitespaceCollapsed(string seed)
    {
        var json = PlanJsonSerializer.Serialize(Results[seed].Value.Plan);
        var bad = new List<string>();
        Walk(JsonDocument.Parse(json).RootElement, "", bad);
        bad.Should().BeEmpty();
    }

    private static void Walk(JsonElement e, string path, List<string> bad)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (!s.IsNormalized(NormalizationForm.FormC)) bad.Add($"{path}: not NFC");
                if (string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) != s) bad.Add($"{path}: whitespace \"{s}\"");
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}.{p.Name}", bad);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var x in e.EnumerateArray()) Walk(x, $"{path}[{i++}]", bad);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SchemaAndDocument_AreSet(string seed)
    {
        var plan = Results[seed].Value.Plan;
        plan.Schema.Should().Be("partrack.plan/v1");
        plan.Document.Title.Should().NotBeNullOrWhiteSpace();
        plan.Document.FromYear.Should().NotBeNull();
        plan.Areas.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryActivityAndTarget_HasAKnownArea(string seed)
    {
        var plan = Results[seed].Value.Plan;
        var codes = plan.Areas.Select(a => a.Code).ToHashSet();
        plan.Activities.Where(a => a.Area == null || !codes.Contains(a.Area)).Should().BeEmpty();
        plan.Tasks.Where(t => t.Area == null || !codes.Contains(t.Area)).Should().BeEmpty();
        plan.Targets.Where(t => t.Area == null || !codes.Contains(t.Area)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(TableSeeds))]
    public void TableActivities_HaveTask_AndEveryBlankLeadOrDueIsWarned(string seed)
    {
        var (plan, warnings) = (Results[seed].Value.Plan, Results[seed].Value.Warnings);
        plan.Activities.Should().OnlyContain(a => a.Task != null);
        var empty = warnings.Where(w => w.Kind == WarningKinds.EmptyCell).ToList();
        // One warning per table row; a row with several activities shares its blank cell.
        plan.Activities.Count(a => a.Lead.Count == 0).Should().BeLessThanOrEqualTo(
            empty.Where(w => w.Message.Contains("chủ trì")).Sum(w => w.Message.Split(',').Length));
        var unread = warnings.Count(w => w.Kind is WarningKinds.UnparsedDue) +
                     empty.Where(w => w.Message.Contains("thời gian")).Sum(w => w.Message.Split(',').Length);
        plan.Activities.Count(a => a.Due.Kind == DueKinds.Unknown).Should().BeLessThanOrEqualTo(unread);
        // Most rows are read: a regression that loses bodies or dues shows here first.
        plan.Activities.Count(a => a.Lead.Count > 0).Should().BeGreaterThan(plan.Activities.Count * 9 / 10);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryWarning_HasAKindALocationAndAVietnameseMessage(string seed)
    {
        foreach (var w in Results[seed].Value.Warnings)
        {
            w.Kind.Should().NotBeNullOrWhiteSpace();
            w.Location.Should().NotBeNullOrWhiteSpace();
            w.Message.Should().MatchRegex("[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịóòỏõọúùủũụ]");
        }
    }

    [Fact]
    public void Seed002_BlankLeadWarning_PointsAtTheRow()
    {
        // 002 PL I 3.5 "Tổ chức thực hiện Kế hoạch tuyên truyền": the lead and support cells are blank.
        Results["002"].Value.Warnings.Should().Contain(w =>
            w.Kind == WarningKinds.EmptyCell && w.Message.Contains("hoạt động 3.5 (lĩnh vực I)") && w.Location.StartsWith("dòng "));
    }
}
