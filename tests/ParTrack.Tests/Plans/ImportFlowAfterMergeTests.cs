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
    // Same lookup as the importer tests: PARTRACK_SEEDS, else shared/seeds above the repository, else /work/shared/seeds.
    static string Seed000 => Path.Combine(SeedDir(), "000_a5b74ff242722c67.txt");

    static string SeedDir()
    {
        if (Environment.GetEnvironmentVariable("PARTRACK_SEEDS") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "seeds"))) return Path.Combine(dir.FullName, "shared", "seeds");
        return "/work/shared/seeds";
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
        preview.Body!.TextContent.Should().Contain("3098/QĐ-UBND");

        var confirm = await client.SubmitFormAsync(previewUrl, formSelector: "form[action*='handler=Confirm']");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirm.Headers.Location!.OriginalString.Should().Be($"/Plans/{planId}");
        var plan = await app.Db(db => db.Plans.Include(p => p.Activities).SingleAsync(p => p.Id == planId));
        plan.Status.Should().Be(Data.PlanStatus.Draft);
        plan.FromYear.Should().Be(2025);
        plan.Activities.Should().HaveCountGreaterThan(50);
    }
}
