using System.Text;
using FluentAssertions;
using ParTrack.Import.Tests.Corpus;

namespace ParTrack.Import.Tests;

/// <summary>A plan JSON in our own import format (what `partrack import --json` prints) imported again.</summary>
public class PlanJsonFileTests
{
    [Fact]
    public void PlanJsonPrintedByTheImporter_ImportsAsTheSamePlan()
    {
        var (html, name) = CorpusRenditions.Read("01-tinh-nam-10cot", "html");
        var first = PlanImporter.Import(html, name).Plan;
        var json = PlanJsonSerializer.Serialize(first);

        var again = PlanImporter.Import(Encoding.UTF8.GetBytes("\uFEFF" + json), "ke-hoach.json");

        PlanJsonSerializer.Serialize(again.Plan).Should().Be(json);
        again.Status.Should().Be(ImportStatus.Plan);
        again.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void HandEditedJsonWithNulls_IsCompletedNotCrashed()
    {
        const string json = """
            { "schema": "partrack.plan/v1", "document": null, "areas": [{ "code": "I", "title": "Cải cách thể chế" }], "targets": null,
              "tasks": [{ "code": "1", "area": "I", "targets": null, "text": "Rà soát văn bản" }],
              "activities": [{ "code": null, "task": "1", "area": "I", "text": "Rà soát văn bản", "lead": null, "support": [null, "Sở Tư pháp"], "due": null }] }
            """;

        var result = PlanImporter.Import(Encoding.UTF8.GetBytes(json), "plan.json");

        var activity = result.Plan.Activities.Single();
        activity.Lead.Should().BeEmpty();
        activity.Support.Should().Equal("Sở Tư pháp");
        activity.Due.Kind.Should().Be(DueKinds.Unknown);
        result.Plan.Targets.Should().BeEmpty();
        result.Plan.Document.Should().NotBeNull();
    }

    [Fact]
    public void JsonWithoutActivities_IsReadAsNoPlanBody()
    {
        const string json = """{ "schema": "partrack.plan/v1", "document": { "title": "Kế hoạch CCHC năm 2024", "fromYear": 2024, "toYear": 2024 } }""";

        var result = PlanImporter.Import(Encoding.UTF8.GetBytes(json), "plan.json");

        result.Status.Should().Be(ImportStatus.NoPlanBody);
        result.Plan.Document.Title.Should().Be("Kế hoạch CCHC năm 2024");
    }

    [Theory]
    [InlineData("""{ "name": "danh sách", "items": [1, 2] }""", "partrack.plan/v1")]
    [InlineData("""{ "schema": "partrack.plan/v2" }""", "partrack.plan/v1")]
    [InlineData("{ \"schema\": \"partrack.plan/v1\",\n \"areas\": [ }", "dòng 2")]
    public void JsonThatIsNotOurPlan_IsRefusedSayingWhy(string json, string said)
    {
        var act = () => PlanImporter.Import(Encoding.UTF8.GetBytes(json), "plan.json");

        act.Should().Throw<ImportException>().Which.Message.Should().Contain(said).And.StartWith("Tệp JSON");
    }
}
