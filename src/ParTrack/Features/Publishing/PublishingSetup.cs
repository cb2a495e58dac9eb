using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

public static class PublishingSetup
{
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddScoped<Publications>();
        services.AddSingleton<PublicCatalog>();
        services.AddScoped<PlanPeriods>();
        services.AddScoped<IPublicDataset, PlanProgressDataset>();
        services.AddScoped<IPublicDataset, PlanTargetsDataset>();
        services.AddScoped<IPublicDataset, PlanActivitiesDataset>();
        services.AddScoped<IPublicDataset, ParIndexDataset>();

        // The public site's language is in its address: /cong-khai is Vietnamese, /public English, whatever the cookie says.
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(ctx =>
            Task.FromResult(ctx.Request.Path.StartsWithSegments("/public") ? new ProviderCultureResult("en-US")
                : ctx.Request.Path.StartsWithSegments("/cong-khai") ? new ProviderCultureResult("vi-VN") : null))));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Publishing/Site");
            o.Conventions.AddPageRoute("/Publishing/Site/Index", "public");
            o.Conventions.AddPageRoute("/Publishing/Site/Item", "public/{kind}/{key}");
            o.Conventions.AddPageRoute("/Publishing/Site/Embed", "public/embed/{kind}/{key}");
        });

        // The public API is open to anyone: a fixed window per client address keeps one client from taking the server.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = PublicSettings.From(http.RequestServices.GetRequiredService<IConfiguration>()).RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // Other modules limit their own routes (the survey form) and answer their refusals in their own way.
            var previous = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (previous is not null && !http.Request.Path.StartsWithSegments("/api/public")) { await previous(context, ct); return; }
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = "Quá nhiều yêu cầu từ địa chỉ này. Hãy chờ một phút rồi thử lại (hoặc tải tệp CSV/datapackage.json một lần)." },
                });
            };
        });
        return services;
    }
}
