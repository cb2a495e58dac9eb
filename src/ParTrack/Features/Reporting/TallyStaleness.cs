using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParTrack.Data;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A save that changes who owes what, or an activity's due, makes every period's tallies stale, in the same save: it
/// renews the <see cref="TallyStamp"/>, so no <see cref="PeriodTally"/> matches it any more, and the next reader of each
/// period rebuilds it (<see cref="Tallies"/>).
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
        if (e.Context is { } db && db.ChangeTracker.Entries().Any(Affects)) Renew(db, db.Set<TallyStamp>().Find(TallyStamp.OnlyId));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (e.Context is { } db && db.ChangeTracker.Entries().Any(Affects)) Renew(db, await db.Set<TallyStamp>().FindAsync([TallyStamp.OnlyId], ct));
        return result;
    }

    /// <summary>A new value, never an increment: two changes at once that both wrote "old + 1" would look like one.</summary>
    static void Renew(DbContext db, TallyStamp? stamp)
    {
        if (stamp is null) db.Add(new TallyStamp { Value = Guid.NewGuid() });   // a database the seed row was removed from
        else stamp.Value = Guid.NewGuid();
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
