using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>
/// The unit's inspection record of the year as PAR Index evidence: each inspection (programme, visit day, conclusion) and each
/// finding with its remedy state, under the criterion on remedying what inspections found (<c>Inspections:ParCriterion</c>,
/// "1.3.2" in the default criteria) — or under the criterion the finding names. The appraiser sees them beside the
/// self-assessment without the unit uploading them again; bodies merged into the unit bring their record with them.
/// </summary>
public sealed class InspectionParEvidence(AppDbContext db, IConfiguration config, TimeProvider clock) : IAssessmentEvidence
{
    public const string DefaultCriterion = "1.3.2";

    public async Task<IReadOnlyList<LinkedEvidence>> ForAsync(int agencyId, int year, CancellationToken ct)
    {
        var code = config["Inspections:ParCriterion"] is { Length: > 0 } c ? c.Trim() : DefaultCriterion;
        var units = await UnitsAsync(agencyId, ct);
        var inspections = await db.Set<Inspection>().AsNoTracking().Include(i => i.Programme)
            .Where(i => units.Contains(i.AgencyId) && i.Programme!.Year == year && i.VisitedOn != null)
            .OrderBy(i => i.VisitedOn).ToListAsync(ct);
        var findings = await db.Set<InspectionFinding>().AsNoTracking()
            .Where(f => units.Contains(f.ResponsibleAgencyId) && f.Inspection!.Programme!.Year == year)
            .OrderBy(f => f.Deadline).ThenBy(f => f.Id).ToListAsync(ct);
        var today = Domain.VietnamTime.Today(clock);
        var list = inspections.Select(i => new LinkedEvidence(code, "Kiểm tra công tác CCHC",
            $"{i.VisitedOn:dd/MM/yyyy}, {i.Programme!.Title}" + (i.ConclusionDate is { } d ? $", {i.ConclusionNumber} ({d:dd/MM/yyyy})" : ""),
            $"/Inspections/Visits/{i.Id}", i.ConclusionDate is null ? "Chưa có kết luận" : "Đã có kết luận")).ToList();
        list.AddRange(findings.Select(f => new LinkedEvidence(string.IsNullOrWhiteSpace(f.Criterion) ? code : f.Criterion.Trim(), "Tồn tại sau kiểm tra",
            f.Found.Length > 140 ? f.Found[..140] + "…" : f.Found, $"/Inspections/Findings/{f.Id}", InspectionLabels.Of(f.Status),
            Remedies.IsOverdue(f.State, today) ? Remedies.DaysOverdue(f.State, today) : null)));
        return list;
    }

    /// <summary>The unit and the bodies merged into it (any number of hops), whose inspections it carries.</summary>
    async Task<HashSet<int>> UnitsAsync(int agencyId, CancellationToken ct)
    {
        var successors = await db.Agencies.AsNoTracking().Where(a => a.SuccessorId != null).Select(a => new { a.Id, Successor = a.SuccessorId!.Value }).ToListAsync(ct);
        var units = new HashSet<int> { agencyId };
        for (var added = true; added;)
        {
            added = false;
            foreach (var s in successors.Where(s => units.Contains(s.Successor) && !units.Contains(s.Id)))
                added = units.Add(s.Id) || added;
        }
        return units;
    }
}
