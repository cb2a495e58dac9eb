using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>
/// Paper forms typed by staff: one row of small inputs per sheet, keyboard only (digits and Tab, Enter saves).
/// With double entry on, a sheet counts once a second entry of the same number gives the same answers.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class PaperModel(AppDbContext db, SurveyForm form) : PageModel
{
    public FormTarget Target { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; private set; } = [];
    public int Entered { get; private set; }
    public int Pending { get; private set; }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var code = await db.Set<SurveyCampaign>().Where(c => c.Id == id).Select(c => c.Code).FirstOrDefaultAsync(ct);
        if (code is null || await form.OpenAsync(code, ct) is not { } target) return false;
        Target = target;
        Entered = await db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == id && r.Mode == ResponseMode.Paper && r.Verified, ct);
        Pending = await db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == id && r.Mode == ResponseMode.Paper && !r.Verified, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public static string Field(Question q) => "q_" + q.Key;

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (answers, errors) = Read(Target.Questionnaire, Request.Form);
        Errors = errors;
        if (Target.Campaign.State is not (CampaignState.Open or CampaignState.Closed)) Errors["state"] = "Chỉ nhập phiếu giấy khi đợt khảo sát đang nhận phiếu hoặc vừa kết thúc (chưa công bố).";
        if (string.IsNullOrWhiteSpace(answers.PaperNumber) || answers.PaperNumber.Length > Limits.Code) Errors["paper"] = $"Hãy nhập số phiếu ghi trên tờ phiếu (tối đa {Limits.Code} ký tự).";
        foreach (var e in SurveyForm.Check(Target, answers)) Errors.TryAdd(e.Key, e.Value);
        if (Errors.Count > 0) { Response.StatusCode = 422; return Page(); }
        var json = SurveyForm.AnswersJson(Target.Questionnaire, answers);
        var same = await db.Set<SurveyResponse>().Where(r => r.CampaignId == id && r.Mode == ResponseMode.Paper && r.UnitId == answers.UnitId && r.PaperNumber == answers.PaperNumber).ToListAsync(ct);
        if (same.Any(r => r.Verified)) { Errors["paper"] = $"Phiếu số {answers.PaperNumber} của đơn vị này đã được nhập."; Response.StatusCode = 409; return Page(); }
        if (Target.Campaign.DoubleEntry && same.FirstOrDefault() is { } first)
        {
            if (first.AnswersJson != json) { Errors["paper"] = $"Lần nhập thứ hai của phiếu số {answers.PaperNumber} khác lần thứ nhất. Hãy xem lại tờ phiếu và nhập lại; lần thứ nhất được giữ nguyên."; Response.StatusCode = 409; return Page(); }
            first.Verified = true;
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"Phiếu số {answers.PaperNumber}: hai lần nhập khớp nhau, phiếu được tính.";
            return Redirect($"/Satisfaction/Campaigns/{id}/Paper");
        }
        await form.SubmitAsync(Target, answers, ct);
        TempData["Message"] = Target.Campaign.DoubleEntry ? $"Đã nhập phiếu số {answers.PaperNumber} (lần 1; cần nhập lần 2 để đối chiếu)." : $"Đã nhập phiếu số {answers.PaperNumber}.";
        return Redirect($"/Satisfaction/Campaigns/{id}/Paper");
    }

    /// <summary>Digits as typed: a level 1–5 per scale question, option numbers (e.g. "13" or "1 3") per expectation.</summary>
    static (FormAnswers, Dictionary<string, string>) Read(Questionnaire questionnaire, IFormCollection f)
    {
        var errors = new Dictionary<string, string>();
        var levels = new Dictionary<string, int>();
        var choices = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var q in questionnaire.Questions)
        {
            var text = f[Field(q)].ToString().Trim();
            if (text.Length == 0) continue;
            if (q.Kind == QuestionKind.Expectation)
            {
                var picked = text.Where(char.IsDigit).Select(d => d - '0').Distinct().ToList();
                if (picked.Any(n => n < 1 || n > (q.Options?.Count ?? 0))) { errors[q.Key] = $"Câu {q.Key}: số lựa chọn phải từ 1 đến {q.Options?.Count ?? 0}."; continue; }
                choices[q.Key] = picked.Select(n => q.Options![n - 1]).ToList();
            }
            else if (int.TryParse(text, out var level) && level is >= 1 and <= 5) levels[q.Key] = level;
            else errors[q.Key] = $"Câu {q.Key}: nhập một số từ 1 đến 5 (hoặc để trống).";
        }
        return (new FormAnswers(levels, choices, int.TryParse(f["unit"], out var unit) ? unit : null, null, null, null, null,
            ResponseMode.Paper, f["paper"].ToString().Trim()), errors);
    }
}
