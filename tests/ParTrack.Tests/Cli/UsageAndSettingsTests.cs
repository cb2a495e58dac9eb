using System.Text.Json;
using FluentAssertions;

namespace ParTrack.Tests.Cli;

/// <summary>The executable as an operator runs it: usage, wrong settings, JSON logs and the health probes.</summary>
public sealed class UsageAndSettingsTests
{
    static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_PrintsTheUsage_AndExitsWithCode2(string flag)
    {
        using var p = new PartrackProcess([flag]);

        (await p.ExitCodeAsync(Quick)).Should().Be(2, "help must not start the web server; stderr: {0}", p.Stderr);
        p.Stdout.Should().Contain("Cách dùng: partrack").And.Contain("import TỆP").And.Contain("backup");
    }

    [Fact]
    public async Task UnknownVerb_PrintsTheUsageNamingIt_AndExitsWithCode2()
    {
        using var p = new PartrackProcess(["imprt", "plan.docx"]);

        (await p.ExitCodeAsync(Quick)).Should().Be(2, "an unknown verb must not start the web server");
        p.Stderr.Should().Contain("Không có lệnh \"imprt\"").And.Contain("Cách dùng: partrack");
    }

    [Theory]
    [InlineData("--Database:Provider=Oracle", "Database:Provider")]
    [InlineData("--Smtp:Port=abc", "Smtp:Port")]
    [InlineData("--Smtp:Port=70000", "Smtp:Port")]
    [InlineData("--Reporting:RemindDaysBefore=-1", "Reporting:RemindDaysBefore")]
    [InlineData("--OpenTelemetry:Endpoint=collector:4317", "OpenTelemetry:Endpoint")]
    [InlineData("--Files:Store=S3", "Files:Store")]
    public async Task WrongSetting_StopsTheApp_WithAMessageNamingTheKey(string setting, string key)
    {
        using var p = new PartrackProcess([setting, "--urls", "http://127.0.0.1:0"]);

        (await p.ExitCodeAsync(Quick)).Should().Be(1, "stdout: {0}", p.Stdout);
        p.Stderr.Should().Contain("Cấu hình không hợp lệ").And.Contain(key).And.NotContain("   at ", "no stack trace");
        File.Exists(Path.Combine(p.WorkDir, "data", "partrack.db")).Should().BeFalse("the database is not touched");
    }

    [Fact]
    public async Task PostgresWithoutConnectionString_StopsTheApp_NamingTheMissingKey()
    {
        using var p = new PartrackProcess(["--Database:Provider=Postgres", "--urls", "http://127.0.0.1:0"]);

        (await p.ExitCodeAsync(Quick)).Should().Be(1);
        p.Stderr.Should().Contain("ConnectionStrings:Postgres");
    }

    [Fact]
    public async Task Server_LogsJsonLines_AndAnswersItsHealthProbes()
    {
        // Installed as docs/deployment.md says: appsettings.json beside the program.
        using var p = new PartrackProcess(["--contentRoot", AppContext.BaseDirectory, "--urls", "http://127.0.0.1:0",
            "--Demo:SeedOnEmpty=false", "--Reporting:Reminders=false"]);

        var listening = await p.WaitForLineAsync(l => l.Contains("Now listening on"), TimeSpan.FromSeconds(120));
        listening.Should().NotBeNull("stdout: {0}\nstderr: {1}", p.Stdout, p.Stderr);
        using var log = JsonDocument.Parse(listening!);
        log.RootElement.GetProperty("LogLevel").GetString().Should().Be("Information");
        log.RootElement.GetProperty("Category").GetString().Should().Be("Microsoft.Hosting.Lifetime");
        log.RootElement.TryGetProperty("Timestamp", out _).Should().BeTrue();
        var url = log.RootElement.GetProperty("State").GetProperty("address").GetString();

        using var http = new HttpClient { BaseAddress = new Uri(url!) };
        (await http.GetStringAsync("/health/live")).Should().Contain("\"status\":\"Healthy\"");
        (await http.GetStringAsync("/health/ready")).Should().Contain("\"status\":\"Healthy\"").And.Contain("\"database\":\"ok\"");
        (await http.GetStringAsync("/health")).Should().Contain("ok");
    }
}
