using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

public static class InspectionsSetup
{
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddScoped<InspectionAccess>();
        services.AddScoped<Programmes>();
        services.AddScoped<Visits>();
        services.AddScoped<RemedyWork>();
        services.AddScoped<InspectionFigures>();
        services.AddScoped<InspectionTemplates>();
        services.AddScoped<InspectionDocx>();
        services.AddScoped<RemedyReminders>();
        services.AddScoped<ProgrammeTargets>();
        services.AddScoped<EscalationDigest>();
        services.AddScoped<IIndicatorSource, InspectionIndicators>();
        services.AddScoped<IAssessmentEvidence, InspectionParEvidence>();
        services.AddScoped<IReportContribution, InspectionReportSection>();
        services.AddScoped<IWorkItemSource, InspectionWorkItems>();
        services.AddScoped<IPublicDataset, InspectionCoverageDataset>();
        return services;
    }
}
