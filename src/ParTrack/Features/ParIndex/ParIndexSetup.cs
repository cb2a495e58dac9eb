namespace ParTrack.Features.ParIndex;

public static class ParIndexSetup
{
    public static IServiceCollection AddParIndex(this IServiceCollection services)
    {
        services.AddScoped<CriteriaSets>();
        services.AddScoped<ParRounds>();
        services.AddScoped<ParAssessments>();
        services.AddScoped<ParResults>();
        services.AddSingleton<EvidenceStore>();
        return services;
    }
}
