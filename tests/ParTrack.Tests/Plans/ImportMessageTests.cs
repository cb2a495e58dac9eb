using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features.Plans;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>What the import page says when a document is read but cannot become a plan: plain Vietnamese,
/// never the plan JSON's field names ("document.fromYear"), and nothing saved; and the chosen file stays
/// chosen after the error (kept on the server under a token only its uploader can use).</summary>
public sealed class ImportMessageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    // A framework table but no year anywhere: not in the title, no date line, deadlines without a year.
    static string PlanWithoutYear(string title) =>
        $"KẾ HOẠCH\n{title}\n"
        + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\tKinh phí\n"
        + "I\tCẢI CÁCH THỂ CHẾ\n"
        + "1\t1. Rà soát văn bản\t1.1. Lập danh mục văn bản\tDanh mục\tSở Nội vụ\t\tQuý I\t\n";

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? text, string? keptFile = null)
    {
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent { { new StringContent(token!), HttpForms.TokenField } };
        // No text: no file chosen (ASP.NET Core binds a browser's empty file part to null as well).
        if (text is not null) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "ke-hoach-thu.txt");
        if (keptFile is not null) form.Add(new StringContent(keptFile), "keptFile");
        return await client.PostAsync("/Plans/Import", form);
    }

    static async Task<IHtmlDocument> PageOf(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DocumentWithoutYear_PageSaysWhatIsMissingInWords_NoJsonFieldNameAndNoPlan(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var title = TestData.Unique("Cải cách hành chính của Sở Nội vụ");

        var response = await PostAsync(client, PlanWithoutYear(title));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("Thiếu năm của kế hoạch");
        page.Should().NotContain("document.").And.NotContain("fromYear");
        (await app.Db(db => db.Plans.AnyAsync(p => p.Title.Contains(title)))).Should().BeFalse("a plan that could not be saved leaves nothing behind");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AfterAnError_TheFileStaysChosen_SendingTheFormAgainReadsItWithoutChoosingAgain(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var first = await PageOf(await PostAsync(client, PlanWithoutYear(TestData.Unique("Kế hoạch"))));
        first.QuerySelector("#kept-file")!.TextContent.Should().Contain("ke-hoach-thu.txt");
        var kept = first.QuerySelector("input[name=keptFile]")!.GetAttribute("value");
        first.QuerySelector("#file")!.HasAttribute("required").Should().BeFalse("the kept file counts as chosen");

        // No file chosen this time: the kept one is read again (same error, same file named).
        var again = await PageOf(await PostAsync(client, null, kept));

        again.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Thiếu năm của kế hoạch");
        again.QuerySelector("#kept-file")!.TextContent.Should().Contain("ke-hoach-thu.txt");
        again.QuerySelector("input[name=keptFile]")!.GetAttribute("value").Should().Be(kept);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task KeptFileToken_OfAnotherUserOrMadeUp_ReadsNothing(string provider)
    {
        var app = fx.App(provider);
        using (var scope = app.Services.CreateScope())
        {
            var kept = scope.ServiceProvider.GetRequiredService<KeptUploads>();
            var token = await kept.KeepAsync(Encoding.UTF8.GetBytes(PlanWithoutYear("Kế hoạch")), "a.txt", "someone-else");
            (await kept.FindAsync(token, "coordinator")).Should().BeNull("only the uploader may use the kept file");
            (await kept.FindAsync(token, "someone-else")).Should().NotBeNull();
            (await kept.FindAsync("../../etc/passwd", "someone-else")).Should().BeNull();
        }
        var client = await app.As("coordinator");

        var page = await PageOf(await PostAsync(client, null, new string('0', 32)));

        page.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Hãy chọn tệp kế hoạch");
        page.QuerySelector("#kept-file").Should().BeNull();
    }
}
