using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>
/// QR images: the campaign's link, a desk's (unit) link, or a dossier receipt's (unit + dossier code prefilled as
/// ?hs=, so the citizen does not type it). PNG or SVG.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class QrModel(AppDbContext db) : PageModel
{
    async Task<string?> UrlAsync(int id, int? unit, string? dossier, CancellationToken ct)
    {
        var campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return null;
        if (unit is null) return SatisfactionApi.FormUrl(Request, campaign.Code);
        var desk = await db.Set<SurveyUnit>().AsNoTracking().Where(u => u.Id == unit && u.CampaignId == id).Select(u => u.DeskCode).FirstOrDefaultAsync(ct);
        if (desk is null) return null;
        var url = SatisfactionApi.FormUrl(Request, desk);
        return string.IsNullOrWhiteSpace(dossier) ? url : url + "?hs=" + Uri.EscapeDataString(SurveyCodes.NormalizeDossier(dossier));
    }

    public async Task<IActionResult> OnGetPngAsync(int id, int? unit, string? dossier, CancellationToken ct) =>
        await UrlAsync(id, unit, dossier, ct) is { } url ? File(SurveyQr.Png(url), "image/png", $"qr-khao-sat-{id}{(unit is null ? "" : "-" + unit)}.png") : NotFound();

    public async Task<IActionResult> OnGetSvgAsync(int id, int? unit, string? dossier, CancellationToken ct) =>
        await UrlAsync(id, unit, dossier, ct) is { } url ? File(System.Text.Encoding.UTF8.GetBytes(SurveyQr.Svg(url)), "image/svg+xml", $"qr-khao-sat-{id}{(unit is null ? "" : "-" + unit)}.svg") : NotFound();
}
