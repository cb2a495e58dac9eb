using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Cli;
using ParTrack.Data;

namespace ParTrack.Tests.Infrastructure;

public sealed class BackupCommandTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly DateTime Now = new(2025, 3, 10, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Backup_WhileTheAppRuns_MakesACopyThatOpensWithTheSameRows()
    {
        var app = fx.App();
        var client = await app.As("coordinator");   // the app is up and has written (sign-in, audit)
        (await client.GetAsync("/Agencies")).EnsureSuccessStatusCode();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var target = Path.Combine(Path.GetTempPath(), "partrack-tests", $"backup-{Guid.NewGuid():N}", "copy.db");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = BackupCommand.Run(settings, target, Now, stdout, stderr);

        code.Should().Be(0, stderr.ToString());
        stdout.ToString().Should().Contain(target).And.Contain("ok");
        using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        copy.Open();
        Scalar(copy, "PRAGMA integrity_check").Should().Be("ok");
        using var live = new SqliteConnection(settings.ConnectionString);
        live.Open();
        foreach (var table in new[] { "Agencies", "AgencyGroups", "AgencyAliases", "Users" })
        {
            var rows = Scalar(live, $"SELECT COUNT(*) FROM \"{table}\"");
            rows.Should().NotBe("0", $"the demo seeds {table}");
            Scalar(copy, $"SELECT COUNT(*) FROM \"{table}\"").Should().Be(rows, $"the copy has every row of {table}");
        }
    }

    [Fact]
    public void Backup_ToAnExistingFile_RefusesAndSaysWhy()
    {
        var settings = fx.App().Services.GetRequiredService<DatabaseSettings>();
        var target = Path.Combine(Path.GetTempPath(), "partrack-tests", $"backup-{Guid.NewGuid():N}.db");
        File.WriteAllText(target, "older backup");
        var stderr = new StringWriter();

        BackupCommand.Run(settings, target, Now, TextWriter.Null, stderr).Should().Be(1);

        stderr.ToString().Should().Contain("đã có");
        File.ReadAllText(target).Should().Be("older backup");
    }

    [Fact]
    public void Backup_OnPostgres_PointsToPgDump()
    {
        var stderr = new StringWriter();

        BackupCommand.Run(new DatabaseSettings(true, "Host=127.0.0.1;Database=partrack"), null, Now, TextWriter.Null, stderr).Should().Be(2);

        stderr.ToString().Should().Contain("pg_dump");
    }

    static string Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar())!;
    }
}
