using Microsoft.Extensions.Logging;

namespace ParTrack.E2E.Infrastructure;

/// <summary>
/// The app's warnings and errors during browser tests, appended to one file (PARTRACK_E2E_LOG, default
/// /tmp/partrack-e2e-server.log): a browser only shows "Đã xảy ra lỗi", the cause is here.
/// </summary>
sealed class ServerLog : ILoggerProvider, ILogger
{
    static readonly Lock Gate = new();
    public static readonly string Path = Environment.GetEnvironmentVariable("PARTRACK_E2E_LOG") is { Length: > 0 } p
        ? p : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "partrack-e2e-server.log");

    public ILogger CreateLogger(string categoryName) => this;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (Gate) File.AppendAllText(Path, $"{DateTime.UtcNow:O} {logLevel}: {formatter(state, exception)}\n{exception}\n");
    }

    public void Dispose() { }
}
