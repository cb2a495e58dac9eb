using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>The questionnaire builder (one line per factor or question), its preview, and copying another campaign's.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class QuestionnaireModel(AppDbContext db) : PageModel
{
    public SurveyCampaign Campaign { get; private set; } = null!;
    public Questionnaire Questionnaire { get; private set; } = new([]);
    public IReadOnlyDictionary<string, decimal> Weights { get; private set; } = new Dictionary<string, decimal>();
    public IReadOnlyList<SurveyCampaign> Others { get; private set; } = [];
    [BindProperty] public string Text { get; set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var campaign = await db.Set<SurveyCampaign>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return false;
        Campaign = campaign;
        Questionnaire = SurveyCampaigns.QuestionnaireOf(campaign);
        Weights = SurveyCampaigns.Weights(campaign);
        Others = await db.Set<SurveyCampaign>().AsNoTracking().Where(c => c.Id != id).OrderByDescending(c => c.Year).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Text = QuestionnaireText.Format(Questionnaire, Weights);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var text = Text;
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors = SurveyCampaigns.SetQuestionnaire(Campaign, text ?? "");
        Text = text ?? "";
        if (Errors.Count > 0) { Response.StatusCode = 422; return Page(); }
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã lưu phiếu hỏi (bản {0}).", Campaign.QuestionnaireRevision);
        return Redirect($"/Satisfaction/Campaigns/{id}/Questionnaire");
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, int from, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var source = Others.FirstOrDefault(c => c.Id == from);
        Errors = source is null ? ["Không có đợt khảo sát để sao chép."]
            : SurveyCampaigns.SetQuestionnaire(Campaign, QuestionnaireText.Format(SurveyCampaigns.QuestionnaireOf(source), SurveyCampaigns.Weights(source)));
        if (Errors.Count > 0) { Text = QuestionnaireText.Format(Questionnaire, Weights); Response.StatusCode = 422; return Page(); }
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã sao chép phiếu hỏi của \"{0}\".", source!.Title);
        return Redirect($"/Satisfaction/Campaigns/{id}/Questionnaire");
    }
}
