using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ParTrack.Features.ParIndex;

public static class ParIndexSetup
{
    public static IServiceCollection AddParIndex(this IServiceCollection services)
    {
        services.AddScoped<CriteriaSets>();
        services.AddScoped<ParRounds>();
        services.AddScoped<ParGroups>();
        services.AddScoped<ParAssessments>();
        services.AddScoped<ParResults>();
        services.AddScoped<Shared.IWorkItemSource, ParIndexWorkItems>();
        // Reporting replaces this with the files units submitted in their progress reports.
        services.TryAddScoped<IReportEvidenceSource, NoReportEvidence>();
        return services;
    }
}
