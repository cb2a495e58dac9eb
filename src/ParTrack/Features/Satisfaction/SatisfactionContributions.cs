using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

/// <summary>"satisfaction:index": the index of the latest closed campaign whose window overlaps the period, for the units asked.</summary>
public sealed class SatisfactionIndicators(AppDbContext db, SurveyResults results, TimeProvider clock) : IIndicatorSource
{
    public const string IndexKey = "satisfaction:index";

    public IReadOnlyList<Indicator> Indicators { get; } = [new(IndexKey, "Chỉ số hài lòng của người dân, tổ chức (khảo sát)", "%")];

    public async Task<ComputedActual?> ActualAsync(string indicatorKey, string? Level, IReadOnlyCollection<int>? AgencyIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (indicatorKey != IndexKey) return null;
        var campaign = await db.Set<SurveyCampaign>().AsNoTracking()
            .Where(c => c.State >= CampaignState.Closed && c.OpensOn <= to && c.ClosesOn >= from)
            .OrderByDescending(c => c.ClosesOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (campaign is null) return null;
        var level = Level?.ToLowerInvariant() switch { "province" => AdminLevel.Province, "district" => AdminLevel.District, "commune" => AdminLevel.Commune, _ => (AdminLevel?)null };
        var agencies = await db.Set<SurveyUnit>().Where(u => u.CampaignId == campaign.Id)
            .Where(u => level == null || u.Agency!.Level == level)
            .Select(u => u.AgencyId).ToListAsync(ct);
        if (AgencyIds is not null) agencies = agencies.Where(AgencyIds.Contains).ToList();
        if (agencies.Count == 0) return null;
        var figures = await results.ForAsync(campaign, ct, agencies);
        return figures.Province.Index is { } index
            ? new ComputedActual(index, $"Khảo sát \"{campaign.Title}\" ({figures.FormulaVersion}), {figures.Province.Responses} phiếu", clock.GetUtcNow())
            : null;
    }
}

/// <summary>The satisfaction section of the consolidated report: campaigns closed in the period, with the units' index.</summary>
public sealed class SatisfactionReportSection(AppDbContext db, SurveyResults results) : IReportContribution
{
    static readonly CultureInfo Vi = new("vi-VN");

    public ReportPlace Place => ReportPlace.Results;
    public int Order => 20;

    public async Task<ReportBlock?> DraftAsync(ReportScope scope, CancellationToken ct)
    {
        var campaigns = await db.Set<SurveyCampaign>().AsNoTracking()
            .Where(c => c.State >= CampaignState.Closed && c.ClosesOn >= scope.From && c.ClosesOn <= scope.To)
            .OrderBy(c => c.ClosesOn).ToListAsync(ct);
        if (campaigns.Count == 0) return null;
        var paragraphs = new List<string>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in campaigns)
        {
            var r = await results.ForAsync(c, ct, scope.AgencyId is { } a ? [a] : null);
            if (r.Units.Count == 0) continue;
            paragraphs.Add(string.Format(Vi, "{0}: {1:N0} phiếu; mức độ hài lòng chung {2}% (cách tính {3}).",
                c.Title, r.Province.Responses, r.Province.Index?.ToString("0.##", Vi) ?? "—", r.FormulaVersion));
            rows.AddRange(r.Units.Select(u => (IReadOnlyList<string>)[c.Title, u.Agency, u.Index.Responses.ToString("N0", Vi),
                u.Index.Index?.ToString("0.##", Vi) ?? "—", u.Index.Rank?.ToString(Vi) ?? "chưa đủ phiếu"]));
        }
        return paragraphs.Count == 0 ? null : new ReportBlock("Kết quả khảo sát sự hài lòng của người dân, tổ chức", paragraphs,
            new ReportTable(["Đợt khảo sát", "Đơn vị", "Số phiếu", "Chỉ số hài lòng (%)", "Xếp hạng"], rows));
    }
}

/// <summary>Public dataset "satisfaction": a published campaign's per-unit results (no answers, nothing personal).</summary>
public sealed class SatisfactionDataset(AppDbContext db, SurveyResults results) : IPublicDataset
{
    public string Kind => "satisfaction";
    public string Title => "Kết quả khảo sát sự hài lòng";

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct) =>
        (await db.Set<SurveyCampaign>().AsNoTracking().Where(c => c.State == CampaignState.Published)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Title, c.ClosesOn }).ToListAsync(ct))
        .Select(c => new PublicDatasetItem(c.Id.ToString(CultureInfo.InvariantCulture), c.Title, c.ClosesOn)).ToList();

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.State == CampaignState.Published, ct);
        if (campaign is null) return null;
        var r = await results.ForAsync(campaign, ct);
        return new PublicTable(campaign.Title,
        [
            new("unit", "string", "Đơn vị", "Cơ quan, đơn vị được khảo sát"),
            new("responses", "integer", "Số phiếu", "Số phiếu hợp lệ"),
            new("index", "number", "Chỉ số hài lòng (%)", "Theo cách tính " + r.FormulaVersion),
            new("rank", "integer", "Xếp hạng", "Trống khi đơn vị chưa đủ phiếu để xếp hạng"),
        ], r.Units.Select(u => (IReadOnlyList<object?>)[u.Agency, u.Index.Responses, u.Index.Index, u.Index.Rank]).ToList());
    }
}
