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
    public sealed record WrongPassword(int AttemptsLeft) : SignInResult;
    public sealed record LockedOut(DateTime UntilUtc) : SignInResult;
    /// <summary>A deactivated account; <paramref name="UserId"/> only when the password was right, so the reason is told to its owner alone.</summary>
    public sealed record Inactive(int? UserId = null) : SignInResult;
}

/// <summary>Checks a password with the framework hasher and locks the account after repeated failures.</summary>
public sealed class SignInService(AppDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    public async Task<SignInResult> CheckAsync(string userName, string password, CancellationToken ct = default)
    {
        var name = userName.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        // An unknown user is told the same as a wrong password, so names cannot be probed.
        if (user is null) return new SignInResult.WrongPassword(MaxFailures);
        if (!user.Active)
            return new SignInResult.Inactive(hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.LockedUntilUtc > now) return new SignInResult.LockedOut(user.LockedUntilUtc.Value);

        var check = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            user.FailedLogins++;
            SignInResult result = new SignInResult.WrongPassword(MaxFailures - user.FailedLogins);
            if (user.FailedLogins >= MaxFailures)
            {
                user.FailedLogins = 0;
                user.LockedUntilUtc = now + LockOut;
                result = new SignInResult.LockedOut(user.LockedUntilUtc.Value);
            }
            await db.SaveChangesAsync(ct);
            return result;
        }
        if (check == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        if (user.FailedLogins != 0 || user.LockedUntilUtc is not null)
        {
            user.FailedLogins = 0;
            user.LockedUntilUtc = null;
        }
        await db.SaveChangesAsync(ct);
        return new SignInResult.Success(user);
    }

    public static ClaimsPrincipal PrincipalFor(User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(Claims.UserId, user.Id.ToString()),
        };
        if (user.AgencyId is { } agency) claims.Add(new(Claims.AgencyId, agency.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Task SignInAsync(HttpContext http, User user) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user));
}
