using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>A prose plan that names no lead body: the preview counts every activity as missing its lead, with links to the rows.</summary>
public sealed class ProsePlanPreviewTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Prose = "ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\nSố: {0}/KH-UBND\nHậu Giang, ngày 20 tháng 12 năm 2023\nKẾ HOẠCH\nCải cách hành chính năm 2024\n"
        + "I. MỤC ĐÍCH, YÊU CẦU\nThực hiện đồng bộ các nội dung cải cách hành chính trên địa bàn tỉnh.\n"
        + "II. NHIỆM VỤ TRỌNG TÂM\n1. Cải cách thể chế\n1.1. Rà soát văn bản quy phạm pháp luật do tỉnh ban hành.\n1.2. Kiểm tra việc thi hành pháp luật tại các huyện.\n"
        + "2. Cải cách tổ chức bộ máy\n2.1. Sắp xếp các đơn vị sự nghiệp công lập.\n2.2. Rà soát vị trí việc làm trong các cơ quan hành chính.\n"
        + "III. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị căn cứ kế hoạch này để triển khai.\nNơi nhận:\n- Lưu: VT, NC.\n";

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ProsePlanWithoutLeads_PreviewCountsEveryActivity_LinksToItsRow_NeverNoWarnings(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Format(Prose, Random.Shared.Next(1000, 999999)))), "file", "van-ban.txt" },
        };
        var upload = await client.PostAsync("/Plans/Import", form);
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect, (await upload.ParseAsync()).Messages());
        var url = upload.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());
        var activities = await app.Db(db => db.Activities.Where(a => a.PlanId == id).Select(a => a.Id).ToListAsync());

        var preview = await client.GetPageAsync(url);

        activities.Should().NotBeEmpty();
        var noLead = preview.QuerySelectorAll(".import-gaps li").Single(li => li.TextContent.Contains("hoạt động chưa có cơ quan chủ trì"));
        noLead.TextContent.Trim().Should().StartWith($"{activities.Count} hoạt động chưa có cơ quan chủ trì");
        var anchors = noLead.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        anchors.Should().BeEquivalentTo(activities.Select(a => $"#a{a}"));
        foreach (var a in activities) preview.QuerySelector($"tr#a{a}").Should().NotBeNull("each link lands on its row");
        preview.Body!.TextContent.Should().NotContain("Không có cảnh báo.");
    }
}
