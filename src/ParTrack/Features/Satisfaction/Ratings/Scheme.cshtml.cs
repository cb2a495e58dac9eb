using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Ratings;

/// <summary>The rating scheme (criteria with their points, bands with their thresholds): each save is a new version.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class SchemeModel(RatingSchemes schemes) : PageModel
{
    public SchemeInForce Current { get; private set; } = null!;
    public IReadOnlyList<RatingSchemeVersion> History { get; private set; } = [];
    [BindProperty] public string? Criteria { get; set; }
    [BindProperty] public string? Bands { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    async Task LoadAsync(CancellationToken ct)
    {
        Current = await schemes.CurrentAsync(ct);
        History = await schemes.HistoryAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Criteria = RatingSchemeText.CriteriaText(Current.Scheme);
        Bands = RatingSchemeText.BandsText(Current.Scheme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (scheme, errors) = RatingSchemeText.Parse(Criteria, Bands, Limits.Name);
        Errors = errors;
        if (scheme is null) { Response.StatusCode = 422; return Page(); }
        try
        {
            var saved = await schemes.SaveAsync(scheme, ct);
            if (saved is null) this.SetMessage("Không có thay đổi; cách chấm điểm giữ nguyên.");
            else this.SetMessage("Đã lưu cách chấm điểm bản {0}: {1} tiêu chí, tối đa {2:0.##} điểm. Đánh giá gửi từ nay được chấm theo bản này.",
                saved.Number, scheme.Criteria.Count, scheme.Max);
        }
        catch (DbUpdateException)
        {
            Errors = ["Một người khác vừa lưu cách chấm điểm. Hãy tải lại trang, xem bản mới rồi sửa lại."];
            Response.StatusCode = 409;
            return Page();
        }
        return Redirect("/Satisfaction/Ratings/Scheme");
    }
}
