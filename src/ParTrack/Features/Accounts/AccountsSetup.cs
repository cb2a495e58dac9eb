using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>The short-lived cookie between a right password and the authenticator code.</summary>
    public const string PendingScheme = "TwoFactorPending";
    /// <summary>
    /// The default scheme: a bearer token on /api/* (TokenAuthenticationHandler), the session cookie everywhere
    /// else. Pages never see a token; the API takes either, so every policy accepts cookie or bearer.
    /// </summary>
    public const string CookieOrToken = "CookieOrToken";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<ClientThrottle>();
        services.AddSingleton<PasswordPolicy>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<TwoFactor>();

        services.AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, null, o => o.ForwardDefaultSelector = ctx =>
                TokenAuthenticationHandler.Applies(ctx) ? TokenAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/Accounts/Login";
                o.LogoutPath = "/Accounts/Logout";
                o.Cookie.Name = "partrack.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized, redirect: true);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden, redirect: false);
                o.Events.OnValidatePrincipal = ValidateAsync;
            })
            .AddCookie(PendingScheme, o =>
            {
                o.Cookie.Name = "partrack.2fa";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
            });
        // Behind TLS (production) the browser sends the cookies only over HTTPS; `Security:SecureCookies`
        // overrides for a plain-HTTP loopback run (run.sh, benchmarks).
        Secure<CookieAuthenticationOptions>(services, CookieAuthenticationDefaults.AuthenticationScheme, o => o.Cookie);
        Secure<CookieAuthenticationOptions>(services, PendingScheme, o => o.Cookie);
        Secure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(services, Options.DefaultName, o => o.Cookie);
        Secure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(services, Options.DefaultName, o => o.Cookie);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(Role.Administrator)))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(nameof(Role.Administrator), nameof(Role.Coordinator)))
            .AddPolicy(Policies.Editor, p => p.RequireRole(nameof(Role.Administrator), nameof(Role.Coordinator), nameof(Role.AgencyOfficer)));
        return services;
    }

    /// <summary>
    /// With `Security:RequireTwoFactorForAdmins`, an administrator whose session was opened without an
    /// authenticator code can only turn two-factor sign-in on (pages redirect there, the API answers 403).
    /// </summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var user = ctx.User;
        if (user.IsInRole(nameof(Role.Administrator)) && user.FindFirst(Claims.TwoFactor) is null
            && ctx.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:RequireTwoFactorForAdmins", false)
            && !TwoFactorExempt.Any(p => ctx.Request.Path.StartsWithSegments(p)))
        {
            if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            else ctx.Response.Redirect("/Accounts/TwoFactor");
            return;
        }
        await next();
    });

    static readonly string[] TwoFactorExempt = ["/Accounts/TwoFactor", "/Accounts/Logout", "/Accounts/Login", "/Accounts/LoginCode", "/lang", "/Error", "/health"];

    static void Secure<TOptions>(IServiceCollection services, string name, Func<TOptions, CookieBuilder> cookie) where TOptions : class =>
        services.AddOptions<TOptions>(name).Configure<IConfiguration, IHostEnvironment>((o, config, env) =>
            cookie(o).SecurePolicy = config.GetValue("Security:SecureCookies", env.IsProduction()) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

    /// <summary>
    /// The API answers 401/403 with problem details; pages redirect to the login page when signed out
    /// and show the 403 page (through status code pages) when the role does not allow.
    /// </summary>
    static async Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status, bool redirect)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx.HttpContext,
                ProblemDetails = { Status = status, Title = status == 401 ? "Chưa đăng nhập." : "Không có quyền thực hiện thao tác này." },
            });
            return;
        }
        if (redirect) ctx.Response.Redirect(ctx.RedirectUri);
        else ctx.Response.StatusCode = status;
    }

    /// <summary>
    /// Every request: the account must still be active with the same role and agency, and its security
    /// stamp must be the one the cookie was issued with (sign-out, a password change or reset and a 2FA
    /// reset change it), otherwise the session ends.
    /// </summary>
    static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        if (!int.TryParse(principal?.FindFirstValue(Claims.UserId), out var id)) { ctx.RejectPrincipal(); return; }
        var services = ctx.HttpContext.RequestServices;
        // Kept per data version: any write (deactivation, role, agency, stamp) makes the next request read the row again.
        var user = await services.GetRequiredService<SteadyReads>().GetAsync($"user:{id}", () =>
            services.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new SignedInUser(u.Active, u.Role, u.AgencyId, u.SecurityStamp)).FirstOrDefaultAsync());
        if (user is null || !user.Active
            || principal!.FindFirstValue(ClaimTypes.Role) != user.Role.ToString()
            || principal.FindFirstValue(Claims.AgencyId) != user.AgencyId?.ToString()
            || principal.FindFirstValue(Claims.Stamp) != user.SecurityStamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>What the session is checked against on every request.</summary>
    sealed record SignedInUser(bool Active, Role Role, int? AgencyId, string SecurityStamp);
}
