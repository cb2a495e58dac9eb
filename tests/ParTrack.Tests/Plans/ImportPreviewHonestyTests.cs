using System.Net;
using System.Text;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>The import preview says what is missing, and a header-only document is shown as such, not refused.</summary>
public sealed class ImportPreviewHonestyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<(HttpClient Client, string PreviewUrl)> UploadAsync(TestApp app, string text, string name)
    {
        var client = await app.As("coordinator");
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name },
        };
        var upload = await client.PostAsync("/Plans/Import", form);
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect, (await upload.ParseAsync()).Messages());
        return (client, upload.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HeaderOnlyDocument_PreviewSaysOnlyTheHeaderWasRead()
    {
        var (client, url) = await UploadAsync(fx.App(),
            "UBND TỈNH BÌNH PHƯỚC\nSỞ NỘI VỤ\nSố: 1204/KH-SNV\nBình Phước, ngày 29 tháng 12 năm 2021\nKẾ HOẠCH\nCải cách hành chính năm 2022 của Sở Nội vụ\n", "dau.txt");

        var preview = await client.GetPageAsync(url);

        preview.QuerySelector(".no-plan-body")!.TextContent.Should().Contain("Chỉ đọc được phần đầu văn bản / bản tóm tắt: chưa có bảng nhiệm vụ");
        preview.Body!.TextContent.Should().Contain("1204/KH-SNV");
    }

    [Fact]
    public async Task ActivitiesWithoutLeadOrDeadline_AreCountedWithTheirCodes_NotNoWarnings()
    {
        const string plan = "UBND TỈNH BẮC KẠN\nSố: 5/KH-UBND\nBắc Kạn, ngày 5 tháng 1 năm 2023\nKẾ HOẠCH\nCải cách hành chính năm 2023\n"
            + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\tKinh phí\n"
            + "I\tCẢI CÁCH THỂ CHẾ\n"
            + "1\t1. Rà soát văn bản\t1.1. Lập danh mục văn bản\tDanh mục\tSở Tư pháp\t\tQuý I\t\n"
            + "\t\t1.2. Công bố kết quả rà soát\tQuyết định\t\t\t\t\n";
        var (client, url) = await UploadAsync(fx.App(), plan, "ke-hoach.txt");

        var preview = await client.GetPageAsync(url);

        var gaps = preview.QuerySelectorAll(".import-gaps li").Select(li => li.TextContent).ToList();
        gaps.Should().Contain(g => g.Contains("1 hoạt động chưa có cơ quan chủ trì") && g.Contains("1.2"));
        gaps.Should().Contain(g => g.Contains("1 hoạt động chưa có thời hạn") && g.Contains("1.2"));
        preview.Body!.TextContent.Should().NotContain("Không có cảnh báo.");
    }
}
