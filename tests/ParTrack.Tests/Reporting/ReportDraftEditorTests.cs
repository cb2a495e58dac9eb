using System.Net;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Domain.Activities;
using ParTrack.Features;
using ParTrack.Features.Reporting;
using ParTrack.Features.Reporting.Documents;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>"Soạn báo cáo tổng hợp": edit paragraphs in the app, save versions, the files carry the edits, re-drafts never overwrite them.</summary>
public sealed class ReportDraftEditorTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Key = "direction:reports";
    const string Edited = "Đoạn sửa tay: Sở Nội vụ đã đôn đốc các cơ quan gửi báo cáo quý I đúng hạn.";

    static string Url(int period) => $"/Reports/Periods/{period}/Draft";

    /// <summary>The textarea's field name of the paragraph with <paramref name="key"/> ("p[3].Text").</summary>
    static string TextField(IDocument page, string key) =>
        page.QuerySelector($"input[name$='.Key'][value='{key}']")!.GetAttribute("name")!.Replace(".Key", ".Text");

    static string DocxText(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    static Task<List<ReportDraftVersion>> VersionsAsync(TestApp app, int period) =>
        app.Db(db => db.Set<ReportDraftVersion>().AsNoTracking().Where(v => v.PeriodId == period).OrderBy(v => v.Number).ToListAsync());

    /// <summary>Sở Tư pháp sends its Q1 report (late: today is after the deadline), so the timeliness paragraph drafts differently.</summary>
    static async Task SubmitAsync(TestApp app, int period, string agencyName)
    {
        var agency = await app.AgencyIdAsync(agencyName);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ParTrack.Data.AppDbContext>();
        var work = new ReportWork(db, sp.GetRequiredService<Obligations>(), TimeProvider.System);
        var id = (await work.EnsureAsync(period, agency))!.Value;
        var report = (await work.LoadAsync(id))!;
        var entries = report.Entries.Select(e => new EntryInput(e.Id, ReportedStatus.InProgress, 50, "Đang thực hiện", null, null)).ToList();
        (await work.SaveDraftAsync(id, report.Version, new DraftInput("Kết quả quý I", null, null, null, null, entries, new Dictionary<int, decimal?>()))).IsOk.Should().BeTrue();
        db.ChangeTracker.Clear();
        var version = await db.Set<AgencyReport>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        (await work.SubmitAsync(id, version, "stp")).IsOk.Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task EditedParagraph_IsInTheDocxAndTheApi_AndNewDataFlagsItWithoutOverwritingIt(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var coordinator = await app.As("coordinator");
        var page = await coordinator.GetPageAsync(Url(period));
        var field = TextField(page, Key);
        var drafted = page.QuerySelector($"textarea[name='{field}']")!.TextContent;
        drafted.Should().Contain("cơ quan gửi đúng hạn");
        page.QuerySelector("nav.col-lg-3")!.TextContent.Should().Contain("I. KẾT QUẢ THỰC HIỆN");

        var saved = await coordinator.SubmitFormAsync(Url(period), new Dictionary<string, string?> { [field] = Edited }, "#draft-form");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var version = (await VersionsAsync(app, period)).Single();
        version.Texts.Should().Equal(new Dictionary<string, string> { [Key] = Edited });
        version.Bases[Key].Should().Be(drafted);

        var docx = DocxText(await coordinator.GetByteArrayAsync(Url(period) + "?handler=Docx"));
        docx.Should().Contain(Edited).And.NotContain(drafted);
        var api = DocxText(await coordinator.GetByteArrayAsync($"/api/reports/consolidated?periodId={period}&format=docx"));
        api.Should().Contain(Edited);

        await SubmitAsync(app, period, "Sở Tư pháp");
        page = await coordinator.GetPageAsync(Url(period));
        page.QuerySelector($"textarea[name='{field}']")!.TextContent.Should().Be(Edited);
        var changed = page.QuerySelectorAll(".draft-changed").Should().ContainSingle().Subject.TextContent;
        changed.Should().Contain("Số liệu mới").And.Contain("1 gửi trễ hạn");
        DocxText(await coordinator.GetByteArrayAsync(Url(period) + "?handler=Docx")).Should().Contain(Edited);

        // Taking the new figures drops the edit: the paragraph follows the data again.
        var take = page.QuerySelector(".draft-changed input[type=checkbox]")!.GetAttribute("name")!;
        (await coordinator.SubmitFormAsync(Url(period), new Dictionary<string, string?> { [take] = "true" }, "#draft-form")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await VersionsAsync(app, period)).Last().Texts.Should().BeEmpty();
        DocxText(await coordinator.GetByteArrayAsync(Url(period) + "?handler=Docx")).Should().NotContain(Edited).And.Contain("1 gửi trễ hạn");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TwoCoordinatorsSaveFromTheSameVersion_TheSecondIsToldAndKeepsItsText(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var first = await app.As("coordinator");
        var second = await app.As("admin");
        var firstPage = await first.GetPageAsync(Url(period));
        var secondPage = await second.GetPageAsync(Url(period));
        var field = TextField(firstPage, Key);

        (await first.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)firstPage.QuerySelector("#draft-form")!, Url(period),
            new Dictionary<string, string?> { [field] = Edited })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var late = await second.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)secondPage.QuerySelector("#draft-form")!, Url(period),
            new Dictionary<string, string?> { [field] = "Bản của người thứ hai." });

        late.StatusCode.Should().Be(HttpStatusCode.OK);
        var shown = await late.ParseAsync();
        shown.QuerySelector("#draft-error")!.TextContent.Should().Contain("coordinator đã lưu phiên bản 1");
        shown.QuerySelector($"textarea[name='{field}']")!.TextContent.Should().Be("Bản của người thứ hai.");
        (await VersionsAsync(app, period)).Should().ContainSingle().Which.Texts[Key].Should().Be(Edited);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_Gets403_Leader_ReadsWithoutEditing_CoordinatorMarksFinal(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var officer = await app.As("stp");
        (await officer.GetAsync(Url(period))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.GetAsync(Url(period) + "?handler=Docx")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var coordinator = await app.As("coordinator");
        (await officer.PostWithTokenAsync(Url(period) + "?handler=Save", new Dictionary<string, string?> { ["readVersion"] = "0" }, tokenFrom: "/")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await VersionsAsync(app, period)).Should().BeEmpty();

        var leaderPage = await (await app.As("leader")).GetPageAsync(Url(period));
        leaderPage.QuerySelectorAll("textarea").Should().BeEmpty();
        leaderPage.QuerySelector("#draft-form button").Should().BeNull();

        (await coordinator.SubmitFormAsync(Url(period), null, "#draft-form")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.SubmitFormAsync(Url(period), null, "form[action*='handler=Final']")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await VersionsAsync(app, period)).Single().IsFinal.Should().BeTrue();
        (await coordinator.GetPageAsync(Url(period))).QuerySelector("#draft-state")!.TextContent.Should().Contain("Bản cuối");
    }
}
