using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>The secrets of integration tokens: "pt_" + 32 random bytes (base64url); only their SHA-256 is stored.</summary>
public static class TokenSecret
{
    public const string Prefix = "pt_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// `Authorization: Bearer pt_...` on /api/* (docs/security.md): the token acts as its role, and as its agency's
/// officer when it has an agency. The principal carries the same role and agency claims a signed-in user has,
/// but no user id or security stamp: the cookie's stamp check (AccountsSetup.ValidateAsync) belongs to the cookie
/// scheme only, and a token is checked here instead, on every request (revoked or expired → 401).
/// </summary>
public sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, AppDbContext db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    /// <summary>Marks a principal that came from a token (audit names it "token:NAME").</summary>
    public const string TokenClaim = "partrack:token";
    static readonly TimeSpan LastUsedEvery = TimeSpan.FromMinutes(1);

    /// <summary>Only the API takes tokens: a page request with a bearer header is still a cookie request.</summary>
    public static bool Applies(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api")
        && ctx.Request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Applies(Context)) return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()[(SchemeName.Length + 1)..].Trim();
        if (!secret.StartsWith(TokenSecret.Prefix) || secret.Length > 200) return AuthenticateResult.Fail("Not a ParTrack token.");
        var hash = TokenSecret.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.IntegrationTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash);
        if (token is null || token.RevokedUtc is not null || token.ExpiresUtc <= now || token.Role == Role.Administrator)
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        // Once a minute at most, and outside the audited save (a heartbeat, not a change someone made).
        if (token.LastUsedUtc is null || now - token.LastUsedUtc >= LastUsedEvery)
            await db.IntegrationTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now));

        var role = token.AgencyId is null ? token.Role : Role.AgencyOfficer;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "token:" + token.Name),
            new(ClaimTypes.Role, role.ToString()),
            new(TokenClaim, token.Id.ToString()),
        };
        if (token.AgencyId is int agency) claims.Add(new(Claims.AgencyId, agency.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Problem(StatusCodes.Status401Unauthorized,
        "Mã truy cập (token) không hợp lệ, đã thu hồi hoặc đã hết hạn.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Problem(StatusCodes.Status403Forbidden,
        "Không có quyền thực hiện thao tác này.");

    Task Problem(int status, string title)
    {
        Response.StatusCode = status;
        if (status == 401) Response.Headers.WWWAuthenticate = SchemeName;
        return Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title },
        }).AsTask();
    }
}
