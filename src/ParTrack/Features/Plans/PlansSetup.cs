using ParTrack.Features.Accounts;
using ParTrack.Features.MyWork;

namespace ParTrack.Features.Plans;

public static class PlansSetup
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanEditing>();
        services.AddScoped<PlanLifecycle>();
        services.AddScoped<ActivityEditing>();
        services.AddScoped<UnresolvedNames>();
        services.AddScoped<Cascade>();
        services.AddScoped<ImportSessions>();
        services.AddScoped<KeptUploads>();
        services.AddScoped<MyWorkQuery>();
        services.AddScoped<Shared.IWorkItemSource, PlansWorkItems>();
        return services;
    }

    public static Viewer ToViewer(this CurrentUser me) => new(me.UserName, me.Role ?? Data.Role.Leader, me.AgencyId);
}
