using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParTrack.Data;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A save that changes who owes what, or an activity's due, makes every period's tallies stale, in the same save: it
/// removes their <see cref="PeriodTally"/> rows and the next reader of each period rebuilds it (<see cref="Tallies"/>).
/// Those changes (agencies and their reorganisation, aliases, groups, assignments, activities added, cancelled, moved or
/// given another due, a plan issued, replaced or withdrawn, period dates) are rare beside reports; finding which periods
/// they touch would repeat Obligations' rule, so all are rebuilt. Every such change goes through SaveChanges (no bulk
/// update writes those tables).
/// </summary>
public sealed class TallyStaleness : SaveChangesInterceptor
{
    public static readonly TallyStaleness Instance = new();

    static readonly HashSet<string> ActivityFields =
        [nameof(Activity.CancelledAtUtc), nameof(Activity.DueKind), nameof(Activity.DueStart), nameof(Activity.DueEnd), nameof(Activity.PlanId)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (e.Context is { } db && db.ChangeTracker.Entries().Any(Affects)) db.RemoveRange(db.Set<PeriodTally>().ToList());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (e.Context is { } db && db.ChangeTracker.Entries().Any(Affects)) db.RemoveRange(await db.Set<PeriodTally>().ToListAsync(ct));
        return result;
    }

    static bool Affects(EntityEntry entry) => entry.State switch
    {
        EntityState.Added or EntityState.Deleted => entry.Entity is Agency or AgencyGroup or AgencyAlias or AgencyScopedAlias or Assignment
            or Activity or Plan or ReportPeriod or Agencies.AgencyChange or Agencies.AgencyChangePart,
        EntityState.Modified => entry.Entity switch
        {
            Agency or AgencyGroup or AgencyAlias or AgencyScopedAlias or Assignment or ReportPeriod or Agencies.AgencyChange
                or Agencies.AgencyChangePart => true,
            Activity => entry.Properties.Any(p => p.IsModified && ActivityFields.Contains(p.Metadata.Name)),
            Plan => entry.Property(nameof(Plan.Status)).IsModified,
            _ => false,
        },
        _ => false,
    };
}
