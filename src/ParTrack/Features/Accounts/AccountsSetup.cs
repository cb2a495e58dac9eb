using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<SignInService>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
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
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(Role.Administrator)))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(nameof(Role.Administrator), nameof(Role.Coordinator)))
            .AddPolicy(Policies.Editor, p => p.RequireRole(nameof(Role.Administrator), nameof(Role.Coordinator), nameof(Role.AgencyOfficer)));
        return services;
    }

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

    /// <summary>A deactivated account, or one whose role or agency changed, is signed out on its next request.</summary>
    static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        if (!int.TryParse(principal?.FindFirstValue(Claims.UserId), out var id)) { ctx.RejectPrincipal(); return; }
        var db = ctx.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Active, u.Role, u.AgencyId }).FirstOrDefaultAsync();
        if (user is null || !user.Active
            || principal!.FindFirstValue(ClaimTypes.Role) != user.Role.ToString()
            || principal.FindFirstValue(Claims.AgencyId) != user.AgencyId?.ToString())
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
