using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Npgsql;
using ParTrack.Tests.Cli;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Publishing;

/// <summary>
/// docs/open-data.md's example aggregator (tools/open-data-aggregate.sh) against three provinces: three partrack
/// processes on loopback (random ports, own SQLite databases, the demo with its publications, each its own province
/// identity), loaded into one PostgreSQL database, compared.
/// </summary>
public sealed class OpenDataAggregateTests
{
    static readonly (string Code, string Name)[] Provinces = [("42", "Hà Tĩnh"), ("40", "Nghệ An"), ("44", "Quảng Trị")];

    [AggregateFact]
    public async Task Aggregator_LoadsThreeProvincesPackagesIntoOnePostgresDatabase_AndComparesThem()
    {
        var instances = Provinces.Select(p =>
        {
            var port = FreePort();
            var process = new PartrackProcess([$"--urls=http://127.0.0.1:{port}", "--Demo:SeedOnEmpty=true", "--Demo:DossierCount=0",
                $"--Public:ProvinceCode={p.Code}", $"--Public:ProvinceName={p.Name}", "--Reporting:Reminders=false"],
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Testing" });
            return (Process: process, Url: $"http://127.0.0.1:{port}");
        }).ToList();
        var database = "partrack_agg_" + Guid.NewGuid().ToString("N")[..10];
        var server = new NpgsqlConnectionStringBuilder(Databases.PostgresServer!) { Pooling = false };
        await Execute(server.ToString(), $"CREATE DATABASE \"{database}\"");
        try
        {
            foreach (var (process, _) in instances)
                (await process.WaitForLineAsync(l => l.Contains("ParTrack đang chạy tại"), TimeSpan.FromMinutes(8)))
                    .Should().NotBeNull("the instance starts with its demo; stderr: " + process.Stderr);

            var script = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "tools", "open-data-aggregate.sh"),
                $"postgresql://{server.Username}@{server.Host}:{server.Port}/{database}", .. instances.Select(i => i.Url + "/cong-khai/datapackage.json")])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var run = Process.Start(script)!;
            var output = run.StandardOutput.ReadToEndAsync();
            var errors = run.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await run.WaitForExitAsync(timeout.Token);

            run.ExitCode.Should().Be(0, await errors);
            var text = await output;
            foreach (var (code, name) in Provinces)
            {
                text.Should().Contain($"{name} ({code}): 4 resource(s) loaded");
                text.Split('\n').Should().Contain(l => l.Contains(name) && l.Contains("2025-9M"), "{0} is compared on the 9-month progress", name);
            }
            text.Should().Contain("PAR Index by province");
            (await Scalar(server, database, "SELECT count(DISTINCT province_code) FROM rows WHERE kind = 'par-index'")).Should().Be(3);
        }
        finally
        {
            foreach (var (process, _) in instances) process.Dispose();
            NpgsqlConnection.ClearAllPools();
            await Execute(server.ToString(), $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    static async Task Execute(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task<long> Scalar(NpgsqlConnectionStringBuilder server, string database, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ToString()) { Database = database }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tools", "open-data-aggregate.sh"))) return dir.FullName;
        throw new InvalidOperationException("tools/open-data-aggregate.sh not found above " + AppContext.BaseDirectory);
    }
}

public sealed class AggregateFactAttribute : FactAttribute
{
    public AggregateFactAttribute()
    {
        if (Databases.PostgresServer is null) Skip = "PARTRACK_TEST_POSTGRES is not set (source scripts/start-postgres.sh).";
        else if (!File.Exists("/usr/bin/jq") || !File.Exists("/usr/bin/psql")) Skip = "The example needs jq and psql (Debian: apt-get install jq postgresql-client).";
    }
}
