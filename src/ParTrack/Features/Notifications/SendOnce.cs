using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Notifications;

/// <summary>
/// The lock that makes a scheduled message go out once across passes and app instances: insert its key in SentReminder
/// (unique), with the in-app notification in the same transaction. Whoever inserts sends; the others get a unique-key
/// violation and skip.
/// </summary>
public static class SendOnce
{
    public static async Task<bool> ClaimAsync(AppDbContext db, string key, Notification? notification, DateTime nowUtc, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new SentReminder { Key = key.Length > Limits.Name ? key[..Limits.Name] : key, AtUtc = nowUtc });
        if (notification is not null) { notification.CreatedAtUtc = nowUtc; db.Add(notification); }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance (or an earlier pass) already sent this one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
