using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>A campaign: its state, public links and QR codes, units with their quotas and answers, the sampling frame upload.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class ShowModel(AppDbContext db, SamplingFrame sampling, SurveyResults results) : PageModel
{
    public sealed record UnitRow(SurveyUnit Unit, string Agency, int Responses, int Invitations, int Used);

    public SurveyCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];
    public List<string> Errors { get; } = [];
    /// <summary>The window of the "resolved dossiers" frame as typed (kept when refused), by default the campaign's.</summary>
    public string? FrameFrom { get; private set; }
    public string? FrameTo { get; private set; }
    public string FormUrl => SatisfactionApi.FormUrl(Request, Campaign.Code);

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var campaign = await db.Set<SurveyCampaign>().Include(c => c.Units).ThenInclude(u => u.Agency).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return false;
        Campaign = campaign;
        FrameFrom ??= campaign.OpensOn.ToString("dd/MM/yyyy");
        FrameTo ??= campaign.ClosesOn.ToString("dd/MM/yyyy");
        var answers = await db.Set<SurveyResponse>().Where(r => r.CampaignId == id && r.Verified).GroupBy(r => r.UnitId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var invitations = await db.Set<SurveyInvitation>().Where(i => i.CampaignId == id).GroupBy(i => i.UnitId)
            .Select(g => new { g.Key, N = g.Count(), Used = g.Count(i => i.Used) }).ToDictionaryAsync(x => x.Key, ct);
        Units = campaign.Units.OrderBy(u => u.Agency!.Name, StringComparer.Ordinal).Select(u => new UnitRow(u, u.Agency!.Name,
            answers.GetValueOrDefault(u.Id), invitations.TryGetValue(u.Id, out var i) ? i.N : 0, invitations.TryGetValue(u.Id, out var j) ? j.Used : 0)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, bool forward, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (SurveyCampaigns.Move(Campaign, forward) is { } error) { Errors.Add(error); Response.StatusCode = 422; return Page(); }
        if (Campaign.State == CampaignState.Published) await results.FreezeAsync(Campaign, ct);
        await db.SaveChangesAsync(ct);
        this.SetMessage("Trạng thái: {0}.", this.Localize(SatisfactionLabels.Of(Campaign.State)));
        return Redirect($"/Satisfaction/Campaigns/{id}");
    }

    /// <summary>The sampling frame as CSV (mã hồ sơ, đơn vị): quotas per unit and a new seeded draw of invitations.</summary>
    public async Task<IActionResult> OnPostFrameAsync(int id, IFormFile? file, long? seed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Campaign.State is CampaignState.Closed or CampaignState.Published) Errors.Add("Đợt khảo sát đã kết thúc; không chọn mẫu lại được.");
        else if (file is null || file.Length == 0) Errors.Add("Hãy chọn tệp CSV danh sách hồ sơ (hai cột: mã hồ sơ, đơn vị).");
        else if (file.Length > 20_000_000) Errors.Add("Tệp lớn hơn 20 MB. Hãy chia nhỏ danh sách.");
        if (Errors.Count > 0) { Response.StatusCode = 422; return Page(); }
        using var reader = new StreamReader(file!.OpenReadStream(), System.Text.Encoding.UTF8);
        var (frame, errors) = SamplingFrame.ReadCsv(await reader.ReadToEndAsync(ct),
            Campaign.Units.Select(u => (u.Id, u.Agency!.Name, u.Agency.ShortName)).ToList());
        if (errors.Count > 0) { Errors.AddRange(errors); Response.StatusCode = 422; return Page(); }
        return await DrawAsync(frame, seed, this.Localize("Đã đọc {0:N0} hồ sơ", frame.Count), ct);
    }

    /// <summary>The frame from the one-stop data: the dossiers each unit resolved between the two days typed.</summary>
    public async Task<IActionResult> OnPostDossierFrameAsync(int id, string? from, string? to, long? seed, CancellationToken ct)
    {
        (FrameFrom, FrameTo) = (from, to);
        if (!await LoadAsync(id, ct)) return NotFound();
        DateOnly fromDay = default, toDay = default;
        if (Campaign.State is CampaignState.Closed or CampaignState.Published) Errors.Add("Đợt khảo sát đã kết thúc; không chọn mẫu lại được.");
        else if (!FormInput.TryDate(from, out fromDay) || !FormInput.TryDate(to, out toDay)) Errors.Add("Hãy nhập khoảng ngày giải quyết dạng ngày/tháng/năm, ví dụ 01/01/2025 đến 31/03/2025.");
        else if (fromDay > toDay) Errors.Add("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
        if (Errors.Count > 0) { Response.StatusCode = 422; return Page(); }
        var read = await sampling.FromDossiersAsync(Campaign, fromDay, toDay, ct);
        if (read.Value is not { } frame) { Errors.AddRange(read.Messages); Response.StatusCode = 422; return Page(); }
        return await DrawAsync(frame, seed, this.Localize("Có {0:N0} hồ sơ được giải quyết từ {1:dd/MM/yyyy} đến {2:dd/MM/yyyy}", frame.Count, fromDay, toDay), ct);
    }

    /// <summary>The quota per unit and a seeded draw from the frame (a random seed is shown and stored to repeat it).</summary>
    async Task<IActionResult> DrawAsync(IReadOnlyList<FrameDossier> frame, long? seed, string read, CancellationToken ct)
    {
        var drawSeed = seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var drawn = await sampling.DrawAsync(Campaign, frame, drawSeed, ct);
        await db.SaveChangesAsync(ct);
        this.SetMessage("{0}; đã chọn {1:N0} hồ sơ nhận phiếu (hạt giống {2}).", read, drawn, drawSeed);
        return Redirect($"/Satisfaction/Campaigns/{Campaign.Id}");
    }

    /// <summary>The invitation codes with their dossier and link, for printing on receipts or sending.</summary>
    public async Task<IActionResult> OnGetInvitationsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var rows = await db.Set<SurveyInvitation>().AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.UnitId).ThenBy(i => i.DossierCode).ToListAsync(ct);
        var names = Units.ToDictionary(u => u.Unit.Id, u => u.Agency);
        var output = new MemoryStream();
        await using (var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true))
        await using (var csv = new CsvHelper.CsvWriter(writer, CsvCells.Writing()))
        {
            foreach (var h in new[] { "Đơn vị", "Mã hồ sơ", "Mã phiếu", "Đường dẫn", "Đã trả lời" }) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var i in rows)
            {
                foreach (var cell in new[] { names.GetValueOrDefault(i.UnitId, ""), i.DossierCode, i.Code, SatisfactionApi.FormUrl(Request, i.Code), i.Used ? "có" : "không" })
                    csv.WriteField(cell);
                await csv.NextRecordAsync();
            }
        }
        return File(output.ToArray(), "text/csv; charset=utf-8", $"ma-phieu-khao-sat-{id}.csv");
    }
}
