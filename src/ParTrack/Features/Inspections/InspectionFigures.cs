using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;

namespace ParTrack.Features.Inspections;

public sealed record GroupCoverageRow(int GroupId, string Group, GroupCoverage Coverage);

public sealed record CountRow(string Label, int Count);

public sealed record OverdueRow(int AgencyId, string Agency, int Overdue, int MostDaysOverdue);

/// <summary>What the programme page, the dashboard, the report and the API show of a programme.</summary>
public sealed record ProgrammeFigures(DateOnly AsOf, IReadOnlyList<GroupCoverageRow> Coverage, IReadOnlyList<CountRow> FindingsByArea,
    IReadOnlyList<CountRow> FindingsBySeverity, RemedyRate RemedyRate, IReadOnlyList<OverdueRow> OverdueByUnit, int Inspections, int Visited, int Findings);

/// <summary>Coverage per group against target, findings per area and severity, remedy rate and overdue findings per unit.</summary>
public sealed class InspectionFigures(AppDbContext db, TimeProvider clock)
{
    /// <summary>The days coverage is counted within: the rounds' span, or the whole year without rounds.</summary>
    public static (DateOnly From, DateOnly To) Window(InspectionProgramme p, IReadOnlyList<InspectionRound> rounds) =>
        rounds.Count == 0 ? (new(p.Year, 1, 1), new(p.Year, 12, 31)) : (rounds.Min(r => r.StartsOn), rounds.Max(r => r.EndsOn));

    public async Task<ProgrammeFigures> OfAsync(InspectionProgramme p, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var rounds = await db.Set<InspectionRound>().AsNoTracking().Where(r => r.ProgrammeId == p.Id).ToListAsync(ct);
        var (from, to) = Window(p, rounds);
        var day = asOf ?? Coverage.AsOf(from, to, today);
        var registry = await InspectionRegistry.LoadAsync(db, ct);
        var targets = await db.Set<InspectionTarget>().AsNoTracking().Where(t => t.ProgrammeId == p.Id).ToListAsync(ct);
        var inspections = await db.Set<Inspection>().AsNoTracking().Where(i => i.ProgrammeId == p.Id).ToListAsync(ct);
        // Coverage counts visits made; a unit only scheduled is not inspected yet.
        var counted = inspections.Where(i => i.VisitedOn is not null).Select(i => new InspectedUnit(i.AgencyId, i.VisitedOn!.Value)).ToList();

        var coverage = registry.Groups
            .Where(g => targets.Any(t => t.GroupId == g.Id))
            .Select(g =>
            {
                var t = targets.Single(x => x.GroupId == g.Id);
                return new GroupCoverageRow(g.Id, g.Name, Coverage.Of(registry.Members(g), registry.Units, counted, new(t.Kind, t.Value), day));
            }).ToList();

        var findings = await db.Set<InspectionFinding>().AsNoTracking().Where(f => f.Inspection!.ProgrammeId == p.Id).ToListAsync(ct);
        var byArea = findings.GroupBy(f => f.Area).Select(g => new CountRow(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Label).ToList();
        var bySeverity = Enum.GetValues<FindingSeverity>().Select(s => new CountRow(InspectionLabels.Of(s), findings.Count(f => f.Severity == s))).ToList();
        var overdue = Overdue(findings, registry, today);
        return new(day, coverage, byArea, bySeverity, Remedies.Rate(findings.Select(f => f.State), today), overdue,
            inspections.Count, inspections.Count(i => i.VisitedOn is not null), findings.Count);
    }

    /// <summary>Danh sách quá hạn: overdue findings per responsible unit, most overdue first (the leader's escalation list).</summary>
    public static IReadOnlyList<OverdueRow> Overdue(IEnumerable<InspectionFinding> findings, InspectionRegistry registry, DateOnly today) =>
        findings.Where(f => Remedies.IsOverdue(f.State, today))
            .GroupBy(f => f.ResponsibleAgencyId)
            .Select(g => new OverdueRow(g.Key, registry.NameOf(g.Key), g.Count(), g.Max(f => Remedies.DaysOverdue(f.State, today))))
            .OrderByDescending(r => r.MostDaysOverdue).ThenBy(r => r.Agency).ToList();

    /// <summary>The escalation list over every programme.</summary>
    public async Task<IReadOnlyList<OverdueRow>> OverdueAsync(CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var open = await db.Set<InspectionFinding>().AsNoTracking()
            .Where(f => (f.Status == RemedyStatus.Open || f.Status == RemedyStatus.Returned) && f.Deadline < today).ToListAsync(ct);
        return Overdue(open, await InspectionRegistry.LoadAsync(db, ct), today);
    }
}
