using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Notifications;

/// <summary>
/// "Nhận thông báo qua e-mail": each signed-in user chooses, for their own account only, the address and the topics
/// they are e-mailed about (or none). Saved through SaveChanges, so the audit log records the change.
/// </summary>
public sealed class EmailModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public List<MailTopics> Topics { get; set; } = [];

    /// <summary>The topics this user's role is told about (a coordinator is told of submissions, an agency of reviews).</summary>
    public IReadOnlyList<MailTopics> Offered => me.IsOfficer
        ? [MailTopics.ReportsReviewed, MailTopics.Deadlines, MailTopics.ParSteps]
        : me.IsCoordinator ? [MailTopics.ReportsSubmitted, MailTopics.ParSteps] : [];

    public static string Label(MailTopics t) => t switch
    {
        MailTopics.ReportsSubmitted => "Cơ quan gửi hoặc gửi lại báo cáo",
        MailTopics.ReportsReviewed => "Báo cáo của cơ quan bị trả lại hoặc được tiếp nhận",
        MailTopics.Deadlines => "Nhắc hạn gửi báo cáo, hạn nộp tự đánh giá",
        _ => "Các bước Chỉ số CCHC được mở, đóng, công bố kết quả",
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (me.Id is not { } id) return Forbid();
        var choice = await db.Set<EmailChoice>().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == id);
        Address = choice?.Address;
        Topics = choice is null ? [] : Enum.GetValues<MailTopics>().Where(t => t != MailTopics.None && choice.Topics.HasFlag(t)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (me.Id is not { } id) return Forbid();
        var address = SafeText.Normalize(Address)?.Trim();
        var topics = Topics.Where(Offered.Contains).Aggregate(MailTopics.None, (all, t) => all | t);
        // A bad address refuses the whole save: the stored choice stays as it was.
        if (address is { Length: > 0 } && (address.Length > Limits.Name || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
            ModelState.AddModelError(nameof(Address), $"Địa chỉ e-mail \"{Cut(address)}\" không hợp lệ. Hãy nhập dạng ten@coquan.gov.vn; lựa chọn đã lưu được giữ nguyên.");
        else if (topics != MailTopics.None && string.IsNullOrEmpty(address))
            ModelState.AddModelError(nameof(Address), "Hãy nhập địa chỉ e-mail để nhận thông báo, hoặc bỏ chọn mọi nội dung.");
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var choice = await db.Set<EmailChoice>().FirstOrDefaultAsync(c => c.UserId == id);
        if (choice is null) db.Add(choice = new EmailChoice { UserId = id });
        choice.Address = string.IsNullOrEmpty(address) ? null : address;
        choice.Topics = topics;
        await db.SaveChangesAsync();
        this.SetMessage(topics == MailTopics.None ? "Đã lưu: bạn không nhận thông báo qua e-mail." : "Đã lưu lựa chọn nhận thông báo qua e-mail.");
        return Redirect("/Notifications/Email");
    }

    static string Cut(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
