using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Inspections;

/// <summary>
/// Who may see and change what of inspections. Coordinators everything; leaders and appraisers read
/// everything; an officer sees the inspections and findings of its own unit (and the bodies merged into
/// it); a team member, whatever the role, sees and edits the inspections of the rounds whose team they
/// are on, and nothing else of other units.
/// </summary>
public sealed class InspectionAccess(AppDbContext db, CurrentUser user)
{
    HashSet<int>? _teamRounds;

    /// <summary>Leaders, appraisers and coordinators read every programme; officers only their own part.</summary>
    public bool SeesAll => user.IsSignedIn && !user.IsOfficer;

    public async Task<IReadOnlySet<int>> TeamRoundsAsync(CancellationToken ct = default)
    {
        if (_teamRounds is not null) return _teamRounds;
        if (user.Id is not int id) return _teamRounds = [];
        return _teamRounds = (await db.Set<InspectionTeamMember>().AsNoTracking()
            .Where(m => m.UserId == id).Select(m => m.RoundId).ToListAsync(ct)).ToHashSet();
    }

    public async Task<bool> IsOnTeamAsync(Inspection i, CancellationToken ct = default) =>
        i.RoundId is int r && (await TeamRoundsAsync(ct)).Contains(r);

    public async Task<bool> CanSeeAsync(Inspection i, CancellationToken ct = default) =>
        SeesAll || user.CanSeeAgency(i.AgencyId) || await IsOnTeamAsync(i, ct);

    /// <summary>Notice, minutes, conclusion and findings: the coordinators and the round's team.</summary>
    public async Task<bool> CanEditAsync(Inspection i, CancellationToken ct = default) =>
        user.IsCoordinator || await IsOnTeamAsync(i, ct);

    /// <summary>The unit's documents: its own officers (and coordinators).</summary>
    public bool CanUpload(Inspection i) => user.CanEditAgencyWork(i.AgencyId);

    public async Task<bool> CanSeeAsync(InspectionFinding f, Inspection i, CancellationToken ct = default) =>
        user.CanSeeAgency(f.ResponsibleAgencyId) || await CanSeeAsync(i, ct);

    /// <summary>The remedy report: the responsible unit's officers.</summary>
    public bool CanReport(InspectionFinding f) => user.IsOfficer && user.CanEditAgencyWork(f.ResponsibleAgencyId)
        || user.IsCoordinator;

    /// <summary>Verifying or returning a remedy is Sở Nội vụ's (coordinators).</summary>
    public bool CanVerify => user.IsCoordinator;

    /// <summary>The inspections this user may see, as a query filter.</summary>
    public async Task<IQueryable<Inspection>> VisibleAsync(IQueryable<Inspection> all, CancellationToken ct = default)
    {
        if (SeesAll) return all;
        var rounds = (await TeamRoundsAsync(ct)).ToList();
        var own = await OwnAgenciesAsync(ct);
        return all.Where(i => own.Contains(i.AgencyId) || (i.RoundId != null && rounds.Contains(i.RoundId.Value)));
    }

    /// <summary>The findings this user may see: its unit's, and those of inspections it may see.</summary>
    public async Task<IQueryable<InspectionFinding>> VisibleAsync(IQueryable<InspectionFinding> all, CancellationToken ct = default)
    {
        if (SeesAll) return all;
        var rounds = (await TeamRoundsAsync(ct)).ToList();
        var own = await OwnAgenciesAsync(ct);
        return all.Where(f => own.Contains(f.ResponsibleAgencyId) || own.Contains(f.Inspection!.AgencyId)
            || (f.Inspection!.RoundId != null && rounds.Contains(f.Inspection.RoundId.Value)));
    }

    /// <summary>An officer's agency and the bodies merged into it (the same rule as <see cref="CurrentUser.CanSeeAgency"/>).</summary>
    async Task<List<int>> OwnAgenciesAsync(CancellationToken ct)
    {
        if (!user.IsOfficer || user.AgencyId is not int own) return [];
        var ids = await db.Agencies.AsNoTracking().Select(a => a.Id).ToListAsync(ct);
        return ids.Where(id => id == own || user.CanSeeAgency(id)).ToList();
    }
}
