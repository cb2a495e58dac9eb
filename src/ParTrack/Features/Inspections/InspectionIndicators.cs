using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>
/// Plan targets about inspecting PAR work ("kiểm tra ít nhất 30% cơ quan, đơn vị") computed from the year's programme:
/// "inspection:coverage" is the share of the programme's target units visited by the period's end (bodies merged since
/// count for their successor, as on the programme page); "inspection:remedy_rate" the findings remedied on time.
/// The programme of the period's last year answers; a period with no programme has no computed value.
/// </summary>
public sealed class InspectionIndicators(AppDbContext db, TimeProvider clock) : IIndicatorSource
{
    public const string CoverageKey = "inspection:coverage";
    public const string RemedyRateKey = "inspection:remedy_rate";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(CoverageKey, "Tỷ lệ cơ quan, đơn vị được kiểm tra công tác CCHC (kế hoạch kiểm tra)", "%"),
        new(RemedyRateKey, "Tỷ lệ tồn tại sau kiểm tra được khắc phục đúng hạn", "%"),
    ];

    public async Task<ComputedActual?> ActualAsync(string indicatorKey, string? Level, IReadOnlyCollection<int>? AgencyIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (indicatorKey is not (CoverageKey or RemedyRateKey)) return null;
        var programme = await db.Set<InspectionProgramme>().AsNoTracking()
            .Where(p => p.Year >= from.Year && p.Year <= to.Year)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (programme is null) return null;
        var today = VietnamTime.Today(clock);
        var day = to < today ? to : today;
        var value = indicatorKey == CoverageKey
            ? await CoverageAsync(programme, Level, AgencyIds, day, ct)
            : await RemedyRateAsync(programme, AgencyIds, day, ct);
        return value is { } v
            ? new ComputedActual(v, $"Kế hoạch kiểm tra \"{programme.Title}\", tính đến {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", clock.GetUtcNow())
            : null;
    }

    /// <summary>Inspected ÷ valid units over the programme's target groups (or the bound agency group), as of the day.</summary>
    async Task<decimal?> CoverageAsync(InspectionProgramme p, string? level, IReadOnlyCollection<int>? agencyIds, DateOnly day, CancellationToken ct)
    {
        var registry = await InspectionRegistry.LoadAsync(db, ct);
        var groups = await db.Set<InspectionTarget>().AsNoTracking().Where(t => t.ProgrammeId == p.Id).Select(t => t.GroupId).ToListAsync(ct);
        var units = agencyIds is not null
            ? registry.Units.Where(u => agencyIds.Contains(u.Id))
            : registry.Groups.Where(g => groups.Contains(g.Id)).SelectMany(registry.Members).DistinctBy(u => u.Id);
        var wanted = LevelOf(level);
        if (wanted is not null) units = units.Where(u => registry.Agencies.TryGetValue(u.Id, out var a) && a.Level == wanted);
        var visits = await db.Set<Inspection>().AsNoTracking().Where(i => i.ProgrammeId == p.Id && i.VisitedOn != null)
            .Select(i => new InspectedUnit(i.AgencyId, i.VisitedOn!.Value)).ToListAsync(ct);
        return Coverage.Of(units.ToList(), registry.Units, visits, null, day).Percent;
    }

    async Task<decimal?> RemedyRateAsync(InspectionProgramme p, IReadOnlyCollection<int>? agencyIds, DateOnly day, CancellationToken ct)
    {
        var findings = await db.Set<InspectionFinding>().AsNoTracking().Where(f => f.Inspection!.ProgrammeId == p.Id).ToListAsync(ct);
        if (agencyIds is not null) findings = findings.Where(f => agencyIds.Contains(f.ResponsibleAgencyId)).ToList();
        return Remedies.Rate(findings.Select(f => f.State), day).Percent;
    }

    static AdminLevel? LevelOf(string? level) => level?.ToLowerInvariant() switch
    {
        "province" => AdminLevel.Province,
        "district" => AdminLevel.District,
        "commune" => AdminLevel.Commune,
        _ => null,
    };
}
