using System.Diagnostics;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using ParTrack.Features.Reporting;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// Kills a process while it is saving reports (the app's own `crash-writer` verb: same services, SQLite in
/// WAL mode) and reopens the database: it must be intact, and every report it holds must be whole.
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task KilledWhileSavingReports_DatabaseIsIntact_AndEveryCommittedReportIsWhole()
    {
        var dir = Path.Combine(Path.GetTempPath(), "partrack-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var dbPath = Path.Combine(dir, "crash.db");
        var created = new List<int>();
        var lastSaved = 0;
        try
        {
            var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "partrack.dll"), "crash-writer", dbPath])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir,
            };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            using var process = Process.Start(psi)!;
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            // Let it commit some rounds, then kill it without warning (SIGKILL) in the middle of the next ones.
            while (lastSaved < 12 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("created ")) created.Add(int.Parse(line[8..]));
                if (line.StartsWith("saved ")) lastSaved = int.Parse(line[6..]);
            }
            lastSaved.Should().Be(12, "the writer should have saved 12 rounds before it is killed");
            await Task.Delay(Random.Shared.Next(5, 60));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            // Reopen (SQLite replays the WAL) and check.
            await using var conn = new SqliteConnection($"Data Source={dbPath};Pooling=False");
            await conn.OpenAsync();
            (await Scalar(conn, "PRAGMA integrity_check")).Should().Be("ok");
            (await Scalar(conn, "PRAGMA journal_mode")).Should().Be("wal");

            // Every report has all its entries: created in one save with every activity, never half.
            var counts = await Rows(conn, "SELECT r.Id, (SELECT COUNT(*) FROM ReportEntry e WHERE e.ReportId = r.Id) FROM AgencyReport r");
            counts.Select(r => r[0]).Should().Contain(created.Select(id => (long)id), "every report announced as created was committed");
            counts.Should().OnlyContain(r => r[1] == ReportingTools.CrashActivities, "a report is stored with all its items or not at all");

            // Sở Nội vụ's report was saved round after round: all its entries carry the same round as its results.
            var snv = await Rows(conn, """
                SELECT COUNT(*), SUM(e.WorkDone = r.Results), CAST(substr(r.Results, 6) AS INTEGER)
                FROM AgencyReport r JOIN Agencies a ON a.Id = r.AgencyId JOIN ReportEntry e ON e.ReportId = r.Id
                WHERE a.Name = 'Sở Nội vụ' GROUP BY r.Id
                """);
            snv.Should().ContainSingle();
            snv[0][0].Should().Be(ReportingTools.CrashActivities);
            snv[0][1].Should().Be(snv[0][0], "no entry is left from an earlier round: the save is one transaction");
            snv[0][2].Should().BeGreaterThanOrEqualTo(lastSaved, "a round announced as saved is not lost");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    static async Task<string> Scalar(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync())!;
    }

    static async Task<List<long[]>> Rows(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<long[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? 0 : reader.GetInt64(i)).ToArray());
        return rows;
    }
}
