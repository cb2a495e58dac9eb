using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Accounts;

/// <summary>The second sign-in step for accounts with two-factor sign-in: the authenticator app's code.</summary>
[AllowAnonymous]
public sealed class LoginCodeModel(SignInService signIn, TwoFactor twoFactor, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mã 6 chữ số."), StringLength(20, ErrorMessage = "Mã gồm 6 chữ số.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    /// <summary>No password step in the last 5 minutes: the page says so and links back to the login.</summary>
    public bool Expired { get; private set; }

    public async Task OnGetAsync() => Expired = await PendingAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingAsync() is not { } pending)
        {
            Expired = true;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var result = await signIn.CheckCodeAsync(pending.UserId, pending.Stamp, Code, twoFactor, SignInService.Client(HttpContext), HttpContext.RequestAborted);
        switch (result)
        {
            case SignInResult.Success ok:
                await HttpContext.SignOutAsync(AccountsSetup.PendingScheme);
                await SignInService.SignInAsync(HttpContext, ok.User, withCode: true);
                return LocalRedirect(LocalUrl.OrDefault(ReturnUrl, "/"));
            case SignInResult.Throttled wait:
                Error = LoginModel.TryLater(T, wait.RetryAfter);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Error = T["Mã không đúng hoặc đã dùng, hoặc tài khoản đang tạm khóa. Hãy nhập mã mới đang hiện trong ứng dụng xác thực."];
                return Page();
        }
    }

    async Task<(int UserId, string Stamp)?> PendingAsync()
    {
        var pending = await HttpContext.AuthenticateAsync(AccountsSetup.PendingScheme);
        return pending.Succeeded && int.TryParse(pending.Principal.FindFirst(Claims.UserId)?.Value, out var id)
            ? (id, pending.Principal.FindFirst(Claims.Stamp)?.Value ?? "") : null;
    }
}
