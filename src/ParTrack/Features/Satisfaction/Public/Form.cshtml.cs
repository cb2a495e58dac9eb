using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Features.Satisfaction.Public;

/// <summary>
/// The citizen's form (no sign-in), opened from a QR code or short link: /ks/{code}. Its own small layout with
/// no navigation and no link anywhere else in the app; works without JavaScript; posts are rate limited per client.
/// </summary>
[AllowAnonymous, EnableRateLimiting(SatisfactionSetup.BurstPolicy)]
public sealed class FormModel(SurveyForm form) : PageModel
{
    public FormTarget? Target { get; private set; }
    /// <summary>Shown instead of the form: unknown code, closed campaign, invitation already used.</summary>
    public string? Notice { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public FormAnswers Posted { get; private set; } = new(new Dictionary<string, int>(), new Dictionary<string, IReadOnlyList<string>>());

    public const string Answered = "Phiếu này đã được trả lời. Cảm ơn Ông/Bà đã tham gia khảo sát.";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await OpenAsync(code, ct)) return Page();
        if (Target!.Invitation is { Used: true }) Notice = Answered;
        // A dossier receipt's QR code carries its dossier code (?hs=), so the citizen does not type it.
        if (Request.Query["hs"].FirstOrDefault() is { Length: > 0 and <= 100 } dossier) Posted = Posted with { DossierCode = dossier };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await OpenAsync(code, ct)) return Page();
        Posted = Read(Target!.Questionnaire, Request.Form);
        Errors = SurveyForm.Check(Target, Posted);
        if (Errors.Count > 0) { Response.StatusCode = StatusCodes.Status422UnprocessableEntity; return Page(); }
        switch (await form.SubmitAsync(Target, Posted, ct))
        {
            case SubmitResult.Saved:
                return Redirect("/ks/cam-on");
            case SubmitResult.AlreadyAnswered:
                Response.StatusCode = StatusCodes.Status409Conflict;
                if (Target.Invitation is not null) Notice = Answered;
                else Errors["dossier"] = "Hồ sơ này đã được đánh giá trong đợt khảo sát. Mỗi hồ sơ chỉ gửi một phiếu.";
                return Page();
            default:
                Notice = "Đợt khảo sát hiện không nhận phiếu. Cảm ơn Ông/Bà đã quan tâm.";
                return Page();
        }
    }

    async Task<bool> OpenAsync(string code, CancellationToken ct)
    {
        Target = await form.OpenAsync(code, ct);
        if (Target is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Notice = "Không tìm thấy phiếu khảo sát với mã này. Hãy quét lại mã QR hoặc kiểm tra đường dẫn.";
            return false;
        }
        if (!form.IsOpen(Target.Campaign))
        {
            Notice = "Đợt khảo sát hiện không nhận phiếu. Cảm ơn Ông/Bà đã quan tâm.";
            return false;
        }
        return true;
    }

    public static string Field(Question q) => "q_" + q.Key;

    /// <summary>The posted form as answers; a value that is not a level or option is dropped and reported by Check.</summary>
    public static FormAnswers Read(Questionnaire questionnaire, IFormCollection f, ResponseMode mode = ResponseMode.Online)
    {
        var levels = new Dictionary<string, int>();
        var choices = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var q in questionnaire.Questions)
        {
            var values = f[Field(q)];
            if (q.Kind == QuestionKind.Expectation) choices[q.Key] = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().ToList();
            else if (values.FirstOrDefault() is { Length: > 0 } v) levels[q.Key] = int.TryParse(v, out var level) ? level : 0;
        }
        static string? Text(IFormCollection f, string name) => f[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        return new FormAnswers(levels, choices, int.TryParse(f["unit"], out var unit) ? unit : null, Text(f, "dossier"),
            Text(f, "age"), Text(f, "gender"), Text(f, "occupation"), mode, Text(f, "paper"));
    }
}
