using Microsoft.AspNetCore.Authorization;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dossiers;

public static class DossiersSetup
{
    /// <summary>
    /// POST /api/dossiers: a province-wide integration token (issued at /Accounts/Tokens with the coordinator role and no
    /// agency) and nothing else: a signed-in user's cookie, even a coordinator's, carries no token claim (403).
    /// </summary>
    public const string PushPolicy = "DossierPush";

    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddScoped<DossierImporter>();
        services.AddMemoryCache();
        services.AddScoped<KpiQueries>();
        services.AddScoped<DossierDays>();
        services.AddHostedService<DossierDaysAtStart>();
        services.AddScoped<DossierUploads>();
        services.AddScoped<PointsTables>();
        services.AddScoped<RankingQuery>();
        services.AddScoped<IIndicatorSource, KpiIndicators>();
        services.AddScoped<IPublicDataset, KpiMonthDataset>();
        services.AddScoped<IReportContribution, KpiReportSection>();
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(PushPolicy, p => p
            .RequireAuthenticatedUser()
            .RequireClaim(TokenAuthenticationHandler.TokenClaim)
            .RequireRole(nameof(Role.Coordinator))));
        return services;
    }
}
