using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>
/// Paper forms typed by staff, and phone interviews recorded by the interviewer (/Phone): one row of small inputs per
/// sheet, keyboard only (digits and Tab, Enter saves); the response is marked with its mode. With double entry on, a
/// paper sheet counts once a second entry of the same number gives the same answers (an interview is entered once,
/// by the person who made it).
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class PaperModel(AppDbContext db, SurveyForm form) : PageModel
{
    public FormTarget Target { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; private set; } = [];
    public int Entered { get; private set; }
    public int Pending { get; private set; }
    public ResponseMode Mode { get; private set; }
    /// <summary>False when the campaign does not collect by this mode: the page says so and takes nothing.</summary>
    public bool Collects { get; private set; }

    async Task<bool> LoadAsync(int id, string mode, CancellationToken ct)
    {
        Mode = mode.Equals("Phone", StringComparison.OrdinalIgnoreCase) ? ResponseMode.Phone : ResponseMode.Paper;
        var code = await db.Set<SurveyCampaign>().Where(c => c.Id == id).Select(c => c.Code).FirstOrDefaultAsync(ct);
        if (code is null || await form.OpenAsync(code, ct) is not { } target) return false;
        Target = target;
        // Paper is always possible (staff type whatever came in on paper); phone only when the campaign collects by phone.
        Collects = Mode == ResponseMode.Paper || SurveyCampaigns.ModesOf(target.Campaign).Contains(ResponseMode.Phone);
        Entered = await db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == id && r.Mode == Mode && r.Verified, ct);
        Pending = await db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == id && r.Mode == Mode && !r.Verified, ct);
        return true;
    }

    string Here => $"/Satisfaction/Campaigns/{Target.Campaign.Id}/{Mode}";

    public async Task<IActionResult> OnGetAsync(int id, string mode, CancellationToken ct) => await LoadAsync(id, mode, ct) ? Page() : NotFound();

    public static string Field(Question q) => "q_" + q.Key;

    public async Task<IActionResult> OnPostAsync(int id, string mode, CancellationToken ct)
    {
        if (!await LoadAsync(id, mode, ct)) return NotFound();
        var (answers, errors) = Read(Target.Questionnaire, Request.Form, Mode);
        Errors = errors;
        if (!Collects) Errors["mode"] = "Đợt khảo sát này không thu phiếu qua điện thoại.";
        if (Target.Campaign.State is not (CampaignState.Open or CampaignState.Closed)) Errors["state"] = "Chỉ nhập phiếu khi đợt khảo sát đang nhận phiếu hoặc vừa kết thúc (chưa công bố).";
        if (string.IsNullOrWhiteSpace(answers.PaperNumber) || answers.PaperNumber.Length > Limits.Code) Errors["paper"] = $"Hãy nhập số phiếu ghi trên tờ phiếu (tối đa {Limits.Code} ký tự).";
        foreach (var e in SurveyForm.Check(Target, answers)) Errors.TryAdd(e.Key, e.Value);
        if (Errors.Count > 0) { Response.StatusCode = 422; return Page(); }
        var json = SurveyForm.AnswersJson(Target.Questionnaire, answers);
        var same = await db.Set<SurveyResponse>().Where(r => r.CampaignId == id && r.Mode == Mode && r.UnitId == answers.UnitId && r.PaperNumber == answers.PaperNumber).ToListAsync(ct);
        if (same.Any(r => r.Verified)) { Errors["paper"] = $"Phiếu số {answers.PaperNumber} của đơn vị này đã được nhập."; Response.StatusCode = 409; return Page(); }
        if (Mode == ResponseMode.Paper && Target.Campaign.DoubleEntry && same.FirstOrDefault() is { } first)
        {
            if (first.AnswersJson != json) { Errors["paper"] = $"Lần nhập thứ hai của phiếu số {answers.PaperNumber} khác lần thứ nhất. Hãy xem lại tờ phiếu và nhập lại; lần thứ nhất được giữ nguyên."; Response.StatusCode = 409; return Page(); }
            first.Verified = true;
            await db.SaveChangesAsync(ct);
            this.SetMessage("Phiếu số {0}: hai lần nhập khớp nhau, phiếu được tính.", answers.PaperNumber);
            return Redirect(Here);
        }
        await form.SubmitAsync(Target, answers, ct);
        this.SetMessage(Mode == ResponseMode.Paper && Target.Campaign.DoubleEntry
            ? "Đã nhập phiếu số {0} (lần 1; cần nhập lần 2 để đối chiếu)." : "Đã nhập phiếu số {0}.", answers.PaperNumber);
        return Redirect(Here);
    }

    /// <summary>Digits as typed: a level 1–5 per scale question, option numbers (e.g. "13" or "1 3") per expectation.</summary>
    static (FormAnswers, Dictionary<string, string>) Read(Questionnaire questionnaire, IFormCollection f, ResponseMode mode)
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
            mode, f["paper"].ToString().Trim()), errors);
    }
}
