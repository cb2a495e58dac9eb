using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Reporting;

/// <summary>A province plan from the small fixture with its 2025 periods open (all deadlines are in the past for today's clock).</summary>
public static class ReportTestData
{
    public static async Task<(int PlanId, int PeriodId)> OpenQ1Async(this TestApp app, int cutOffDay = 14, int submitDay = 18)
    {
        var plan = await app.ProvincePlanAsync();
        return (plan, await app.Db(async db =>
        {
            var result = await new ReportPeriods(db, TimeProvider.System).OpenYearAsync(plan, 2025, cutOffDay, submitDay);
            if (!result.IsOk) throw new InvalidOperationException(result.Message);
            return await db.Set<ReportPeriod>().Where(p => p.PlanId == plan && p.Kind == ReportingPeriodKind.Q1).Select(p => p.Id).SingleAsync();
        }));
    }

    /// <summary>
    /// A fresh Q1 report of the agency (new plan and period), every lead activity "đang thực hiện", one PDF
    /// as evidence, submitted through ReportWork as the agency's officer would.
    /// </summary>
    public static async Task<AgencyReport> SubmittedReportAsync(this TestApp app, string agencyName, TimeProvider? clock = null)
    {
        var (_, period) = await app.OpenQ1Async();
        var agency = await app.AgencyIdAsync(agencyName);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ParTrack.Data.AppDbContext>();
        var work = new ReportWork(db, sp.GetRequiredService<Obligations>(), clock ?? TimeProvider.System);
        var id = await work.EnsureAsync(period, agency) ?? throw new InvalidOperationException($"{agencyName} owes no Q1 report");
        var report = (await work.LoadAsync(id))!;
        var entries = report.Entries.Select(e => new EntryInput(e.Id, ReportedStatus.InProgress, 50, "Đang thực hiện", null, null)).ToList();
        var saved = await work.SaveDraftAsync(id, report.Version, new DraftInput("Kết quả quý I", null, null, null, null, entries, new Dictionary<int, decimal?>()));
        if (!saved.IsOk) throw new InvalidOperationException(saved.Message);
        using (var pdf = new MemoryStream(Pdf()))
        {
            var added = await work.AddFileAsync(id, report.Entries.First(e => e.Leads).Id, sp.GetRequiredService<FileStore>(), pdf, pdf.Length, "bien-ban.pdf");
            if (!added.IsOk) throw new InvalidOperationException(added.Message);
        }
        db.ChangeTracker.Clear();
        var version = await db.Set<AgencyReport>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        var submitted = await work.SubmitAsync(id, version, "snv");
        if (!submitted.IsOk) throw new InvalidOperationException(submitted.Message);
        return await app.ReportAsync(period, agency);
    }

    public static string ReportUrl(int periodId, int agencyId) => $"/Reports/Periods/{periodId}/Agencies/{agencyId}";

    public static Task<AgencyReport> ReportAsync(this TestApp app, int periodId, int agencyId) =>
        app.Db(db => db.Set<AgencyReport>().AsNoTracking().Include(r => r.Entries).ThenInclude(e => e.Activity)
            .Include(r => r.Entries).ThenInclude(e => e.Evidence)
            .SingleAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId));

    /// <summary>Posts a file to an entry's upload form, with the antiforgery token from the report page.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string reportUrl, int entryId, string fileName, byte[] content,
        bool chunked = false)
    {
        var token = await client.TokenAsync(reportUrl);
        var form = new MultipartFormDataContent();
        // Chunked: a stream of unknown length, so the request has no Content-Length.
        HttpContent file = chunked ? new StreamContent(new ParIndex.UnknownLengthStream(content)) : new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (token is not null) form.Add(new StringContent(token), HttpForms.TokenField);
        return await client.PostAsync($"{reportUrl}?handler=Upload&entryId={entryId}", form);
    }

    /// <summary>A minimal real PDF.</summary>
    public static byte[] Pdf(string text = "Bien ban") =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% {text} {Guid.NewGuid()}\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
