using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInService signIn, Agencies.MovedAccounts moves, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>
    /// The one answer to every failure (unknown name, wrong password, inactive or locked account), so a
    /// guesser cannot tell which names exist or which accounts it has locked.
    /// </summary>
    public const string Refused =
        "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Sau {0} lần sai liên tiếp, tài khoản bị khóa từ 1 đến 15 phút; nếu cần, hãy nhờ quản trị viên.";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập tên đăng nhập."), StringLength(100, ErrorMessage = "Tên đăng nhập dài tối đa {1} ký tự.")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu."), DataType(DataType.Password), StringLength(PasswordPolicy.MaxLength, ErrorMessage = "Mật khẩu dài tối đa {1} ký tự.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    /// <summary>Signed in, and first told that a reorganisation moved the account (then <see cref="ContinueUrl"/>).</summary>
    public string? Notice { get; private set; }
    public string? ContinueUrl { get; private set; }

    public void OnGet() { }

    /// <summary>The answer to a client that must wait (ClientThrottle), shared by both sign-in steps.</summary>
    public static string TryLater(IStringLocalizer T, TimeSpan wait) =>
        T["Có quá nhiều lần đăng nhập sai từ máy này. Vui lòng thử lại sau {0} giây.", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))];

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.CheckAsync(UserName, Password, SignInService.Client(HttpContext), HttpContext.RequestAborted);
        switch (result)
        {
            case SignInResult.Success ok:
                await SignInService.SignInAsync(HttpContext, ok.User);
                var target = LocalUrl.OrDefault(ReturnUrl, "/");
                if (await moves.LatestAsync(ok.User.Id, unseenOnly: true) is { ToName: not null } moved)
                {
                    await moves.MarkSeenAsync(ok.User.Id);
                    Notice = T["Tài khoản của {0} đã chuyển sang {1} từ ngày {2}.", moved.FromName, moved.ToName, moved.On.ToString("dd/MM/yyyy")]
                        + (moved.Note is null ? "" : $" ({moved.Note})");
                    ContinueUrl = target;
                    return Page();
                }
                return LocalRedirect(target);
            case SignInResult.NeedsCode pending:
                await HttpContext.SignInAsync(AccountsSetup.PendingScheme, new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(Claims.UserId, pending.User.Id.ToString()), new Claim(Claims.Stamp, pending.User.SecurityStamp)], AccountsSetup.PendingScheme)));
                return RedirectToPage("LoginCode", new { ReturnUrl = LocalUrl.OrDefault(ReturnUrl, "/") });
            case SignInResult.Throttled wait:
                Error = LoginModel.TryLater(T, wait.RetryAfter);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case SignInResult.Inactive { UserId: var id } when await moves.LatestAsync(id, unseenOnly: false) is { } why:
                Error = T["Tài khoản của {0} đã ngừng hoạt động vì {0} đã {1} {2} từ ngày {3}. Vui lòng liên hệ quản trị viên để được cấp tài khoản của cơ quan mới.",
                    why.FromName, T[ChangeWords(why.Kind)], why.Successors, why.On.ToString("dd/MM/yyyy")];
                return Page();
            default:
                Error = T[Refused, SignInService.MaxFailures];
                return Page();
        }
    }

    static string ChangeWords(Agencies.ChangeKind kind) => kind switch
    {
        Agencies.ChangeKind.Split => "chia tách thành",
        Agencies.ChangeKind.Rename => "đổi tên thành",
        _ => "hợp nhất vào",
    };
}
