using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Dossiers;

/// <summary>One agency (or commune) in a month's ranking, with its KPIs.</summary>
public sealed record RankingUnit(int AgencyId, string Name, KpiValues Values);

/// <summary>
/// A month's ranking of the agencies of one level (provincial agencies, districts before 07/2025, communes) on the
/// points table: the KPIs counted in the database per agency (<see cref="KpiQueries.CountByAgencyAsync"/>), a merged body's
/// dossiers under the body that carries its work at the month's end, then scored by <see cref="MonthlyRanking"/>.
/// </summary>
public sealed class RankingQuery(KpiQueries queries, AgencyDirectory directory, AppDbContext db)
{
    public async Task<List<RankedUnit<RankingUnit>>> RankAsync(PointsTable table, int year, int month, AdminLevel level, CancellationToken ct = default)
    {
        var window = new KpiWindow(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        var groups = await queries.CountByAgencyAsync(window, new KpiFilter(), ct);
        var byAgency = new Dictionary<int, KpiCounts>();
        foreach (var g in groups)
        {
            var current = await directory.CurrentOfAsync(g.Key, window.To, ct);
            byAgency[current] = byAgency.TryGetValue(current, out var sum) ? sum + g.Counts : g.Counts;
        }
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Level == level).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var units = byAgency.Where(a => agencies.ContainsKey(a.Key))
            .Select(a => (new RankingUnit(a.Key, agencies[a.Key], KpiValues.From(a.Value)), KpiValues.From(a.Value)));
        return MonthlyRanking.Rank(table, units, u => u.Name);
    }
}
