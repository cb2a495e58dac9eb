namespace ParTrack.Features.Agencies;

public static class AgenciesSetup
{
    public static IServiceCollection AddAgencies(this IServiceCollection services)
    {
        services.AddScoped<AgencyDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
