using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ParTrack.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInService signIn, IStringLocalizer<SharedResource> T, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập tên đăng nhập."), StringLength(100, ErrorMessage = "Tên đăng nhập dài tối đa {1} ký tự.")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu."), DataType(DataType.Password), StringLength(200, ErrorMessage = "Mật khẩu dài tối đa {1} ký tự.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.CheckAsync(UserName, Password);
        switch (result)
        {
            case SignInResult.Success ok:
                await SignInService.SignInAsync(HttpContext, ok.User);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInResult.LockedOut locked:
                var minutes = Math.Max(1, (int)Math.Ceiling((locked.UntilUtc - clock.GetUtcNow().UtcDateTime).TotalMinutes));
                Error = T["Tài khoản tạm bị khóa vì đăng nhập sai {0} lần liên tiếp. Vui lòng thử lại sau {1} phút hoặc nhờ quản trị viên mở khóa.",
                    SignInService.MaxFailures, minutes];
                break;
            case SignInResult.Inactive:
                Error = T["Tài khoản này đã ngừng hoạt động. Vui lòng liên hệ quản trị viên."];
                break;
            default:
                Error = T["Tên đăng nhập hoặc mật khẩu không đúng. Sau {0} lần sai liên tiếp, tài khoản bị khóa 15 phút.", SignInService.MaxFailures];
                break;
        }
        Response.StatusCode = StatusCodes.Status200OK;
        return Page();
    }
}
