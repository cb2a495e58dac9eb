using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features.Demo;
using ParTrack.Features.Plans;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Cluster;

/// <summary>
/// What an instance keeps on disk between requests lives in the shared evidence folder, not in its own
/// install: a plan uploaded on one instance is waiting for its preview on another instance, installed
/// elsewhere (its own content root), on the same database and evidence folder.
/// </summary>
public sealed class SharedFolderTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task PlanUploadedOnOneInstance_IsPendingOnAnotherInstalledElsewhere()
    {
        var first = fx.App();
        var coordinator = await first.As("coordinator");
        var token = await coordinator.TokenAsync("/Plans/Import");
        var sample = Path.Combine(AppContext.BaseDirectory, DemoData.SamplePlan);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(await File.ReadAllBytesAsync(sample)), "file", "ke-hoach.html" },
        };
        var upload = await coordinator.PostAsync("/Plans/Import", form);
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect, (await upload.ParseAsync()).Messages());
        var planId = int.Parse(upload.Headers.Location!.OriginalString.Split('/').Last());

        var elsewhere = Directory.CreateTempSubdirectory("partrack-instance-b-");
        try
        {
            await using var second = first.WithWebHostBuilder(b => b.UseContentRoot(elsewhere.FullName));
            using var scope = second.Services.CreateScope();

            var session = await scope.ServiceProvider.GetRequiredService<ImportSessions>().FindAsync(planId);

            session.Should().NotBeNull("the upload's session is in the shared folder");
            session!.FileName.Should().Be("ke-hoach.html");
        }
        finally { elsewhere.Delete(recursive: true); }
    }
}
