using System.Text.Json;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Sign-ins, sign-outs and failed attempts in the audit log (entity "SignIn"), with the name that was
/// tried and the client's address, so an administrator sees who tried what from where.
/// </summary>
public sealed class SignInAudit(AppDbContext db, TimeProvider clock)
{
    public const string Entity = "SignIn";
    public const string SignedIn = "Login";
    public const string PasswordAccepted = "LoginPassword";
    public const string Failed = "LoginFailed";
    public const string LockedOut = "LockedOut";
    public const string Throttled = "Throttled";
    public const string SignedOut = "Logout";

    public async Task WriteAsync(string userName, int? userId, string action, string client, CancellationToken ct, string? detail = null)
    {
        var after = new Dictionary<string, string> { ["Client"] = client };
        if (detail is not null) after["Detail"] = detail;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            // The name as typed (shortened): an administrator looks for probes of names that do not exist too.
            UserName = userName.Length > Limits.ShortText ? userName[..Limits.ShortText] : userName,
            Entity = Entity,
            EntityId = userId?.ToString() ?? "",
            Action = action,
            After = JsonSerializer.Serialize(after),
        });
        await db.SaveChangesAsync(ct);
    }
}
