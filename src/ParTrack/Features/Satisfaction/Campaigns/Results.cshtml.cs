using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>A campaign's figures: province, per unit (answers, factors, index, rank), top/bottom five, expectations, trend; exports.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class ResultsModel(AppDbContext db, SurveyResults results) : PageModel
{
    public CampaignResults Results { get; private set; } = null!;
    public IReadOnlyList<ParTrack.Domain.Satisfaction.SurveyFactor> Factors { get; private set; } = [];
    /// <summary>Earlier closed campaigns (year, agency id → index), oldest first, for the trend columns.</summary>
    public IReadOnlyList<(int Year, IReadOnlyDictionary<int, decimal?> Index)> Trend { get; private set; } = [];

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await results.ForAsync(id, ct) is not { } r) return false;
        Results = r;
        Factors = SurveyCampaigns.QuestionnaireOf(r.Campaign).IndexFactors();
        var earlier = await db.Set<SurveyCampaign>().AsNoTracking()
            .Where(c => c.Year < r.Campaign.Year && c.State >= CampaignState.Closed).OrderBy(c => c.Year).ToListAsync(ct);
        var trend = new List<(int, IReadOnlyDictionary<int, decimal?>)>();
        foreach (var c in earlier.GroupBy(c => c.Year).Select(g => g.Last()).TakeLast(3))
        {
            var past = await results.ForAsync(c, ct);
            trend.Add((c.Year, past.Units.ToDictionary(u => u.AgencyId, u => u.Index.Index)));
        }
        Trend = trend;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The figures per unit (XLSX); and the anonymised answers, one row per response without any identifying column.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var questionnaire = SurveyCampaigns.QuestionnaireOf(Results.Campaign);
        var keys = questionnaire.Questions.Select(q => q.Key).ToList();
        var names = Results.Units.ToDictionary(u => u.UnitId, u => u.Agency);
        var answers = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.CampaignId == id && r.Verified)
            .Select(r => new { r.UnitId, r.Mode, r.AgeGroup, r.Gender, r.Occupation, r.AnswersJson }).ToListAsync(ct);
        // Rows are shuffled by unit and content, not by arrival, so their order says nothing about who answered when.
        var rows = answers.OrderBy(a => a.UnitId).ThenBy(a => a.AnswersJson, StringComparer.Ordinal).Select(a =>
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(a.AnswersJson) ?? [];
            return (IReadOnlyList<object?>)[names.GetValueOrDefault(a.UnitId, ""), a.Mode.ToString(), a.AgeGroup, a.Gender, a.Occupation,
                .. keys.Select(k => values.TryGetValue(k, out var v) ? (object?)(v.ValueKind == JsonValueKind.Number ? v.GetInt32() : string.Join("; ", v.EnumerateArray().Select(x => x.GetString()))) : null)];
        });
        var bytes = ParIndex.ParXlsx.Write(
        [
            new("Phieu", $"Dữ liệu khảo sát (ẩn danh) – {Results.Campaign.Title}", ["Đơn vị", "Hình thức", "Độ tuổi", "Giới tính", "Nghề nghiệp", .. keys], rows),
            new("Mong doi", $"Tỷ lệ mong đợi theo đơn vị – {Results.Campaign.Title}", ["Câu hỏi", "Đơn vị", "Lựa chọn", "Số người chọn", "Tỷ lệ (%)"], ExpectationRows()),
        ]);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"khao-sat-{id}-du-lieu.xlsx");
    }

    /// <summary>One row per question, unit (the province first) and option: long rather than wide, so it pivots in a spreadsheet.</summary>
    IEnumerable<IReadOnlyList<object?>> ExpectationRows() =>
        from e in Results.Expectations
        from unit in Results.Units.Select(u => (Name: u.Agency, Shares: e.ForUnit(u.UnitId))).Prepend((Name: "Toàn tỉnh", Shares: e.Shares))
        from share in unit.Shares
        select (IReadOnlyList<object?>)[e.Text, unit.Name, share.Option, share.Chosen, share.Percent];

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(SurveyDocx.Write(Results, Factors), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-khao-sat-{id}.docx");
    }
}
