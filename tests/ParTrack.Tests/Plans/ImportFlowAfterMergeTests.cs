using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>
/// The import journey with a real seed document: upload → preview (warnings, unresolved names) → confirm.
/// Needs the real importer (src/ParTrack.Import); with the stub it fails at the upload step.
/// </summary>
public sealed class ImportFlowAfterMergeTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static string Seed000 => Path.Combine(FindRepo(), "..", "shared", "seeds", "000_a5b74ff242722c67.txt");

    static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParTrack.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ParTrack.slnx not found above the test output.");
    }

    [Fact]
    public async Task UploadSeed000_PreviewShowsAreasAndNames_ConfirmKeepsADraft()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Seed000)), "file", "000_a5b74ff242722c67.txt" },
        };

        var upload = await client.PostAsync("/Plans/Import", form);
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect, (await upload.ParseAsync()).Messages());
        var previewUrl = upload.Headers.Location!.OriginalString;
        var planId = int.Parse(previewUrl.Split('/').Last());

        var preview = await client.GetPageAsync(previewUrl);
        // Hà Tĩnh 2025 (000): seven reform areas in the appendix, area I "Công tác triển khai các nhiệm vụ CCHC".
        var areaRows = preview.QuerySelectorAll(".framework-table .area-row").Select(r => r.TextContent.Trim()).ToList();
        areaRows.Should().HaveCountGreaterThanOrEqualTo(7);
        areaRows[0].Should().StartWith("I.");
        preview.TextContent.Should().Contain("3098/QĐ-UBND");

        var confirm = await client.SubmitFormAsync(previewUrl, formSelector: "form[action*='handler=Confirm']");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirm.Headers.Location!.OriginalString.Should().Be($"/Plans/{planId}");
        var plan = await app.Db(db => db.Plans.Include(p => p.Activities).SingleAsync(p => p.Id == planId));
        plan.Status.Should().Be(Data.PlanStatus.Draft);
        plan.FromYear.Should().Be(2025);
        plan.Activities.Should().HaveCountGreaterThan(50);
    }
}
