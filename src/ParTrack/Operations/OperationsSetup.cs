using Microsoft.Extensions.Logging.Console;

namespace ParTrack.Operations;

/// <summary>
/// What an operator needs around the features: settings checked at start-up, health probes, OpenTelemetry
/// (when configured). Logs are the console logger's JSON lines outside Development (appsettings.json,
/// `Logging:Console:FormatterName`); docs/configuration.md.
/// </summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings();
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddHealthProbes();
        // JSON lines also when appsettings.json is not beside the program; Development stays readable.
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName ??= builder.Environment.IsDevelopment() ? "simple" : "json");
        return builder;
    }
}
