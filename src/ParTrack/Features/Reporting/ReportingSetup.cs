using ParTrack.Features.Notifications;

namespace ParTrack.Features.Reporting;

public static class ReportingSetup
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<Obligations>();
        services.AddScoped<ReportPeriods>();
        services.AddScoped<ReportWork>();
        services.AddSingleton<SubmitConfirmation>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<Progress>();
        services.AddScoped<Tallies>();
        services.AddScoped<ProgressPages>();
        services.AddScoped<TargetRules>();
        services.AddScoped<MeasureBindings>();
        services.AddScoped<TargetWarnings>();
        services.AddScoped<Shared.IWorkItemSource, TargetWarningItems>();
        services.AddScoped<ActivityRisks>();
        services.AddScoped<Shared.IWorkItemSource, ActivityRiskItems>();
        services.AddScoped<Shared.IReportContribution, EarlyWarningReportSection>();
        services.AddScoped<Dashboard.DashboardQuery>();
        services.AddMemoryCache();
        services.AddSingleton<Dashboard.DashboardCache>();
        services.AddScoped<ConsolidatedReport>();
        services.AddScoped<Shared.IWorkItemSource, ReportingWorkItems>();
        services.AddScoped<Documents.ReportFactsQuery>();
        services.AddScoped<Documents.ProvinceReport>();
        services.AddScoped<Documents.ReportDrafts>();
        services.AddScoped<Documents.AgencyReportDocument>();
        // The PAR Index self-assessment offers files already sent in this year's reports as evidence.
        services.AddScoped<ParIndex.IReportEvidenceSource, ReportEvidenceFiles>();
        services.AddNotifications();
        // Evidence uploads over the limit, even chunked ones, get a clear message instead of the generic error page.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageApplicationModelConvention("/Reporting/Report", page => page.Filters.Add(new UploadTooLargeFilter())));
        return services;
    }
}
