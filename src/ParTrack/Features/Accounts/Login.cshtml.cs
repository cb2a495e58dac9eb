using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ParTrack.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInService signIn, Agencies.MovedAccounts moves, IStringLocalizer<SharedResource> T, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập tên đăng nhập."), StringLength(100, ErrorMessage = "Tên đăng nhập dài tối đa {1} ký tự.")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu."), DataType(DataType.Password), StringLength(200, ErrorMessage = "Mật khẩu dài tối đa {1} ký tự.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    /// <summary>Signed in, and first told that a reorganisation moved the account (then <see cref="ContinueUrl"/>).</summary>
    public string? Notice { get; private set; }
    public string? ContinueUrl { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.CheckAsync(UserName, Password);
        switch (result)
        {
            case SignInResult.Success ok:
                await SignInService.SignInAsync(HttpContext, ok.User);
                var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
                if (await moves.LatestAsync(ok.User.Id, unseenOnly: true) is { ToName: not null } moved)
                {
                    await moves.MarkSeenAsync(ok.User.Id);
                    Notice = T["Tài khoản của {0} đã chuyển sang {1} từ ngày {2}.", moved.FromName, moved.ToName, moved.On.ToString("dd/MM/yyyy")]
                        + (moved.Note is null ? "" : $" ({moved.Note})");
                    ContinueUrl = target;
                    return Page();
                }
                return LocalRedirect(target);
            case SignInResult.LockedOut locked:
                var minutes = Math.Max(1, (int)Math.Ceiling((locked.UntilUtc - clock.GetUtcNow().UtcDateTime).TotalMinutes));
                Error = T["Tài khoản tạm bị khóa vì đăng nhập sai {0} lần liên tiếp. Vui lòng thử lại sau {1} phút hoặc nhờ quản trị viên mở khóa.",
                    SignInService.MaxFailures, minutes];
                break;
            case SignInResult.Inactive { UserId: int id } when await moves.LatestAsync(id, unseenOnly: false) is { } why:
                Error = T["Tài khoản của {0} đã ngừng hoạt động vì {0} đã {1} {2} từ ngày {3}. Vui lòng liên hệ quản trị viên để được cấp tài khoản của cơ quan mới.",
                    why.FromName, T[ChangeWords(why.Kind)], why.Successors, why.On.ToString("dd/MM/yyyy")];
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

    static string ChangeWords(Agencies.ChangeKind kind) => kind switch
    {
        Agencies.ChangeKind.Split => "chia tách thành",
        Agencies.ChangeKind.Rename => "đổi tên thành",
        _ => "hợp nhất vào",
    };
}
