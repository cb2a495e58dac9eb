using FluentAssertions;
using ParTrack.Import.Tests.Corpus;

namespace ParTrack.Import.Tests;

/// <summary>A prose plan's leads from "Tổ chức thực hiện", given to each area's tasks and marked as inferred.</summary>
public class ProseLeadsTests
{
    [Fact]
    public void ProsePlan_LeadsFromOrganisationSection_AreInferredPerAreaWithWarnings()
    {
        var (content, name) = CorpusRenditions.Read("09-vanban-khongbang", "txt");

        var result = PlanImporter.Import(content, name);

        result.Plan.Activities.Single(a => a.Text.StartsWith("Rà soát văn bản quy phạm")).Lead.Should().Equal("Sở Tư pháp");
        result.Plan.Activities.Single(a => a.Text.StartsWith("Sắp xếp các đơn vị")).Lead.Should().Equal("Sở Nội vụ");
        result.Plan.Activities.Single(a => a.Text.StartsWith("Mở rộng dịch vụ công")).Lead.Should().Equal("Sở Thông tin và Truyền thông");
        result.Warnings.Count(w => w.Kind == WarningKinds.InferredLead).Should().Be(result.Plan.Activities.Count);
    }

    [Fact]
    public void TablePlan_LeadsAreNeverInferred()
    {
        var (content, name) = CorpusRenditions.Read("01-tinh-nam-10cot", "html");

        PlanImporter.Import(content, name).Warnings.Should().NotContain(w => w.Kind == WarningKinds.InferredLead);
    }
}
