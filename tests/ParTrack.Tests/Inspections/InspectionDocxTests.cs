using System.Net;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ParTrack.Tests.Inspections;

/// <summary>The documents read back as Word files: the administrative form, the data, and the coordinator's template.</summary>
public sealed class InspectionDocxTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<(int Programme, int Inspection)> ArrangeAsync(TestApp app)
    {
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        return await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = 2026, Title = TestData.Unique("Kế hoạch kiểm tra văn bản"), Checklist = "1. Chỉ đạo", Kinds = "Comprehensive" };
            db.Add(p);
            await db.SaveChangesAsync();
            var i = new Inspection
            {
                ProgrammeId = p.Id, AgencyId = stp, ScheduledOn = new(2026, 5, 4), VisitedOn = new(2026, 5, 4), ConclusionNumber = "31/TB-SNV",
                ConclusionDate = new(2026, 5, 12), ConclusionSigner = "Nguyễn Văn A",
                Findings = [new() { Area = "1. Chỉ đạo", Found = "Chưa có kế hoạch tự kiểm tra.", RequiredRemedy = "Ban hành kế hoạch.", ResponsibleAgencyId = stp, Deadline = new(2026, 5, 27) }],
            };
            db.Add(i);
            await db.SaveChangesAsync();
            return (p.Id, i.Id);
        });
    }

    static async Task<(string Text, WordprocessingDocument Doc)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return (string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText)), doc);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ConclusionNotice_HasTheAdministrativeForm_AndTheFindings(string provider)
    {
        var app = fx.App(provider);
        var (_, inspection) = await ArrangeAsync(app);
        var (text, doc) = await DownloadAsync(await app.As("stp"), $"/Inspections/Visits/{inspection}?handler=Docx&kind=conclusion");
        using (doc)
        {
            text.Should().Contain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").And.Contain("Độc lập - Tự do - Hạnh phúc").And.Contain("SỞ NỘI VỤ")
                .And.Contain("Số: 31/TB-SNV").And.Contain("ngày 12 tháng 05 năm 2026").And.Contain("THÔNG BÁO")
                .And.Contain("Chưa có kế hoạch tự kiểm tra.").And.Contain("27/05/2026").And.Contain("Nơi nhận:").And.Contain("Nguyễn Văn A");
            var size = doc.MainDocumentPart!.Document.Body!.Descendants<W.PageSize>().Single();
            ((uint)size.Width!, (uint)size.Height!).Should().Be((11906U, 16838U), "A4");
            doc.MainDocumentPart.Document.Body.Descendants<W.RunFonts>().Should().OnlyContain(f => f.Ascii == "Times New Roman");
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CoordinatorsTemplate_IsUsedForTheNextDocument(string provider)
    {
        var app = fx.App(provider);
        var (programme, _) = await ArrangeAsync(app);
        var coordinator = await app.As("coordinator");
        var saved = await coordinator.PostWithTokenAsync("/Inspections/Templates", new Dictionary<string, string?>
        { ["kind"] = "plan", ["text"] = "KẾ HOẠCH\nKiểm tra năm {year}\n# RIÊNG CỦA TỈNH\nNội dung: {contentAreas} hết." });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, (await saved.ParseAsync()).Messages());
        var (text, doc) = await DownloadAsync(coordinator, $"/Inspections/Programmes/{programme}?handler=Docx&kind=plan");
        doc.Dispose();
        text.Should().Contain("Kiểm tra năm 2026").And.Contain("RIÊNG CỦA TỈNH").And.NotContain("MỤC ĐÍCH, YÊU CẦU");
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(InspectionTemplate) && a.UserName == "coordinator"))).Should().BeTrue();

        // An empty text puts the default back.
        (await coordinator.PostWithTokenAsync("/Inspections/Templates", new Dictionary<string, string?> { ["kind"] = "plan", ["text"] = "" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (again, doc2) = await DownloadAsync(coordinator, $"/Inspections/Programmes/{programme}?handler=Docx&kind=plan");
        doc2.Dispose();
        again.Should().Contain("MỤC ĐÍCH, YÊU CẦU");
    }
}
