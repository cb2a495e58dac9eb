using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

public sealed class AccountAdminTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Dictionary<string, string?> NewUser(string userName, string role, int? agencyId, string? password = AccountTestData.Password) => new()
    {
        ["Input.UserName"] = userName, ["Input.DisplayName"] = "Cán bộ " + userName, ["Input.Role"] = role,
        ["Input.AgencyId"] = agencyId?.ToString(), ["Input.NewPassword"] = password, ["Input.Active"] = "true",
    };

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CreateOfficer_NeedsAnAgency_ThenCanSignInScopedToIt(string provider)
    {
        var app = fx.App(provider);
        var admin = await app.As("admin");
        var userName = "cb" + Guid.NewGuid().ToString("N")[..6];

        var noAgency = await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName, "AgencyOfficer", null));
        noAgency.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noAgency.ParseAsync()).Messages().Should().Contain("Cán bộ cơ quan phải gắn với một cơ quan");

        var shortPassword = await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName, "Leader", null, "123"));
        (await shortPassword.ParseAsync()).Messages().Should().Contain("ít nhất 10 ký tự");
        var common = await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName, "Leader", null, "matkhau123"));
        (await common.ParseAsync()).Messages().Should().Contain("quá phổ biến");

        var yte = await app.AgencyIdAsync("Sở Y tế");
        var created = await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName.ToUpperInvariant(), "AgencyOfficer", yte));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var user = await app.Db(db => db.Users.SingleAsync(u => u.UserName == userName));
        user.AgencyId.Should().Be(yte);
        user.PasswordHash.Should().NotContain("gieng", "passwords are hashed");

        var officer = app.Anonymous();
        (await officer.LoginAsync(userName, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var nav = (await officer.GetPageAsync("/")).QuerySelector("nav")!.TextContent;
        nav.Should().Contain("Việc của tôi").And.NotContain("Nhật ký");
        (await officer.GetAsync("/Accounts/Users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var audit = await app.Db(db => db.AuditEntries.SingleAsync(e => e.Entity == "User" && e.EntityId == user.Id.ToString() && e.Action == "Added"));
        audit.UserName.Should().Be("admin");
        audit.After.Should().Contain("\"PasswordHash\":\"***\"", "the audit never stores a password hash");
    }

    [Fact]
    public async Task CreateUser_PostedTwice_CreatesOne()
    {
        var app = fx.App();
        var admin = await app.As("admin");
        var page = await admin.GetPageAsync("/Accounts/UserEdit");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var userName = "twice" + Guid.NewGuid().ToString("N")[..6];
        var first = await admin.SubmitAsync(form, "/Accounts/UserEdit", NewUser(userName, "Leader", null));
        var second = await admin.SubmitAsync(form, "/Accounts/UserEdit", NewUser(userName, "Leader", null));
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect, "the repeat is sent where the first went, not told the name is taken");
        (await app.Db(db => db.Users.CountAsync(u => u.UserName == userName))).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Deactivate_SignsTheUserOutAndBlocksSignIn(string provider)
    {
        var app = fx.App(provider);
        var admin = await app.As("admin");
        var userName = "tam" + Guid.NewGuid().ToString("N")[..6];
        await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName, "Appraiser", null));
        var id = await app.UserIdAsync(userName);
        var user = app.Anonymous();
        await user.LoginAsync(userName, AccountTestData.Password);
        (await user.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);

        var save = await admin.SubmitFormAsync($"/Accounts/UserEdit/{id}", new Dictionary<string, string?> { ["Input.Active"] = "false" });
        save.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await user.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the old session ends");
        var again = await app.Anonymous().LoginAsync(userName, AccountTestData.Password);
        (await again.ParseAsync()).Messages().Should().Contain("không đúng", "an inactive account gets the same answer as a wrong password");
    }

    [Fact]
    public async Task Unlock_LetsALockedUserSignInAgain()
    {
        var app = fx.App();
        var admin = await app.As("admin");
        var userName = "khoa" + Guid.NewGuid().ToString("N")[..6];
        await admin.SubmitFormAsync("/Accounts/UserEdit", NewUser(userName, "Leader", null));
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++) await client.LoginAsync(userName, "sai");
        (await (await client.LoginAsync(userName, AccountTestData.Password)).ParseAsync()).Messages().Should().Contain("tạm khóa");

        var id = await app.UserIdAsync(userName);
        var editPage = await admin.GetPageAsync($"/Accounts/UserEdit/{id}");
        editPage.QuerySelector(".alert-warning")!.TextContent.Should().Contain("đang bị khóa");
        var unlock = await admin.SubmitFormAsync($"/Accounts/UserEdit/{id}", formSelector: "main form[action*='handler=Unlock']");
        unlock.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.LoginAsync(userName, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.AuditEntries.AnyAsync(e => e.Entity == "User" && e.EntityId == id.ToString() && e.UserName == "admin"
            && e.After!.Contains("\"LockedUntilUtc\":null")))).Should().BeTrue("the unlock is audited");
    }

    [Fact]
    public async Task AdminCannotRemoveTheirOwnAdministratorRole()
    {
        var app = fx.App();
        var admin = await app.As("admin");
        var id = await app.UserIdAsync("admin");
        var response = await admin.SubmitFormAsync($"/Accounts/UserEdit/{id}", new Dictionary<string, string?> { ["Input.Role"] = "Leader" });
        (await response.ParseAsync()).Messages().Should().Contain("Không thể tự bỏ quyền quản trị");
        (await app.Db(db => db.Users.Where(u => u.Id == id).Select(u => u.Role).SingleAsync())).Should().Be(Role.Administrator);
    }

    [Fact]
    public async Task AuditPage_FiltersByUserAndEntity_AndShowsBeforeAndAfter()
    {
        var app = fx.App();
        var coordinator = await app.As("coordinator");
        var agency = await app.AddAgencyAsync(TestData.Agency(shortName: "TRƯỚC"));
        await coordinator.SubmitFormAsync($"/Agencies/Edit/{agency.Id}", new Dictionary<string, string?> { ["Input.ShortName"] = "SAU" });

        var admin = await app.As("admin");
        var page = await admin.GetPageAsync("/Accounts/Audit?userName=coordinator&entity=Agency");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().Contain(r => r.Contains($"Cơ quan #{agency.Id}") && r.Contains("TRƯỚC") && r.Contains("SAU") && r.Contains("Sửa"));
        rows.Should().OnlyContain(r => r.Contains("coordinator") && r.Contains("Cơ quan"));

        var future = await admin.GetPageAsync("/Accounts/Audit?from=2099-01-01");
        future.QuerySelectorAll("tbody tr").Should().BeEmpty();
        future.QuerySelector("main")!.TextContent.Should().Contain("Không có thay đổi nào");
    }
}
