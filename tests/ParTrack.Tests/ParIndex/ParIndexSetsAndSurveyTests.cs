using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>Criteria sets (default, copy, edit, import/export) and survey points through HTTP.</summary>
public sealed class ParIndexSetsAndSurveyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string tokenFrom, Dictionary<string, string> fields, string fileName, byte[] bytes)
    {
        var token = await client.TokenAsync(tokenFrom);
        var content = new MultipartFormDataContent { { new StringContent(token!), HttpForms.TokenField } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync(url, content);
    }

    [Fact]
    public async Task DefaultSet_CopiedToNextYear_EditedAndExported_ThenImportedAgain()
    {
        var app = fx.App();
        var c = await app.As("coordinator");
        var response = await c.PostWithTokenAsync("/ParIndex?handler=Copy", new Dictionary<string, string?> { ["Year"] = "2040", ["Group"] = "District", ["FromSetId"] = "0" }, "/ParIndex");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var setUrl = response.Headers.Location!.OriginalString;
        var page = await c.GetPageAsync(setUrl);
        page.QuerySelector("h1")!.TextContent.Should().Be("Bộ tiêu chí Chỉ số CCHC năm 2040 – UBND cấp huyện");

        // Copy to 2041, then move one point from 1.5.1 (2 → 1) to 1.1.2 (1 → 2) and make 1.5.1 levels.
        response = await c.PostWithTokenAsync("/ParIndex?handler=Copy", new Dictionary<string, string?>
        { ["Year"] = "2041", ["Group"] = "District", ["FromSetId"] = setUrl.Split('/').Last() }, "/ParIndex");
        var copyUrl = response.Headers.Location!.OriginalString;
        page = await c.GetPageAsync(copyUrl);
        string Prefix(string code) => page.QuerySelectorAll("input[type=hidden]").First(e => e.GetAttribute("value") == code).GetAttribute("name")![..^5];
        response = await c.SubmitFormAsync(copyUrl, new Dictionary<string, string?>
        {
            [$"{Prefix("1.5.1")}.MaxPoints"] = "1", [$"{Prefix("1.5.1")}.Method"] = "levels", [$"{Prefix("1.5.1")}.Parameters"] = "0; 0,5; 1",
            [$"{Prefix("1.1.2")}.MaxPoints"] = "2", [$"{Prefix("1.1.2")}.Guidance"] = "Đủ 100% nhiệm vụ: 2 điểm.",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        var json = await (await c.GetAsync(copyUrl + "?handler=Json")).Content.ReadAsStringAsync();
        var (edited, errors) = CriteriaSetJson.Deserialize(json);
        errors.Should().BeEmpty();
        var subs = edited!.Flatten().ToDictionary(i => i.Sub.Code, i => i.Sub);
        subs["1.5.1"].MaxPoints.Should().Be(1);
        ((LevelsScoring)subs["1.5.1"].Scoring).Levels.Should().Equal(0m, 0.5m, 1m);
        subs["1.1.2"].MaxPoints.Should().Be(2);
        subs["1.1.2"].Guidance.Should().Be("Đủ 100% nhiệm vụ: 2 điểm.");
        edited.MaxPoints.Should().Be(100);
        edited.Version.Should().Be(2, "one saved edit after the copy");

        // The 2040 set is untouched by the edit of its copy.
        var original = CriteriaSetJson.Deserialize(await (await c.GetAsync(setUrl + "?handler=Json")).Content.ReadAsStringAsync()).Set!;
        original.Flatten().Single(i => i.Sub.Code == "1.5.1").Sub.MaxPoints.Should().Be(2);

        // XLSX out, into another year and group, same tree.
        var xlsx = await (await c.GetAsync(copyUrl + "?handler=Xlsx")).Content.ReadAsByteArrayAsync();
        response = await UploadAsync(c, "/ParIndex?handler=Import", "/ParIndex", new() { ["Year"] = "2042", ["Group"] = "Commune" }, "bo.xlsx", xlsx);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        var imported = CriteriaSetJson.Deserialize(await (await c.GetAsync(response.Headers.Location!.OriginalString + "?handler=Json")).Content.ReadAsStringAsync()).Set!;
        imported.Year.Should().Be(2042);
        imported.Group.Should().Be("UBND cấp xã");
        imported.Flatten().Select(i => (i.Sub.Code, i.Sub.MaxPoints)).Should().Equal(edited.Flatten().Select(i => (i.Sub.Code, i.Sub.MaxPoints)));

        // A broken JSON file is refused with a message.
        response = await UploadAsync(c, "/ParIndex?handler=Import", "/ParIndex", new() { ["Year"] = "2043", ["Group"] = "Commune" }, "bo.json", "{ \"areas\": ["u8.ToArray());
        (await response.ParseAsync()).Messages().Should().Contain("không đọc được");
    }

    [Fact]
    public async Task SurveyPoints_ImportedFromXlsx_CountInTheTotal_AndLeavingSurveyOutRescales()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2044);
        var snvId = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var c = await app.As("coordinator");
        var surveyUrl = $"/ParIndex/Rounds/{roundId}/Survey";

        // Out of range is refused, with the unit named.
        var response = await c.SubmitFormAsync(surveyUrl, new Dictionary<string, string?> { [$"s_{snvId}_8.1.1"] = "5" }, "#survey-form");
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Sở Nội vụ").And.Contain("phải từ 0 đến 4");

        // The template filled in: Sở Nội vụ 3.5 on 8.1.1 and 4 on 8.1.2.
        var template = await (await c.GetAsync(surveyUrl + "?handler=Template")).Content.ReadAsByteArrayAsync();
        var rows = ParXlsx.Read(template);
        rows[1].Take(4).Should().Equal("Mã", "Đơn vị", "8.1.1", "8.1.2");
        var filled = ParXlsx.Write("x", "Điểm điều tra", rows[1], [[snvId, "Sở Nội vụ", 3.5m, 4m]]);
        response = await UploadAsync(c, surveyUrl + "?handler=Import", surveyUrl, new(), "dieu-tra.xlsx", filled);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());

        var results = await c.GetPageAsync($"/ParIndex/Rounds/{roundId}/Results");
        var row = results.QuerySelectorAll("#results tbody tr").Single(r => r.TextContent.Contains("Sở Nội vụ"));
        row.QuerySelector("[data-col=total]")!.TextContent.Trim().Should().Be("7,5");
        row.QuerySelector("[data-col=index]")!.TextContent.Trim().Should().Be("7,5", "7.5 of 100 points");

        // Without the survey: 0 of the 80 non-survey points... Sở Nội vụ scored nothing itself, so 0 %.
        response = await c.PostWithTokenAsync(surveyUrl + "?handler=Included", new Dictionary<string, string?> { ["included"] = "false" }, surveyUrl);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.Db(async db =>
        {
            db.Set<ParScore>().Add(new ParScore { AssessmentId = snvId, Code = "1.5.1", SelfPoints = 2, Explanation = "Sáng kiến được công nhận" });
            await db.SaveChangesAsync();
        });
        results = await c.GetPageAsync($"/ParIndex/Rounds/{roundId}/Results");
        row = results.QuerySelectorAll("#results tbody tr").Single(r => r.TextContent.Contains("Sở Nội vụ"));
        row.QuerySelector("[data-col=total]")!.TextContent.Trim().Should().Be("2");
        // Default set: 20 survey points (8.1.1–8.1.4, 8.2.2), so 2 of 80 applicable = 2.5 %.
        row.QuerySelector("[data-col=index]")!.TextContent.Trim().Should().Be("2,5");

        // Both exports open as what they claim to be.
        var xlsx = await (await c.GetAsync($"/ParIndex/Rounds/{roundId}/Results?handler=Xlsx")).Content.ReadAsByteArrayAsync();
        ParXlsx.Read(xlsx).Skip(2).Should().Contain(r => r.Contains("Sở Nội vụ"));
        var docx = await (await c.GetAsync($"/ParIndex/Rounds/{roundId}/Results?handler=Docx")).Content.ReadAsByteArrayAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        word.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2044").And.Contain("Sở Nội vụ");
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description).Should().BeEmpty("Word must open the annex without repair");
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(sheet).Select(e => e.Description).Should().BeEmpty();
    }
}
