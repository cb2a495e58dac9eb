using System.Net;
using System.Text;
using FluentAssertions;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>The readable audit log: Vietnamese labels, formatted values, old → new, filters and the CSV export.</summary>
public sealed class AuditLogTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Dictionary<string, string?> NewUser(string userName, int agencyId) => new()
    {
        ["Input.UserName"] = userName, ["Input.DisplayName"] = "Cán bộ " + userName, ["Input.Role"] = "AgencyOfficer",
        ["Input.AgencyId"] = agencyId.ToString(), ["Input.NewPassword"] = AccountTestData.Password, ["Input.Active"] = "true",
    };

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NewUser_ShowsVietnameseLabels_AgencyName_AndYesForTrue(string provider)
    {
        var app = fx.App(provider);
        var admin = await app.As("admin");
        var userName = "nk" + Guid.NewGuid().ToString("N")[..6];
        var yte = await app.AgencyIdAsync("Sở Y tế");
        (await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName, yte))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = await app.UserIdAsync(userName);

        var page = await admin.GetPageAsync("/Accounts/Audit?entity=User&userName=admin");
        var row = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).First(r => r.Contains($"Tài khoản #{id}"));
        row.Should().Contain("Thêm").And.Contain("Đang hoạt động").And.Contain("Có")
            .And.Contain("Cơ quan").And.Contain("Sở Y tế", "an agency id is shown as its name")
            .And.NotContain("true").And.NotContain("AgencyId").And.NotContain("{");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Change_ShowsOldToNewPerField_DatesInVietnamTime_AndFiltersByDateRange(string provider)
    {
        var app = fx.App(provider);
        var entity = "Zz" + Guid.NewGuid().ToString("N")[..8];
        await app.Db(db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry
                {
                    AtUtc = new DateTime(2025, 3, 4, 18, 0, 0, DateTimeKind.Utc), UserName = "coordinator", Entity = entity, EntityId = "7",
                    Action = "Modified", Before = """{"ExpiresUtc":"2025-03-05T17:30:00Z","Active":true,"ValidFrom":"2025-01-02"}""",
                    After = """{"ExpiresUtc":"2025-04-01T02:00:00Z","Active":false,"ValidFrom":"2025-02-03"}""",
                },
                new AuditEntry { AtUtc = new DateTime(2025, 3, 10, 3, 0, 0, DateTimeKind.Utc), UserName = "admin", Entity = entity, EntityId = "8", Action = "Deleted", Before = """{"Name":"Cũ"}""" });
            return db.SaveChangesAsync();
        });
        var admin = await app.As("admin");

        // 18:00 UTC on 4 March is 01:00 on 5 March in Vietnam: the filter is by Vietnamese calendar day.
        var page = await admin.GetPageAsync($"/Accounts/Audit?entity={entity}&from=2025-03-05&to=2025-03-05");
        var rows = page.QuerySelectorAll("tbody tr").ToList();
        rows.Should().ContainSingle();
        var text = rows[0].TextContent;
        text.Should().Contain("05/03/2025 01:00").And.Contain($"{entity} #7", "an unknown entity falls back to its name")
            .And.Contain("Hết hạn").And.Contain("Hiệu lực từ").And.Contain("Sửa");
        var expiry = rows[0].QuerySelectorAll("dd")[0];
        expiry.QuerySelector("del")!.TextContent.Should().Be("06/03/2025 00:30");
        expiry.QuerySelector("ins")!.TextContent.Should().Be("01/04/2025 09:00");
        rows[0].QuerySelectorAll("dd")[1].TextContent.Should().Contain("Có").And.Contain("Không");
        rows[0].QuerySelectorAll("dd")[2].TextContent.Should().Contain("02/01/2025").And.Contain("03/02/2025");

        (await admin.GetPageAsync($"/Accounts/Audit?entity={entity}&userName=admin")).QuerySelectorAll("tbody tr").Select(r => r.TextContent)
            .Should().ContainSingle().Which.Should().Contain($"{entity} #8").And.Contain("Xóa").And.Contain("Cũ");
        (await admin.GetPageAsync($"/Accounts/Audit?entity={entity}&from=2025-03-11")).QuerySelectorAll("tbody tr").Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Csv_HasBomHeaderAndOneLinePerField_WithTheSameFilters_AndOnlyForAdministrators(string provider)
    {
        var app = fx.App(provider);
        var entity = "Zz" + Guid.NewGuid().ToString("N")[..8];
        await app.Db(db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = new DateTime(2025, 5, 1, 1, 0, 0, DateTimeKind.Utc), UserName = "coordinator", Entity = entity, EntityId = "1", Action = "Modified", Before = """{"ShortName":"A","Active":true}""", After = """{"ShortName":"=B","Active":false}""" },
                new AuditEntry { AtUtc = new DateTime(2025, 5, 1, 2, 0, 0, DateTimeKind.Utc), UserName = "admin", Entity = entity, EntityId = "2", Action = "Added", After = """{"ShortName":"C"}""" });
            return db.SaveChangesAsync();
        });
        var url = $"/Accounts/Audit?handler=Csv&entity={entity}&userName=coordinator";
        var admin = await app.As("admin");

        var response = await admin.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Thời gian,Người thực hiện,Dữ liệu,Mã,Thao tác,Trường,Trước,Sau");
        lines.Skip(1).Should().Equal(
            $"01/05/2025 08:00,coordinator,{entity},1,Sửa,Tên viết tắt,A,\"'=B\"",
            $"01/05/2025 08:00,coordinator,{entity},1,Sửa,Đang hoạt động,Có,Không");

        var coordinator = await app.As("coordinator");
        (await coordinator.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
