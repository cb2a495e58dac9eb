using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>Why an account changed agency or stopped: the last reorganisation that moved it.</summary>
public sealed record AccountNotice(ChangeKind Kind, string FromName, string? ToName, string Successors, DateOnly On, string? Note);

/// <summary>What the sign-in page tells a user whose account a reorganisation moved or deactivated.</summary>
public sealed class MovedAccounts(AppDbContext db, TimeProvider clock)
{
    /// <summary>The last move of the account; with <paramref name="unseenOnly"/>, only one its user has not been told about.</summary>
    public async Task<AccountNotice?> LatestAsync(int userId, bool unseenOnly, CancellationToken ct = default)
    {
        var move = await db.Set<AccountMove>().AsNoTracking().Where(m => m.UserId == userId && (!unseenOnly || m.SeenAtUtc == null))
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.Change!.Kind, From = m.FromAgency!.Name, To = m.ToAgency != null ? m.ToAgency.Name : null, m.Change.EffectiveOn, m.Change.Note, m.ChangeId })
            .FirstOrDefaultAsync(ct);
        if (move is null) return null;
        // In the order the change named them: the main successor first.
        var successors = (await db.Set<AgencyChangePart>().AsNoTracking().Where(p => p.ChangeId == move.ChangeId)
            .OrderBy(p => p.Id).Select(p => p.ToAgency!.Name).ToListAsync(ct)).Distinct().ToList();
        return new AccountNotice(move.Kind, move.From, move.To, string.Join(", ", successors), move.EffectiveOn, move.Note);
    }

    /// <summary>The user has been told: the next sign-in goes straight in.</summary>
    public async Task MarkSeenAsync(int userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in await db.Set<AccountMove>().Where(m => m.UserId == userId && m.SeenAtUtc == null).ToListAsync(ct)) m.SeenAtUtc = now;
        await db.SaveChangesAsync(ct);
    }
}
