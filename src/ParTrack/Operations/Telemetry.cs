using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ParTrack.Operations;

/// <summary>
/// OpenTelemetry traces (requests, outgoing HTTP, PostgreSQL commands), metrics (requests, runtime, PostgreSQL)
/// and logs, exported over OTLP to `OpenTelemetry:Endpoint`. Without an endpoint nothing is registered, so
/// nothing is recorded: no cost for an installation that does not collect them.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("OpenTelemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        // A malformed endpoint is reported by Settings.AreValid with its key; here it only means "off".
        if (!options.IsConfigured || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)) return services;
        var protocol = options.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Npgsql"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Npgsql"))
            .WithLogging()
            .UseOtlpExporter(protocol, endpoint);   // http/protobuf: adds /v1/traces, /v1/metrics, /v1/logs to the endpoint
        return services;
    }
}
