using Microsoft.Extensions.DependencyInjection.Extensions;
using ParTrack.Features.Notifications;

namespace ParTrack.Features.Reporting;

public static class ReportingSetup
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<Obligations>();
        services.AddScoped<ReportPeriods>();
        services.AddScoped<ReportWork>();
        services.TryAddSingleton<FileStore>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<Dashboard.DashboardQuery>();
        services.AddMemoryCache();
        services.AddSingleton<Dashboard.DashboardCache>();
        services.AddScoped<ConsolidatedReport>();
        services.AddNotifications();
        return services;
    }
}
