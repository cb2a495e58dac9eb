using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

public abstract record SignInResult
{
    public sealed record Success(User User) : SignInResult;
    /// <summary>The password was right; the authenticator app's code is still needed.</summary>
    public sealed record NeedsCode(User User) : SignInResult;
    /// <summary>Unknown name, wrong password or code, inactive or locked account: one answer for all, so none can be told apart.</summary>
    public sealed record Refused : SignInResult;
    /// <summary>Too many failures from this client: nothing is checked until the wait is over.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInResult;
    /// <summary>A deactivated account whose right password was given: only its owner learns why (a reorganisation).</summary>
    public sealed record Inactive(int UserId) : SignInResult;
}

/// <summary>
/// Checks a password (or an authenticator code) so that a guesser learns nothing and gets few tries:
/// every failure takes the same answer and the same work (a dummy hash for unknown, inactive and locked
/// accounts); each check first takes one of the account's <see cref="MaxFailures"/> tries in one atomic
/// UPDATE, so parallel attempts cannot check more passwords than that; the try that uses the last one
/// locks the account for a time that grows with each lock (<see cref="LockFor"/>) and a success ends.
/// The client's own failures slow it down too (<see cref="ClientThrottle"/>). Every attempt is audited.
/// </summary>
public sealed class SignInService(AppDbContext db, IPasswordHasher<User> hasher, TimeProvider clock, ClientThrottle throttle, SignInAudit audit)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);

    /// <summary>1, 2, 4, 8, then 15 minutes: a stranger can keep an account closed only for minutes at a time.</summary>
    public static TimeSpan LockFor(int earlierLocks) =>
        TimeSpan.FromMinutes(Math.Min(MaxLock.TotalMinutes, 1 << Math.Clamp(earlierLocks, 0, 4)));

    // Verified against a real hash when there is no account to check, so that takes as long as a real check.
    static readonly string DummyHash = new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString());

    public async Task<SignInResult> CheckAsync(string userName, string password, string client, CancellationToken ct = default)
    {
        var name = userName.Trim().ToLowerInvariant();
        if (throttle.Wait(client) is { } wait)
        {
            await audit.WriteAsync(name, null, SignInAudit.Throttled, client, ct);
            return new SignInResult.Throttled(wait);
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is { Active: false })
        {
            // The same single hash as any failure; the reason is told only to whoever knows the password.
            var right = hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
            var refused = await FailAsync(name, user, "inactive", client, ct);
            return right ? new SignInResult.Inactive(user.Id) : refused;
        }
        if (user is null || !await TakeTryAsync(user.Id, ct))
        {
            hasher.VerifyHashedPassword(new User(), DummyHash, password);
            return await FailAsync(name, user, user is null ? "unknown user" : "locked", client, ct);
        }
        var check = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed) return await FailAsync(name, user, "wrong password", client, ct);

        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(ct);
        }
        // The password is proven: its tries are given back, but the lock count stays until the code is
        // right too, so a guesser who knows the password still meets growing locks on the code.
        await ResetAsync(user.Id, keepLockCount: user.TwoFactorEnabled, ct);
        if (user.TwoFactorEnabled)
        {
            await audit.WriteAsync(name, user.Id, SignInAudit.PasswordAccepted, client, ct);
            return new SignInResult.NeedsCode(user);
        }
        await audit.WriteAsync(name, user.Id, SignInAudit.SignedIn, client, ct);
        return new SignInResult.Success(user);
    }

    /// <summary>The second step: the code from the authenticator app, with the same tries and locks as passwords.</summary>
    public async Task<SignInResult> CheckCodeAsync(int userId, string stamp, string code, TwoFactor twoFactor, string client, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (throttle.Wait(client) is { } wait) return new SignInResult.Throttled(wait);
        if (user is null || !user.Active || user.SecurityStamp != stamp || !user.TwoFactorEnabled || !await TakeTryAsync(user.Id, ct))
            return await FailAsync(user?.UserName ?? "", user, "code refused", client, ct);
        if (!(await twoFactor.AcceptAsync(user, code, ct)).IsOk) return await FailAsync(user.UserName, user, "wrong code", client, ct);
        await ResetAsync(user.Id, keepLockCount: false, ct);
        await audit.WriteAsync(user.UserName, user.Id, SignInAudit.SignedIn, client, ct);
        return new SignInResult.Success(user);
    }

    async Task<SignInResult> FailAsync(string name, User? user, string reason, string client, CancellationToken ct)
    {
        throttle.Failed(client);
        await audit.WriteAsync(name, user?.Id, SignInAudit.Failed, client, ct, reason);
        if (user is not null && reason is "wrong password" or "wrong code"
            && await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.LockedUntilUtc).FirstAsync(ct) is { } until
            && until > clock.GetUtcNow().UtcDateTime)
            await audit.WriteAsync(name, user.Id, SignInAudit.LockedOut, client, ct, $"until {until:O}");
        return new SignInResult.Refused();
    }

    /// <summary>
    /// Takes one try in one UPDATE (atomic on SQLite and PostgreSQL): none is left while the account is
    /// locked; the try that uses the last one locks the account, and a right password lifts that lock.
    /// </summary>
    async Task<bool> TakeTryAsync(int userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime until0 = now + LockFor(0), until1 = now + LockFor(1), until2 = now + LockFor(2), until3 = now + LockFor(3), until4 = now + LockFor(4);
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        var taken = await db.Users
            .Where(u => u.Id == userId && (u.LockedUntilUtc == null || u.LockedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockedUntilUtc, u => u.FailedLogins + 1 >= MaxFailures
                    ? (u.LockOuts == 0 ? until0 : u.LockOuts == 1 ? until1 : u.LockOuts == 2 ? until2 : u.LockOuts == 3 ? until3 : until4)
                    : (DateTime?)null)
                .SetProperty(u => u.LockOuts, u => u.FailedLogins + 1 >= MaxFailures ? u.LockOuts + 1 : u.LockOuts)
                .SetProperty(u => u.FailedLogins, u => u.FailedLogins + 1 >= MaxFailures ? 0 : u.FailedLogins + 1), ct);
        return taken == 1;
    }

    async Task ResetAsync(int userId, bool keepLockCount, CancellationToken ct)
    {
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedLogins, 0)
            .SetProperty(u => u.LockedUntilUtc, (DateTime?)null)
            .SetProperty(u => u.LockOuts, u => keepLockCount ? u.LockOuts : 0), ct);
    }

    /// <summary>Ends every session of the account: the cookies carry the old stamp.</summary>
    public async Task EndSessionsAsync(int userId, CancellationToken ct = default)
    {
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, User.NewStamp()), ct);
    }

    public static ClaimsPrincipal PrincipalFor(User user, bool withCode = false)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(Claims.UserId, user.Id.ToString()),
            new(Claims.Stamp, user.SecurityStamp),
        };
        if (user.AgencyId is { } agency) claims.Add(new(Claims.AgencyId, agency.ToString()));
        if (withCode) claims.Add(new(Claims.TwoFactor, "1"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Task SignInAsync(HttpContext http, User user, bool withCode = false) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user, withCode));

    /// <summary>The client's address as the app sees it (behind a proxy: after forwarded headers).</summary>
    public static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
