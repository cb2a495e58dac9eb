using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ParTrack.Tests.Infrastructure;

/// <summary>OpenTelemetry: off unless OpenTelemetry:Endpoint is set; then traces and metrics reach the collector.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task WithoutAnEndpoint_NothingIsRecorded()
    {
        await using var app = new TestApp(Databases.Sqlite);
        _ = app.Server;

        app.Services.GetService<TracerProvider>().Should().BeNull();
        app.Services.GetService<MeterProvider>().Should().BeNull();
    }

    [Fact]
    public async Task WithAnEndpoint_TracesAndMetricsReachTheCollector()
    {
        using var collector = new OtlpCollector();
        await using var app = new TestApp(Databases.Sqlite);
        var traced = app.WithWebHostBuilder(b => b
            .UseSetting("OpenTelemetry:Endpoint", collector.Url)
            .UseSetting("OpenTelemetry:Protocol", "http/protobuf")
            .UseSetting("OpenTelemetry:ServiceName", "partrack-telemetry-test"));
        var client = traced.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        // The request's span ends just after its response and the batch exporter sends on its own schedule: on a
        // busy machine the flush at shutdown alone has missed it, so flush until the collector has a trace.
        var tracer = traced.Services.GetRequiredService<TracerProvider>();
        var meter = traced.Services.GetRequiredService<MeterProvider>();
        for (var i = 0; i < 50 && (!collector.Received("/v1/traces").Any() || !collector.Received("/v1/metrics").Any()); i++)
        {
            tracer.ForceFlush(5000);
            meter.ForceFlush(5000);
            await Task.Delay(100);
        }
        await traced.DisposeAsync();   // stopping the host flushes both exporters

        var traces = collector.Received("/v1/traces");
        traces.Should().NotBeEmpty("paths received: {0}", string.Join(", ", collector.Paths));
        traces.Should().Contain(body => body.Contains("partrack-telemetry-test") && body.Contains("/health/ready"));
        collector.Received("/v1/metrics").Should().Contain(body => body.Contains("http.server.request.duration"));
    }

    /// <summary>An OTLP/HTTP collector on a free loopback port that keeps each request's path and body.</summary>
    sealed class OtlpCollector : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly List<(string Path, string Body)> _requests = [];

        public string Url { get; }

        public OtlpCollector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using var body = new MemoryStream();
                await ctx.Request.InputStream.CopyToAsync(body);
                // Protobuf: the strings (service name, route, metric names) are there as UTF-8 bytes.
                lock (_requests) _requests.Add((ctx.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/x-protobuf";
                ctx.Response.Close();
            }
        }

        public IReadOnlyList<string> Paths { get { lock (_requests) return _requests.Select(r => r.Path).ToList(); } }

        public IReadOnlyList<string> Received(string path)
        {
            lock (_requests) return _requests.Where(r => r.Path == path).Select(r => r.Body).ToList();
        }

        public void Dispose() => _listener.Close();
    }
}
