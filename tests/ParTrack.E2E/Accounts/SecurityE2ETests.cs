using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using ParTrack.Data;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.Accounts;

/// <summary>
/// Issue 19 in a real browser: with the Content-Security-Policy on, the pages that use scripts, styles,
/// charts, frames and data images work and Chromium reports no violation; the change-password and
/// two-factor pages work at desktop and phone widths.
/// </summary>
public sealed class SecurityE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task DemoPages_WithTheCsp_WorkAndReportNoViolation()
    {
        var coordinator = await host.SignInAsync("coordinator");
        foreach (var path in new[] { "/Dashboard", "/Plans", "/Reports", "/ParIndex", "/Agencies", "/Notifications" })
        {
            await coordinator.GotoAsync(host.BaseUrl + path);
            await Assertions.Expect(coordinator.Locator("main h1").First).ToBeVisibleAsync();
        }
        // A chart page and a plan page (progress bars, print button) use the moved styles and scripts.
        await coordinator.GotoAsync(host.BaseUrl + "/ParIndex");
        await coordinator.Locator("main table tbody tr a").Last.ClickAsync();
        await coordinator.ClickAsync("text=Kết quả, xếp hạng");
        (await coordinator.Locator("svg.par-chart").First.BoundingBoxAsync())!.Width.Should().BeLessThanOrEqualTo(901, "the chart's max width now comes from site.css");

        var snv = await host.SignInAsync("snv");
        await snv.GotoAsync(host.BaseUrl + "/Reports");
        await snv.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(snv.Locator("main h1").First).ToBeVisibleAsync();

        // Phone width: the menu opens with Bootstrap's script (allowed: a file from this site).
        var phone = await host.SignInAsync("leader", width: 390);
        await phone.ClickAsync("button.navbar-toggler");
        await Assertions.Expect(phone.Locator("#main-nav a[href='/Accounts/Password']")).ToBeVisibleAsync();

        host.CspViolations.Should().BeEmpty();
    }

    async Task<string> AddUserAsync()
    {
        var userName = "e2e" + Guid.NewGuid().ToString("N")[..6];
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new User { UserName = userName, DisplayName = "Nguyễn Văn An", Role = Role.Coordinator };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return userName;
    }

    const string Password = "Cay-da-gieng-nuoc-2025";

    [Fact]
    public async Task ChangePasswordAndTwoFactor_WorkAtDesktopAndPhoneWidths()
    {
        // Phone width: both pages fit and read.
        var phone = await host.SignInAsync(await AddUserAsync(), Password, 390);
        await phone.GotoAsync(host.BaseUrl + "/Accounts/Password");
        await E2EHost.ShotAsync(phone, "accounts-change-password-phone");
        await phone.GotoAsync(host.BaseUrl + "/Accounts/TwoFactor");
        await Assertions.Expect(phone.Locator("img.qr-code")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing runs off a phone screen");
        await E2EHost.ShotAsync(phone, "accounts-two-factor-phone");

        var userName = await AddUserAsync();
        var page = await host.SignInAsync(userName, Password);
        await page.GotoAsync(host.BaseUrl + "/Accounts/Password");
        await page.FillAsync("#CurrentPassword", Password);
        await page.FillAsync("#NewPassword", "matkhau123");
        await page.FillAsync("#ConfirmPassword", "matkhau123");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("quá phổ biến");
        await E2EHost.ShotAsync(page, "accounts-change-password");
        await page.FillAsync("#CurrentPassword", Password);
        await page.FillAsync("#NewPassword", "Hoa-sen-trong-dam-2026");
        await page.FillAsync("#ConfirmPassword", "Hoa-sen-trong-dam-2026");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Đã đổi mật khẩu");

        await page.GotoAsync(host.BaseUrl + "/Accounts/TwoFactor");
        var qr = page.Locator("img.qr-code");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(100, "the QR data image loads under the CSP");
        await E2EHost.ShotAsync(page, "accounts-two-factor");
        var key = (await page.InnerTextAsync("#twofactor-key")).Trim();
        await page.FillAsync("#enable-code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await page.ClickAsync("form[action*='handler=Enable'] button");
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Đã bật xác thực hai bước");

        // The next sign-in asks for the code (the next step's: this step's code was used to enrol).
        var again = await host.NewPageAsync();
        await again.GotoAsync(host.BaseUrl + "/Accounts/Login");
        await again.FillAsync("#UserName", userName);
        await again.FillAsync("#Password", "Hoa-sen-trong-dam-2026");
        await again.ClickAsync("button[type=submit]");
        await again.WaitForURLAsync(u => u.Contains("/Accounts/LoginCode"));
        await E2EHost.ShotAsync(again, "accounts-sign-in-code");
        await again.FillAsync("#Code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await again.ClickAsync("main button[type=submit]");
        await again.WaitForURLAsync(u => !u.Contains("/Accounts/"));

        host.CspViolations.Should().BeEmpty();
    }
}
