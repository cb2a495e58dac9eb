using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

public sealed record CampaignInput(int Year, string Title, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<int> AgencyIds,
    IReadOnlyList<ResponseMode> Modes, int MinResponses = 30, decimal Margin = FormulaQuota.DefaultMargin, int? FixedQuota = null, bool DoubleEntry = false);

/// <summary>Creates campaigns (questionnaire copied from the latest earlier one), edits the questionnaire, moves the state.</summary>
public sealed class SurveyCampaigns(AppDbContext db)
{
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>Each reason the input is refused, by the field of <see cref="CampaignInput"/> it is about.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(CampaignInput c)
    {
        var errors = new List<(string, string)>();
        if (c.Year is < FirstYear or > LastYear) errors.Add(("Year", $"Năm khảo sát phải từ {FirstYear} đến {LastYear}."));
        if (string.IsNullOrWhiteSpace(c.Title)) errors.Add(("Title", "Hãy nhập tên đợt khảo sát."));
        else if (Limits.TooLong("Tên đợt", c.Title.Trim(), Limits.Name) is { } tooLong) errors.Add(("Title", tooLong));
        if (c.ClosesOn < c.OpensOn) errors.Add(("ClosesOn", "Ngày kết thúc khảo sát phải sau ngày bắt đầu."));
        if (c.AgencyIds.Count == 0) errors.Add(("AgencyIds", "Hãy chọn ít nhất một đơn vị được khảo sát."));
        if (c.Modes.Count == 0) errors.Add(("Modes", "Hãy chọn ít nhất một hình thức thu thập phiếu."));
        if (c.MinResponses is < 1 or > 100000) errors.Add(("MinResponses", "Số phiếu tối thiểu để xếp hạng phải từ 1 đến 100000."));
        if (c.Margin is <= 0 or >= 0.5m) errors.Add(("Margin", "Sai số e phải lớn hơn 0 và nhỏ hơn 0,5 (ví dụ 0,05)."));
        if (c.FixedQuota is < 1 or > 100000) errors.Add(("FixedQuota", "Số phiếu cố định mỗi đơn vị phải từ 1 đến 100000."));
        return errors;
    }

    /// <summary>A draft campaign with its units, added to the context, not saved (the caller saves it with its form key).</summary>
    public async Task<Outcome<SurveyCampaign>> CreateAsync(CampaignInput input, CancellationToken ct = default)
    {
        var errors = Validate(input).ToList();
        var agencies = await db.Agencies.Where(a => input.AgencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (agencies.Count != input.AgencyIds.Distinct().Count()) errors.Add(("AgencyIds", "Có đơn vị được chọn không còn trong danh mục. Hãy tải lại trang và chọn lại."));
        if (errors.Count > 0) return Outcome<SurveyCampaign>.Invalid(errors);
        // Copy the questionnaire and weights of the latest earlier campaign, so this year asks what last year asked.
        var last = await db.Set<SurveyCampaign>().AsNoTracking().Where(c => c.Year <= input.Year)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var campaign = new SurveyCampaign
        {
            Year = input.Year, Title = input.Title.Trim(), State = CampaignState.Draft, OpensOn = input.OpensOn, ClosesOn = input.ClosesOn,
            MethodVersion = IndexFormula.CurrentVersion, Modes = string.Join(",", input.Modes.Distinct()),
            QuestionnaireJson = last?.QuestionnaireJson ?? Questionnaire.Sipas().ToJson(), WeightsJson = last?.WeightsJson ?? "{}",
            MinResponses = input.MinResponses, Margin = input.Margin, FixedQuota = input.FixedQuota, DoubleEntry = input.DoubleEntry,
            Code = await FreeCodeAsync(SurveyCodes.CampaignLength, ct),
        };
        foreach (var id in agencies)
            campaign.Units.Add(new SurveyUnit { AgencyId = id, DeskCode = await FreeCodeAsync(SurveyCodes.DeskLength, ct) });
        db.Add(campaign);
        return Outcome<SurveyCampaign>.Ok(campaign);
    }

    /// <summary>A code no campaign, desk or invitation uses (a repeat is one in 10⁷ or so; checking costs one query).</summary>
    public async Task<string> FreeCodeAsync(int length, CancellationToken ct)
    {
        while (true)
        {
            var code = SurveyCodes.New(length);
            var taken = length switch
            {
                SurveyCodes.CampaignLength => await db.Set<SurveyCampaign>().AnyAsync(c => c.Code == code, ct),
                SurveyCodes.DeskLength => await db.Set<SurveyUnit>().AnyAsync(u => u.DeskCode == code, ct)
                    || db.ChangeTracker.Entries<SurveyUnit>().Any(e => e.Entity.DeskCode == code),
                _ => await db.Set<SurveyInvitation>().AnyAsync(i => i.Code == code, ct)
                    || db.ChangeTracker.Entries<SurveyInvitation>().Any(e => e.Entity.Code == code),
            };
            if (!taken) return code;
        }
    }

    public static IndexFormula FormulaOf(SurveyCampaign c) =>
        new(c.MethodVersion, Weights(c), c.MinResponses);

    public static IReadOnlyDictionary<string, decimal> Weights(SurveyCampaign c) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(string.IsNullOrWhiteSpace(c.WeightsJson) ? "{}" : c.WeightsJson) ?? [];

    public static Questionnaire QuestionnaireOf(SurveyCampaign c) => Questionnaire.Parse(c.QuestionnaireJson);

    /// <summary>Saves the builder's text as the next revision, or the reasons it cannot be read (nothing changes then).</summary>
    public static IReadOnlyList<string> SetQuestionnaire(SurveyCampaign c, string text)
    {
        if (c.State != CampaignState.Draft)
            return ["Phiếu chỉ sửa được khi đợt khảo sát đang soạn (chưa mở nhận phiếu): các phiếu đã trả lời phải cùng một bộ câu hỏi."];
        var (parsed, errors) = QuestionnaireText.Parse(text);
        if (parsed is null) return errors;
        var json = parsed.Questionnaire.ToJson();
        var weights = JsonSerializer.Serialize(parsed.Weights);
        if (json == c.QuestionnaireJson && weights == c.WeightsJson) return [];
        c.QuestionnaireJson = json;
        c.WeightsJson = weights;
        c.QuestionnaireRevision++;
        return [];
    }

    /// <summary>The next state (opening needs a valid questionnaire), or back one step; publishing freezes the results.</summary>
    public static string? Move(SurveyCampaign c, bool forward)
    {
        if (forward)
        {
            if (c.State == CampaignState.Published) return "Đợt khảo sát đã công bố kết quả.";
            if (c.State == CampaignState.Draft && QuestionnaireOf(c).Problems() is { Count: > 0 } problems) return string.Join(" ", problems);
            c.State++;
        }
        else
        {
            if (c.State == CampaignState.Draft) return "Đợt khảo sát đang ở bước đầu tiên.";
            c.State--;
            if (c.State != CampaignState.Published) c.ResultsJson = null;
        }
        return null;
    }

    public static IReadOnlyList<ResponseMode> ModesOf(SurveyCampaign c) =>
        c.Modes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => Enum.TryParse<ResponseMode>(m, out var mode) ? mode : (ResponseMode?)null).OfType<ResponseMode>().ToList();
}
