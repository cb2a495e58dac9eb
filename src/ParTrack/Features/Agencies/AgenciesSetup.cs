namespace ParTrack.Features.Agencies;

public static class AgenciesSetup
{
    public static IServiceCollection AddAgencies(this IServiceCollection services)
    {
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<SaveAgency>();
        services.AddScoped<SaveGroup>();
        services.AddScoped<AgencyCsv>();
        services.AddScoped<Reorganisation>();
        services.AddScoped<MovedAccounts>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app) => app.MapAgencyEndpoints();
}
