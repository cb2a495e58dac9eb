using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>
/// Writes a new plan in short transactions, so a large import never holds the database for long: the plan with
/// its areas first, then targets, tasks and activities <see cref="BatchRows"/> at a time, each batch its own
/// save (with its audit rows). On SQLite every save takes the writer turn and gives it back at its end, so
/// another user's save waits for one batch at most, not for the whole plan (issue #19: a 130,000-activity
/// plan made other saves wait 56 s). While the plan is written it is a draft that grows; if writing fails
/// or is cancelled, the partial draft is deleted.
/// </summary>
public static class PlanBatchWriter
{
    /// <summary>Tens of milliseconds of SQLite work per batch on a quiet machine with assignments and audit rows (measured in PlanImportLimitTests).</summary>
    public const int BatchRows = 100;

    public static async Task SaveAsync(AppDbContext db, Plan plan, CancellationToken ct)
    {
        var targets = plan.Targets.ToList();
        var tasks = plan.Tasks.ToList();
        var activities = plan.Activities.ToList();
        plan.Targets.Clear();
        plan.Tasks.Clear();
        plan.Activities.Clear();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);   // the plan and its areas, which the rows below point at
        try
        {
            await SaveRowsAsync(db, targets, t => { t.PlanId = plan.Id; t.AreaId = t.Area?.Id; t.Area = null; }, ct);
            await SaveRowsAsync(db, tasks, t => { t.PlanId = plan.Id; t.AreaId = t.Area?.Id; t.Area = null; }, ct);
            await SaveRowsAsync(db, activities, a =>
            {
                a.PlanId = plan.Id;
                a.AreaId = a.Area?.Id;
                a.Area = null;
                a.TaskId = a.Task?.Id;
                a.Task = null;
            }, ct);
        }
        catch
        {
            // Leave no half plan behind; the caller's request failed, so nothing else of it is kept either.
            db.ChangeTracker.Clear();
            var partial = await db.Plans.FirstOrDefaultAsync(p => p.Id == plan.Id, CancellationToken.None);
            if (partial is not null)
            {
                db.Plans.Remove(partial);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            throw;
        }
    }

    /// <summary>Adds rows by keys (not navigations to rows saved before), saves per batch, then stops tracking them.</summary>
    static async Task SaveRowsAsync<T>(AppDbContext db, List<T> rows, Action<T> pointByKeys, CancellationToken ct) where T : class
    {
        foreach (var batch in rows.Chunk(BatchRows))
        {
            foreach (var row in batch)
            {
                pointByKeys(row);
                db.Add(row);
            }
            await db.SaveChangesAsync(ct);
            // Saved rows and their audit rows are done with; tracking them would make every later batch slower.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged
                         && e.Entity is T or Assignment or TargetMeasure or AuditEntry).ToList())
                entry.State = EntityState.Detached;
        }
    }
}
