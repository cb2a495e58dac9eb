using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Reporting;
using Xunit.Abstractions;

namespace ParTrack.Tests.Api;

/// <summary>
/// The OpenAPI document linted by Spectral (tests/api/.spectral.yaml), and the API fuzzed from it by Portman and
/// Newman as a coordinator and as an officer against the app on a loopback port (issue #19, "Also"). After every
/// request tests/api/newman/contract.js checks: no 5xx, and a status, content type and body the document declares.
/// </summary>
public sealed class ApiContractTests(KestrelApp app, ITestOutputHelper output) : IClassFixture<KestrelApp>
{
    static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    string Work(string name) => Path.Combine(app.Folder, name);

    async Task<string> SaveDocumentAsync()
    {
        var (client, _) = await app.SignInAsync("coordinator");
        var path = Work("openapi.json");
        await File.WriteAllTextAsync(path, await client.GetStringAsync("/openapi/v1.json"));
        return path;
    }

    [Fact]
    public async Task OpenApiDocument_PassesTheLinter()
    {
        var doc = await SaveDocumentAsync();
        if (Environment.GetEnvironmentVariable("PARTRACK_API_DEBUG") is { Length: > 0 } keep) File.Copy(doc, Path.Combine(keep, "openapi.json"), overwrite: true);
        var (exit, text) = await KestrelApp.RunToolAsync("spectral", ["lint", "--ruleset", ".spectral.yaml", "--fail-severity", "warn", doc], ToolTimeout);
        output.WriteLine(text);
        exit.Should().Be(0, text);
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("snv")]
    public async Task Fuzzer_FindsNothingTheDocumentDoesNotDeclare(string user)
    {
        var doc = await SaveDocumentAsync();
        var (_, cookie) = await app.SignInAsync(user);
        var globals = Work($"globals-{user}.json");
        await File.WriteAllTextAsync(globals, JsonSerializer.Serialize(new
        {
            name = "partrack-fuzz",
            values = (await VariablesAsync(cookie, File.ReadAllText(doc))).Select(v => new { key = v.Key, value = v.Value, enabled = true }),
        }));

        var collection = Work($"collection-{user}.json");
        var (portmanExit, portmanText) = await KestrelApp.RunToolAsync("portman",
            ["-l", doc, "-c", "portman-config.json", "-b", app.BaseUrl, "-o", collection, "--includeTests", "true"], ToolTimeout);
        portmanExit.Should().Be(0, portmanText);

        var report = Work($"newman-{user}.json");
        var (_, newmanText) = await KestrelApp.RunToolAsync("newman",
            ["run", collection, "-g", globals, "--reporters", "cli,json", "--reporter-json-export", report,
             "--iteration-count", "4", "--timeout", "150000", "--timeout-request", "15000", "--disable-unicode", "--color", "off"], ToolTimeout);

        File.Exists(report).Should().BeTrue(newmanText);
        var run = JsonNode.Parse(File.ReadAllText(report))!["run"]!;
        var requests = run["stats"]!["requests"]!["total"]!.GetValue<int>();
        var assertions = run["stats"]!["assertions"]!["total"]!.GetValue<int>();
        var failures = run["failures"]!.AsArray()
            .Select(f => $"{f!["source"]?["name"]}: {f["error"]?["test"]} — {f["error"]?["message"]}").ToList();
        output.WriteLine($"{user}: {requests} requests, {assertions} assertions, {failures.Count} failures");
        foreach (var f in failures) output.WriteLine(f);
        // What was sent and answered, by operation and status, so a run shows what the fuzzer covered.
        foreach (var line in run["executions"]!.AsArray()
                     .GroupBy(e => $"{e!["request"]?["method"]} {string.Join('/', e!["request"]?["url"]?["path"]?.AsArray().Select(p => p?.ToString()) ?? [])} → {e!["response"]?["code"]}")
                     .OrderBy(g => g.Key))
            output.WriteLine($"  {line.Count(),3} × {line.Key}");
        if (Environment.GetEnvironmentVariable("PARTRACK_API_DEBUG") is { Length: > 0 } keep)
            foreach (var f in new[] { doc, collection, report, globals }) File.Copy(f, Path.Combine(keep, Path.GetFileName(f)), overwrite: true);
        requests.Should().BeGreaterThan(30, newmanText);
        failures.Should().BeEmpty();
    }

    /// <summary>Real ids for the path variables (the officer's own agency, plan and report), the cookie, and the contract.</summary>
    async Task<Dictionary<string, string>> VariablesAsync(string cookie, string document)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var snv = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync();
        return new()
        {
            ["authCookie"] = cookie,
            ["agencyId"] = snv.ToString(),
            ["groupId"] = (await db.AgencyGroups.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync()).ToString(),
            ["planId"] = (await db.Plans.Where(p => p.OwnerAgencyId == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(),
            ["activityId"] = (await db.Activities.Where(a => a.Plan!.OwnerAgencyId == snv).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()).ToString(),
            ["reportId"] = (await db.Set<AgencyReport>().Where(r => r.AgencyId == snv).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(),
            ["programmeId"] = (await db.Set<Features.Inspections.InspectionProgramme>().OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync())?.ToString() ?? "1",
            ["findingId"] = (await db.Set<Features.Inspections.InspectionFinding>().OrderBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync())?.ToString() ?? "1",
            ["contract"] = ContractOf(document).ToJsonString(),
        };
    }

    /// <summary>
    /// "METHOD /path" → status → declared content types and the JSON schema with references resolved and OpenAPI 3.0's
    /// nullable written as JSON Schema's type null, so the Postman sandbox can check bodies without the document.
    /// </summary>
    static JsonObject ContractOf(string document)
    {
        var doc = JsonNode.Parse(document)!;
        var schemas = doc["components"]?["schemas"]?.AsObject() ?? [];
        var contract = new JsonObject();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = new JsonObject();
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    var content = response!["content"]?.AsObject();
                    var schema = content?.Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);
                    responses[status] = new JsonObject
                    {
                        ["contentTypes"] = new JsonArray(content?.Select(c => (JsonNode?)JsonValue.Create(c.Key)).ToArray() ?? []),
                        ["schema"] = schema is null ? null : JsonSchemaOf(schema, schemas, 0),
                    };
                }
                contract[$"{method.ToUpperInvariant()} {path}"] = responses;
            }
        return contract;
    }

    static JsonNode? JsonSchemaOf(JsonNode? node, JsonObject schemas, int depth)
    {
        if (depth > 20) return new JsonObject();
        switch (node)
        {
            case JsonObject o when o["$ref"]?.GetValue<string>() is { } reference:
                return JsonSchemaOf(schemas[reference.Split('/')[^1]], schemas, depth + 1);
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (key, value) in o)
                    if (key is not ("nullable" or "format" or "example" or "examples")) result[key] = JsonSchemaOf(value, schemas, depth + 1);
                if (o["nullable"]?.GetValue<bool>() == true)
                {
                    if (result["type"] is JsonValue type) result["type"] = new JsonArray(type.GetValue<string>(), "null");
                    else return new JsonObject { ["anyOf"] = new JsonArray(result, new JsonObject { ["type"] = "null" }) };
                }
                return result;
            case JsonArray a:
                return new JsonArray(a.Select(x => JsonSchemaOf(x, schemas, depth + 1)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
