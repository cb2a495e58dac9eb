using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>Expectation shares per unit beside the province's: on the results page, in the results API and in the XLSX.</summary>
public sealed class UnitExpectationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ExpectationShares_ArePerUnit_AndForTheProvince_InThePageApiAndXlsx(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        var question = Domain.Satisfaction.Questionnaire.Sipas().Questions.First(q => q.Kind == Domain.Satisfaction.QuestionKind.Expectation);
        var o = question.Options!;
        SurveyResponse Answer(int unit, params string[] chosen) => new()
        {
            CampaignId = data.CampaignId, UnitId = unit, Mode = ResponseMode.Paper, SubmittedOn = new DateOnly(2030, 1, 1),
            AnswersJson = JsonSerializer.Serialize(new Dictionary<string, object> { [question.Key] = chosen }),
        };
        await app.Db(db =>
        {
            db.AddRange(Answer(data.NoiVuUnitId, o[0], o[1]), Answer(data.NoiVuUnitId, o[0]), Answer(data.TuPhapUnitId, o[2]));
            return db.SaveChangesAsync();
        });
        var coordinator = await app.As("coordinator");

        var results = (await coordinator.GetFromJsonAsync<CampaignResultsDto>($"/api/satisfaction/campaigns/{data.CampaignId}/results"))!;
        decimal Share(IReadOnlyList<ExpectationDto> e, string option) => e.Single(x => x.QuestionKey == question.Key).Shares.Single(s => s.Option == option).Percent;
        Share(results.Province.Expectations, o[0]).Should().Be(66.67m);
        Share(results.Province.Expectations, o[2]).Should().Be(33.33m);
        var noiVu = results.Units.Single(u => u.Agency == "Sở Nội vụ").Expectations;
        (Share(noiVu, o[0]), Share(noiVu, o[1]), Share(noiVu, o[2])).Should().Be((100m, 50m, 0m));
        Share(results.Units.Single(u => u.Agency == "Sở Tư pháp").Expectations, o[2]).Should().Be(100m);

        var page = await coordinator.GetPageAsync($"/Satisfaction/Campaigns/{data.CampaignId}/Results");
        var rows = page.QuerySelectorAll($"table.expectation-shares[data-question='{question.Key}'] tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().HaveCount(3);
        rows[1].Should().Contain("Sở Nội vụ");   // neither unit has an index (no scale answers): by name
        rows.Single(r => r.Contains("Sở Tư pháp")).Should().Contain("(1)");

        var xlsx = await coordinator.GetByteArrayAsync($"/Satisfaction/Campaigns/{data.CampaignId}/Results?handler=Xlsx");
        var sheet = Sheet(xlsx, "Mong doi");
        sheet[1].Should().Equal("Câu hỏi", "Đơn vị", "Lựa chọn", "Số người chọn", "Tỷ lệ (%)");
        sheet.Should().ContainEquivalentOf(new[] { question.Text, "Sở Nội vụ", o[1], "1", "50" });
        sheet.Should().ContainEquivalentOf(new[] { question.Text, "Toàn tỉnh", o[0], "2", "66.67" });
    }

    /// <summary>The text of every cell of the named sheet, row by row.</summary>
    static List<string[]> Sheet(byte[] xlsx, string name)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray()).ToList();
    }
}
