using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>"Đổi mật khẩu": every signed-in user changes their own password; other sessions end.</summary>
public sealed class PasswordModel(AppDbContext db, IPasswordHasher<User> hasher, PasswordPolicy policy, CurrentUser me,
    ClientThrottle throttle, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại."), DataType(DataType.Password), StringLength(PasswordPolicy.MaxLength, ErrorMessage = "Mật khẩu dài tối đa {1} ký tự.")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập mật khẩu mới."), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới."), DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me.Id);
        if (user is null) return NotFound();
        var client = SignInService.Client(HttpContext);
        if (throttle.Wait(client) is { } wait)
            ModelState.AddModelError(nameof(CurrentPassword), T["Có quá nhiều lần nhập sai. Vui lòng thử lại sau {0} giây.", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))]);
        else if (ModelState.IsValid && hasher.VerifyHashedPassword(user, user.PasswordHash, CurrentPassword) == PasswordVerificationResult.Failed)
        {
            throttle.Failed(client);
            ModelState.AddModelError(nameof(CurrentPassword), T["Mật khẩu hiện tại không đúng."]);
        }
        if (policy.Check(NewPassword, user.UserName, T) is { } problem) ModelState.AddModelError(nameof(NewPassword), problem);
        else if (NewPassword == CurrentPassword) ModelState.AddModelError(nameof(NewPassword), T["Mật khẩu mới phải khác mật khẩu hiện tại."]);
        if (ConfirmPassword != NewPassword) ModelState.AddModelError(nameof(ConfirmPassword), T["Hai lần nhập mật khẩu mới không khớp."]);
        if (!ModelState.IsValid) return Page();

        user.PasswordHash = hasher.HashPassword(user, NewPassword);
        user.SecurityStamp = Data.User.NewStamp();
        await db.SaveChangesAsync();
        // This browser stays signed in with the new stamp; every other session of the account ends.
        await SignInService.SignInAsync(HttpContext, user, withCode: me.UsedTwoFactor);
        TempData["Message"] = T["Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc."].Value;
        return RedirectToPage("Password");
    }
}
