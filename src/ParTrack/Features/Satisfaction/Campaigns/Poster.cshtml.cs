using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>An A5 poster to print for a desk (or the whole campaign): the agency's name, the QR code and the short link.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class PosterModel(AppDbContext db) : PageModel
{
    public SurveyCampaign Campaign { get; private set; } = null!;
    public string Agency { get; private set; } = "";
    public string FormUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int? unit, CancellationToken ct)
    {
        var campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return NotFound();
        Campaign = campaign;
        if (unit is null) FormUrl = SatisfactionApi.FormUrl(Request, campaign.Code);
        else
        {
            var desk = await db.Set<SurveyUnit>().AsNoTracking().Where(u => u.Id == unit && u.CampaignId == id)
                .Select(u => new { u.DeskCode, u.Agency!.Name }).FirstOrDefaultAsync(ct);
            if (desk is null) return NotFound();
            Agency = desk.Name;
            FormUrl = SatisfactionApi.FormUrl(Request, desk.DeskCode);
        }
        // The image is in the page (CSP allows data: images), so the printed poster needs nothing else.
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(SurveyQr.Png(FormUrl, 12));
        return Page();
    }
}
