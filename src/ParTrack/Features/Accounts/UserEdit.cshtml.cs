using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Create or edit an account: role, agency (officers), password reset, unlock, two-factor reset,
/// deactivate. A password reset, a 2FA reset and a deactivation end the account's sessions.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UserEditModel(AppDbContext db, IPasswordHasher<User> hasher, PasswordPolicy policy, FormOnce formOnce, CurrentUser me,
    TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{

    public sealed class UserInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập."), StringLength(Limits.ShortText, ErrorMessage = "Tên đăng nhập dài tối đa {1} ký tự.")]
        [RegularExpression(@"^[a-zA-Z0-9._-]+$", ErrorMessage = "Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập họ tên."), StringLength(Limits.Name, ErrorMessage = "Họ tên dài tối đa {1} ký tự.")]
        public string DisplayName { get; set; } = "";

        public Role Role { get; set; } = Role.AgencyOfficer;
        public int? AgencyId { get; set; }
        public bool Active { get; set; } = true;

        public string? NewPassword { get; set; }

        public Guid? Version { get; set; }
    }

    [BindProperty] public UserInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public bool Locked { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    public List<SelectListItem> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is not null)
        {
            var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (u is null) return NotFound();
            Input = new UserInput { UserName = u.UserName, DisplayName = u.DisplayName, Role = u.Role, AgencyId = u.AgencyId, Active = u.Active, Version = u.Version };
        }
        await LoadAgenciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (id is null && await formOnce.EarlierResultAsync() is { } earlier) return LocalRedirect(earlier);
        User? user = null;
        if (id is not null)
        {
            user = await db.Users.FirstOrDefaultAsync(x => x.Id == id);
            if (user is null) return NotFound();
            db.Entry(user).Property(x => x.Version).OriginalValue = Input.Version ?? user.Version;
        }
        var name = Input.UserName.Trim().ToLowerInvariant();
        if (Input.Role == Role.AgencyOfficer && Input.AgencyId is null)
            ModelState.AddModelError("Input.AgencyId", T["Cán bộ cơ quan phải gắn với một cơ quan."]);
        if (Input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId))
            ModelState.AddModelError("Input.AgencyId", T["Cơ quan không tồn tại."]);
        if (await db.Users.AnyAsync(u => u.UserName == name && u.Id != id))
            ModelState.AddModelError("Input.UserName", T["Tên đăng nhập \"{0}\" đã có người dùng.", name]);
        if (id is null && string.IsNullOrEmpty(Input.NewPassword))
            ModelState.AddModelError("Input.NewPassword", T["Vui lòng đặt mật khẩu cho tài khoản mới."]);
        if (!string.IsNullOrEmpty(Input.NewPassword) && policy.Check(Input.NewPassword, name, T) is { } problem)
            ModelState.AddModelError("Input.NewPassword", problem);
        if (id is not null && id == me.Id && (!Input.Active || Input.Role != Role.Administrator))
            ModelState.AddModelError("", T["Không thể tự bỏ quyền quản trị hoặc tự ngừng tài khoản của mình."]);
        if (!ModelState.IsValid)
        {
            // The same form posted twice at once: the first post's account now holds the name; go where it went.
            if (id is null && await formOnce.EarlierResultAsync() is { } first) return LocalRedirect(first);
            await LoadAgenciesAsync();
            return Page();
        }

        user ??= new User();
        user.UserName = name;
        user.DisplayName = Input.DisplayName.Trim();
        user.Role = Input.Role;
        // Only officers are bound to an agency; others see the whole province.
        user.AgencyId = Input.Role == Role.AgencyOfficer ? Input.AgencyId : null;
        if (user.Active && !Input.Active) user.SecurityStamp = Data.User.NewStamp();
        user.Active = Input.Active;
        if (!string.IsNullOrEmpty(Input.NewPassword))
        {
            user.PasswordHash = hasher.HashPassword(user, Input.NewPassword);
            user.FailedLogins = 0;
            user.LockedUntilUtc = null;
            user.LockOuts = 0;
            // Whoever knew the old password (or holds a session opened with it) is out.
            user.SecurityStamp = Data.User.NewStamp();
        }
        if (id is null) db.Users.Add(user);
        try
        {
            var target = await formOnce.SaveChangesAsync(() => Url.Page("Users")!);
            TempData["Message"] = T["Đã lưu tài khoản {0}.", user.UserName].Value;
            return LocalRedirect(target);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T[ApiExceptionHandler.ConcurrencyMessage]);
            await LoadAgenciesAsync();
            return Page();
        }
    }

    /// <summary>Lifts a lock-out before it is over and starts the growing lock times again (audited as a change).</summary>
    public async Task<IActionResult> OnPostUnlockAsync(int id)
    {
        var user = await db.Users.FirstOrDefaultAsync(x => x.Id == id);
        if (user is null) return NotFound();
        user.LockedUntilUtc = null;
        user.FailedLogins = 0;
        user.LockOuts = 0;
        await db.SaveChangesAsync();
        TempData["Message"] = T["Đã mở khóa tài khoản {0}.", user.UserName].Value;
        return RedirectToPage("Users");
    }

    /// <summary>A user who lost the phone: two-factor sign-in is turned off (audited) and sessions end.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(int id)
    {
        var user = await db.Users.FirstOrDefaultAsync(x => x.Id == id);
        if (user is null) return NotFound();
        TwoFactor.Reset(user);
        await db.SaveChangesAsync();
        TempData["Message"] = T["Đã tắt xác thực hai bước của tài khoản {0}; người dùng có thể bật lại với điện thoại mới.", user.UserName].Value;
        return RedirectToPage("Users");
    }

    async Task LoadAgenciesAsync()
    {
        Agencies = await Features.Agencies.AgencyChoices.ForSelectAsync(db);
        if (Id is null) return;
        var state = await db.Users.AsNoTracking().Where(u => u.Id == Id).Select(u => new { u.LockedUntilUtc, u.TwoFactorEnabled }).FirstOrDefaultAsync();
        Locked = state?.LockedUntilUtc > clock.GetUtcNow().UtcDateTime;
        TwoFactorEnabled = state?.TwoFactorEnabled == true;
    }
}
