using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>
/// "Xác thực hai bước": a user turns on sign-in with an authenticator app (scan the QR code, type the
/// first code) or off (with a code). Administrators must have it when `Security:RequireTwoFactorForAdmins`.
/// </summary>
public sealed class TwoFactorModel(AppDbContext db, TwoFactor twoFactor, CurrentUser me, IConfiguration config,
    IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    /// <summary>The key being enrolled, sealed by the server (the page holds no readable secret but the one shown).</summary>
    [BindProperty] public string? SealedKey { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await UserAsync() is not { } user) return NotFound();
        Show(user, TwoFactor.NewKey());
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await UserAsync() is not { } user) return NotFound();
        if (user.TwoFactorEnabled) return RedirectToPage();
        if (twoFactor.Unseal(SealedKey) is not { } key)
        {
            Error = T["Trang đã mở quá lâu (15 phút). Hãy quét mã QR mới dưới đây."];
            Show(user, TwoFactor.NewKey());
            return Page();
        }
        if (await twoFactor.EnableAsync(user, key, Code, HttpContext.RequestAborted) is { IsOk: false } wrong)
        {
            Error = T[wrong.Message!];
            Show(user, key);
            return Page();
        }
        await SignInService.SignInAsync(HttpContext, user, withCode: true);
        TempData["Message"] = T["Đã bật xác thực hai bước. Từ lần đăng nhập sau, bạn cần nhập mã từ ứng dụng xác thực."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await UserAsync() is not { } user) return NotFound();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        if (RequiredFor(user))
        {
            Error = T["Tài khoản quản trị bắt buộc dùng xác thực hai bước; không thể tắt."];
        }
        else if (!(await twoFactor.AcceptAsync(user, Code, HttpContext.RequestAborted)).IsOk)
        {
            // The service's refusal says nothing of why (for sign-in); here the user is told what the code was for.
            Error = T["Mã không đúng hoặc đã dùng. Nhập mã mới đang hiện trong ứng dụng để tắt xác thực hai bước."];
        }
        else
        {
            TwoFactor.Reset(user);
            await db.SaveChangesAsync();
            await SignInService.SignInAsync(HttpContext, user);
            TempData["Message"] = T["Đã tắt xác thực hai bước."].Value;
            return RedirectToPage();
        }
        Show(user, TwoFactor.NewKey());
        return Page();
    }

    bool RequiredFor(User user) => user.Role == Role.Administrator && config.GetValue("Security:RequireTwoFactorForAdmins", false);

    Task<User?> UserAsync() => db.Users.FirstOrDefaultAsync(u => u.Id == me.Id);

    void Show(User user, string key)
    {
        Enabled = user.TwoFactorEnabled;
        Required = RequiredFor(user);
        if (Enabled) return;
        Key = key;
        SealedKey = twoFactor.Seal(key);
        QrCode = TwoFactor.QrDataUri(user.UserName, key);
        Code = null;
        ModelState.Remove(nameof(Code));
        ModelState.Remove(nameof(SealedKey));
    }
}
