using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>Finding 9 (uploads): evidence uploads at the same moment all succeed, leave no orphan file and do not make the draft stale.</summary>
public sealed class ConcurrentUploadTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task EvidenceUploads_AtTheSameMoment_AllSucceed_AndLeaveNoOrphanFiles(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var client = await app.As("snv");
        var url = ReportTestData.ReportUrl(period, snv);
        await ReportingCycleTests.PostFormToAsync(client, url, "#report-form", url, []);
        var report = await app.ReportAsync(period, snv);
        var entry = report.Entries.First(e => e.Leads);
        var same = ReportTestData.Pdf("cung-mot-tep");

        var responses = await Task.WhenAll(
            client.UploadAsync(url, entry.Id, "a.pdf", ReportTestData.Pdf("a")),
            client.UploadAsync(url, entry.Id, "b.pdf", ReportTestData.Pdf("b")),
            client.UploadAsync(url, entry.Id, "c1.pdf", same),
            client.UploadAsync(url, entry.Id, "c2.pdf", same));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Redirect);
        var stored = await app.ReportAsync(period, snv);
        stored.Entries.Single(e => e.Id == entry.Id).Evidence.Select(e => e.FileName).Should().BeEquivalentTo(["a.pdf", "b.pdf", "c1.pdf", "c2.pdf"]);
        stored.Version.Should().Be(report.Version, "evidence does not make the officer's open draft stale");

        // Each uploaded content is kept once, and known to the database (the store folder is shared by the test apps).
        var folder = app.Services.GetRequiredService<FileStore>().Folder;
        var hashes = stored.Entries.Single(e => e.Id == entry.Id).Evidence.Select(e => e.FileId).Distinct().Count();
        hashes.Should().Be(3, "the same content is one stored file");
        var fileIds = stored.Entries.SelectMany(e => e.Evidence).Select(v => v.FileId).ToList();
        var rows = await app.Db(db => db.Set<StoredFile>().Where(f => fileIds.Contains(f.Id)).Select(f => f.Sha256).ToListAsync());
        rows.Should().HaveCount(3).And.OnlyContain(h => File.Exists(Path.Combine(folder, h)));
    }
}
