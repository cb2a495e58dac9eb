using System.Net;
using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>Evidence picked from files already submitted in progress reports (linked by hash and report id).</summary>
public sealed class ReportEvidenceTests(AppFixture fx) : IClassFixture<AppFixture>
{
    sealed class FakeReports(ReportFile file) : IReportEvidenceSource
    {
        public Task<IReadOnlyList<ReportFile>> FilesAsync(int agencyId, int year, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<ReportFile>>([file]);
    }

    [Fact]
    public async Task FileFromAReport_PickedAsEvidence_IsLinkedByHashAndReportId()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2037);
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var bytes = ParIndexTestData.Pdf("báo cáo quý III");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var store = app.Services.GetRequiredService<FileStore>();
        await File.WriteAllBytesAsync(Path.Combine(store.Folder, sha), bytes);
        var file = new ReportFile(42, "Báo cáo CCHC quý III", "bao-cao-quy-3.pdf", "application/pdf", sha, bytes.Length);

        await using var withReports = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IReportEvidenceSource>(_ => new FakeReports(file))));
        var snv = withReports.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await snv.LoginAsync("snv", Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var url = $"/ParIndex/Assessments/{id}";
        var prefix = await snv.RowPrefixAsync(url, "1.2.1");

        var response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1,5", [$"{prefix}.ReportFile"] = file.Key });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        var evidence = await app.Db(db => db.Set<ParEvidence>().SingleAsync(e => e.AssessmentId == id && e.Code == "1.2.1"));
        evidence.Sha256.Should().Be(sha);
        evidence.ReportId.Should().Be(42);
        evidence.FileName.Should().Be("bao-cao-quy-3.pdf");

        // A key the source did not list counts as no evidence (required here, so refused without explanation).
        var other = await snv.RowPrefixAsync(url, "1.3.1");
        response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{other}.Points"] = "1", [$"{other}.ReportFile"] = "7:" + new string('b', 64) });
        (await snv.GetPageAsync(url)).Messages().Should().Contain("Tiêu chí 1.3.1 yêu cầu tài liệu kiểm chứng");
    }
}

/// <summary>The real source: files the agency sent in its progress reports of the year.</summary>
public sealed class ReportEvidenceFilesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SentReportsFiles_AreOffered_DraftsOtherAgenciesAndOtherYearsAreNot()
    {
        var app = fx.App();
        var sent = await Reporting.ReportTestData.SubmittedReportAsync(app, "Sở Nội vụ");
        var snv = sent.AgencyId;
        var stp = await app.AgencyIdAsync("Sở Tư pháp");

        // A draft of Sở Tư pháp with a file: not sent, so not offered (to anyone).
        var (_, period) = await Reporting.ReportTestData.OpenQ1Async(app);
        var officer = await app.As("stp");
        var url = Reporting.ReportTestData.ReportUrl(period, stp);
        await officer.GetPageAsync(url);
        var stpReport = await Reporting.ReportTestData.ReportAsync(app, period, stp);
        (await Reporting.ReportTestData.UploadAsync(officer, url, stpReport.Entries.First().Id, "nhap.pdf", ParIndexTestData.Pdf("bản nháp")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var scope = app.Services.CreateScope();
        var source = scope.ServiceProvider.GetRequiredService<IReportEvidenceSource>();
        source.Should().BeOfType<Features.Reporting.ReportEvidenceFiles>("the reporting feature answers for the PAR Index");

        var files = await source.FilesAsync(snv, 2025);
        files.Should().Contain(f => f.ReportId == sent.Id && f.FileName == "bien-ban.pdf" && f.ContentType == "application/pdf" && f.Sha256.Length == 64);
        files.Single(f => f.ReportId == sent.Id).ReportTitle.Should().StartWith("Báo cáo ");
        (await source.FilesAsync(stp, 2025)).Should().NotContain(f => f.FileName == "nhap.pdf");
        (await source.FilesAsync(snv, 2024)).Should().BeEmpty();
    }
}
