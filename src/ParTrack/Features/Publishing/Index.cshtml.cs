using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>
/// The coordinator's "Công khai" page: every registered dataset's items, what is public, and "Công bố" / "Thu hồi",
/// each behind a confirmation that says what becomes public (or stops being). Works without script.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class IndexModel(Publications publications, CurrentUser me, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<PublishableItem> Items { get; private set; } = [];
    /// <summary>"publish" or "withdraw" with <see cref="Chosen"/>: the confirmation to show.</summary>
    public string? Confirm { get; private set; }
    public PublishableItem? Chosen { get; private set; }
    /// <summary>The table as it would be published now (publish confirmation only).</summary>
    public PublicTable? Preview { get; private set; }
    public string? Error { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(string? confirm, string? kind, string? key, CancellationToken ct)
    {
        Items = await publications.ListAsync(ct);
        Chosen = Items.FirstOrDefault(i => i.Dataset.Kind == kind && i.Item.Key == key);
        if (Chosen is null || confirm is not ("publish" or "withdraw")) return;
        if (confirm == "withdraw" && Chosen.Current is null) return;
        Confirm = confirm;
        if (confirm == "publish") Preview = await Chosen.Dataset.ReadAsync(Chosen.Item.Key, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string kind, string key, CancellationToken ct)
    {
        var outcome = await publications.PublishAsync(kind, key, me.UserName, ct);
        if (!outcome.IsOk) return await Failed(outcome.Message, kind, key, "publish", ct);
        TempData["Message"] = t["Đã công bố \"{0}\". Bảng đã lên trang công khai và dữ liệu mở.", outcome.Value!.Label].Value;
        return Redirect("/Publishing");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string kind, string key, CancellationToken ct)
    {
        var outcome = await publications.WithdrawAsync(kind, key, Reason, me.UserName, ct);
        if (!outcome.IsOk) return await Failed(outcome.Message, kind, key, "withdraw", ct);
        TempData["Message"] = t["Đã thu hồi \"{0}\" khỏi trang công khai.", outcome.Value!.Label].Value;
        return Redirect("/Publishing");
    }

    async Task<IActionResult> Failed(string? message, string kind, string key, string confirm, CancellationToken ct)
    {
        await OnGetAsync(confirm, kind, key, ct);
        if (Chosen is null) return NotFound();
        Error = message;
        return Page();
    }
}
