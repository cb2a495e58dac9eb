using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Features.Satisfaction;

/// <summary>What a public code opens: the campaign, a fixed unit (desk, invitation) and whether a dossier code is asked.</summary>
public sealed record FormTarget(SurveyCampaign Campaign, Questionnaire Questionnaire, IReadOnlyList<(int UnitId, string Name)> Units,
    int? UnitId, SurveyInvitation? Invitation)
{
    public bool AsksDossierCode => Invitation is null;
}

/// <summary>One filled form: levels and choices by question key, the optional profile, and how it came.</summary>
public sealed record FormAnswers(IReadOnlyDictionary<string, int> Levels, IReadOnlyDictionary<string, IReadOnlyList<string>> Choices,
    int? UnitId = null, string? DossierCode = null, string? AgeGroup = null, string? Gender = null, string? Occupation = null,
    ResponseMode Mode = ResponseMode.Online, string? PaperNumber = null);

public enum SubmitResult { Saved, Invalid, AlreadyAnswered, Closed }

/// <summary>Opens the public form for a code and stores answers: one response per invitation, one per dossier code at a desk.</summary>
public sealed class SurveyForm(AppDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> AgeGroups = ["Dưới 25", "25–39", "40–54", "55 trở lên"];
    public static readonly IReadOnlyList<string> Genders = ["Nam", "Nữ", "Khác"];
    public static readonly IReadOnlyList<string> Occupations = ["Cán bộ, công chức, viên chức", "Doanh nghiệp, hộ kinh doanh", "Nông dân", "Công nhân", "Học sinh, sinh viên", "Hưu trí", "Khác"];

    public async Task<FormTarget?> OpenAsync(string? code, CancellationToken ct)
    {
        if (SurveyCodes.Normalize(code) is not { } c) return null;
        SurveyInvitation? invitation = null;
        int? unitId = null;
        SurveyCampaign? campaign;
        switch (c.Length)
        {
            case SurveyCodes.InvitationLength:
                invitation = await db.Set<SurveyInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == c, ct);
                if (invitation is null) return null;
                unitId = invitation.UnitId;
                campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == invitation.CampaignId, ct);
                break;
            case SurveyCodes.DeskLength:
                var unit = await db.Set<SurveyUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.DeskCode == c, ct);
                if (unit is null) return null;
                unitId = unit.Id;
                campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == unit.CampaignId, ct);
                break;
            default:
                campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == c, ct);
                break;
        }
        if (campaign is null) return null;
        var units = await db.Set<SurveyUnit>().AsNoTracking().Where(u => u.CampaignId == campaign.Id)
            .OrderBy(u => u.Agency!.Name).Select(u => new { u.Id, u.Agency!.Name }).ToListAsync(ct);
        return new FormTarget(campaign, SurveyCampaigns.QuestionnaireOf(campaign), units.Select(u => (u.Id, u.Name)).ToList(), unitId, invitation);
    }

    /// <summary>Open now: the campaign collects (state Open) and today (Vietnamese calendar) is in its window.</summary>
    public bool IsOpen(SurveyCampaign c)
    {
        var today = VietnamTime.Today(clock);
        return c.State == CampaignState.Open && c.OpensOn <= today && today <= c.ClosesOn;
    }

    /// <summary>The field errors of a filled form against its questionnaire (Vietnamese; key = field name).</summary>
    public static Dictionary<string, string> Check(FormTarget target, FormAnswers a)
    {
        var errors = new Dictionary<string, string>();
        foreach (var q in target.Questionnaire.Questions)
        {
            if (q.Kind == QuestionKind.Expectation)
            {
                var chosen = a.Choices.TryGetValue(q.Key, out var c) ? c : [];
                if (chosen.Count > q.MaxChoices) errors[q.Key] = $"Chỉ chọn tối đa {q.MaxChoices} ý.";
                else if (chosen.Any(x => !(q.Options ?? []).Contains(x))) errors[q.Key] = "Lựa chọn không có trong phiếu.";
            }
            else if (a.Levels.TryGetValue(q.Key, out var level) && level is < 1 or > 5) errors[q.Key] = "Hãy chọn một mức từ 1 đến 5.";
        }
        var satisfaction = target.Questionnaire.Questions.Where(q => q.Kind == QuestionKind.Satisfaction).Select(q => q.Key).ToList();
        if (!satisfaction.Any(a.Levels.ContainsKey))
            errors["answers"] = "Hãy trả lời ít nhất một câu hỏi về mức độ hài lòng.";
        if (target.UnitId is null && (a.UnitId is not { } u || target.Units.All(x => x.UnitId != u)))
            errors["unit"] = "Hãy chọn cơ quan, đơn vị đã giải quyết hồ sơ của Ông/Bà.";
        if (target.AsksDossierCode && a.Mode == ResponseMode.Online)
        {
            var dossier = SurveyCodes.NormalizeDossier(a.DossierCode ?? "");
            if (dossier.Length is < 3 or > Limits.ShortText) errors["dossier"] = "Hãy nhập mã hồ sơ ghi trên giấy tiếp nhận (từ 3 ký tự).";
        }
        return errors;
    }

    /// <summary>
    /// Stores one anonymous response. The invitation is claimed by one conditional UPDATE and a dossier by a row under a
    /// unique index, each in the response's transaction, so two posts at the same moment cannot both count.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(FormTarget target, FormAnswers a, CancellationToken ct)
    {
        if (a.Mode == ResponseMode.Online && !IsOpen(target.Campaign)) return SubmitResult.Closed;
        if (Check(target, a).Count > 0) return SubmitResult.Invalid;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (target.Invitation is { } invitation)
        {
            var claimed = await db.Set<SurveyInvitation>().Where(i => i.Id == invitation.Id && !i.Used)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Used, true), ct);
            if (claimed == 0) return SubmitResult.AlreadyAnswered;
        }
        else if (a.Mode == ResponseMode.Online)
            db.Add(new SurveyDossierClaim { CampaignId = target.Campaign.Id, DossierHash = SurveyCodes.DossierHash(target.Campaign.Id, a.DossierCode!) });
        db.Add(ToResponse(target, a));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return SubmitResult.AlreadyAnswered;
        }
        await tx.CommitAsync(ct);
        return SubmitResult.Saved;
    }

    SurveyResponse ToResponse(FormTarget target, FormAnswers a) => new()
    {
        CampaignId = target.Campaign.Id,
        UnitId = target.UnitId ?? a.UnitId!.Value,
        Mode = a.Mode,
        SubmittedOn = VietnamTime.Today(clock),
        // Only values from the fixed lists: a free text here could carry a name.
        AgeGroup = AgeGroups.Contains(a.AgeGroup) ? a.AgeGroup : null,
        Gender = Genders.Contains(a.Gender) ? a.Gender : null,
        Occupation = Occupations.Contains(a.Occupation) ? a.Occupation : null,
        AnswersJson = AnswersJson(target.Questionnaire, a),
        // The sheet's number, or the interview's: what staff wrote on it, to find a sheet entered twice.
        PaperNumber = a.Mode is ResponseMode.Paper or ResponseMode.Phone ? a.PaperNumber : null,
        Verified = !(a.Mode == ResponseMode.Paper && target.Campaign.DoubleEntry),
    };

    // Vietnamese options as themselves, not \u escapes: readable in the database and a third shorter.
    static readonly JsonSerializerOptions AnswersJsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Only the questionnaire's own keys are kept: levels as numbers, choices as lists.</summary>
    public static string AnswersJson(Questionnaire q, FormAnswers a)
    {
        var answers = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var question in q.Questions)
        {
            if (question.Kind == QuestionKind.Expectation && a.Choices.TryGetValue(question.Key, out var c) && c.Count > 0) answers[question.Key] = c;
            else if (question.Kind != QuestionKind.Expectation && a.Levels.TryGetValue(question.Key, out var l)) answers[question.Key] = l;
        }
        return JsonSerializer.Serialize(answers, AnswersJsonOptions);
    }
}
