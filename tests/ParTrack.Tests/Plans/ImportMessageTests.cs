using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>What the import page says when a document is read but cannot become a plan: plain Vietnamese,
/// never the plan JSON's field names ("document.fromYear"), and nothing saved.</summary>
public sealed class ImportMessageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    // A framework table but no year anywhere: not in the title, no date line, deadlines without a year.
    static string PlanWithoutYear(string title) =>
        $"KẾ HOẠCH\n{title}\n"
        + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\tKinh phí\n"
        + "I\tCẢI CÁCH THỂ CHẾ\n"
        + "1\t1. Rà soát văn bản\t1.1. Lập danh mục văn bản\tDanh mục\tSở Nội vụ\t\tQuý I\t\n";

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DocumentWithoutYear_PageSaysWhatIsMissingInWords_NoJsonFieldNameAndNoPlan(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var title = TestData.Unique("Cải cách hành chính của Sở Nội vụ");
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(PlanWithoutYear(title))), "file", "ke-hoach.txt" },
        };

        var response = await client.PostAsync("/Plans/Import", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("Thiếu năm của kế hoạch");
        page.Should().NotContain("document.").And.NotContain("fromYear");
        (await app.Db(db => db.Plans.AnyAsync(p => p.Title.Contains(title)))).Should().BeFalse("a plan that could not be saved leaves nothing behind");
    }
}
