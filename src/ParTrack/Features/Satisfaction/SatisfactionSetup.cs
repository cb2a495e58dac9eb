using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

public static class SatisfactionSetup
{
    /// <summary>The rate-limit policy of the public form's posts.</summary>
    public const string BurstPolicy = "survey-burst";

    public static IServiceCollection AddSatisfaction(this IServiceCollection services)
    {
        services.AddScoped<SurveyCampaigns>();
        services.AddScoped<SamplingFrame>();
        services.AddScoped<SurveyForm>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<IIndicatorSource, SatisfactionIndicators>();
        services.AddScoped<RatingSchemes>();
        services.AddScoped<RatingImporter>();
        services.AddScoped<RatingFigures>();
        services.AddScoped<IIndicatorSource, RatingIndicators>();
        services.AddScoped<IReportContribution, SatisfactionReportSection>();
        services.AddScoped<IPublicDataset, SatisfactionDataset>();
        services.AddHostedService<SurveyRetentionJob>();
        // Posts per client address per minute (the address is used in memory only, never stored with answers).
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            var perMinute = config.GetValue("Satisfaction:PostsPerMinute", 10);
            o.AddPolicy(BurstPolicy, http => http.Request.Method != HttpMethods.Post
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A body of its own: an empty 429 would be re-executed into the app's error page, with its navigation.
            // One handler serves every limiter: the public API's refusals (another module's) keep their own answer.
            var previous = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                if (previous is not null && !context.HttpContext.Request.Path.StartsWithSegments("/ks")) { await previous(context, ct); return; }
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                    "<title>Xin thử lại sau</title><link rel=\"stylesheet\" href=\"/css/survey.css\"></head><body><main class=\"ks\">" +
                    "<h1>Xin thử lại sau ít phút</h1><p class=\"note\">Có quá nhiều phiếu được gửi từ cùng một thiết bị trong thời gian ngắn. " +
                    "Xin đợi một phút rồi gửi lại.</p></main></body></html>", ct);
            };
        });
        return services;
    }
}
