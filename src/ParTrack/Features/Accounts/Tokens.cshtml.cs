using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Integration tokens for machine clients of the API (docs/security.md): an administrator issues one (its secret is
/// shown once, only its hash is kept) and revokes it. A token never acts as an administrator.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TokensModel(AppDbContext db, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>The roles a token may act as (with an agency it always acts as that agency's officer).</summary>
    public static readonly Role[] Roles = [Role.Coordinator, Role.Leader, Role.Appraiser, Role.AgencyOfficer];

    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public Role Role { get; set; } = Role.Leader;
        public int? AgencyId { get; set; }
        public DateOnly? Expires { get; set; }
    }

    public sealed record Row(int Id, string Name, Role Role, string? Agency, string CreatedBy, DateTime CreatedUtc,
        DateTime ExpiresUtc, DateTime? LastUsedUtc, DateTime? RevokedUtc);

    [BindProperty] public TokenInput Input { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Agencies { get; private set; } = [];
    /// <summary>The secret of the token just issued: in this answer only, never stored or shown again.</summary>
    public string? NewSecret { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Input.Expires = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError("Input.Name", T["Vui lòng đặt tên cho mã truy cập (ví dụ: hệ thống một cửa)."]);
        else if (name.Length > Limits.ShortText) ModelState.AddModelError("Input.Name", T["Tên dài tối đa {0} ký tự.", Limits.ShortText]);
        if (!Roles.Contains(Input.Role)) ModelState.AddModelError("Input.Role", T["Mã truy cập không thể mang quyền quản trị."]);
        if (Input.Role == Role.AgencyOfficer && Input.AgencyId is null)
            ModelState.AddModelError("Input.AgencyId", T["Cán bộ cơ quan phải gắn với một cơ quan."]);
        if (Input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId))
            ModelState.AddModelError("Input.AgencyId", T["Cơ quan không tồn tại."]);
        if (Input.Expires is not { } expires || expires <= DateOnly.FromDateTime(now))
            ModelState.AddModelError("Input.Expires", T["Vui lòng chọn ngày hết hạn sau hôm nay."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var secret = TokenSecret.New();
        db.IntegrationTokens.Add(new IntegrationToken
        {
            Name = name,
            SecretHash = TokenSecret.Hash(secret),
            Role = Input.AgencyId is null ? Input.Role : Role.AgencyOfficer,
            AgencyId = Input.AgencyId,
            CreatedBy = me.UserName,
            CreatedUtc = now,
            ExpiresUtc = Input.Expires!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        // Shown in this answer, not after a redirect: the secret must not travel through TempData or a URL.
        NewSecret = secret;
        ModelState.Clear();
        Input = new TokenInput { Expires = DateOnly.FromDateTime(now).AddYears(1) };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var token = await db.IntegrationTokens.FirstOrDefaultAsync(t => t.Id == id);
        if (token is null) TempData["Message"] = T["Không tìm thấy mã truy cập."].Value;
        else if (token.RevokedUtc is null)
        {
            token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            TempData["Message"] = T["Đã thu hồi mã truy cập {0}.", token.Name].Value;
        }
        return RedirectToPage();
    }

    async Task LoadAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Agencies = await Features.Agencies.AgencyChoices.ForSelectAsync(db);
        Rows = await db.IntegrationTokens.AsNoTracking().OrderByDescending(t => t.CreatedUtc)
            .Select(t => new Row(t.Id, t.Name, t.Role, t.Agency != null ? t.Agency.Name : null, t.CreatedBy, t.CreatedUtc,
                t.ExpiresUtc, t.LastUsedUtc, t.RevokedUtc))
            .ToListAsync();
    }
}
