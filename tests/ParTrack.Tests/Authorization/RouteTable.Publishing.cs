using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Publishing;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>The kind and key of a publication made directly in the database (ASCII text: the English pages show it as data).</summary>
    public const string TestKind = "route-test", TestKey = "2030-9M";

    static readonly ConditionalWeakTable<TestApp, object> publicData = new();

    /// <summary>A published table every public route can read (once per app).</summary>
    static async Task<string> Published(TestApp app, string url)
    {
        if (!publicData.TryGetValue(app, out _))
        {
            await app.Db(async db =>
            {
                var json = PublicTableJson.Write(new Features.Shared.PublicTable("Route test table",
                    [new("name", "string", "Name", "A name"), new("percent", "integer", "Percent", "A percent")], [["Alpha", 40], ["Beta", 75]]));
                db.Add(new Publication
                {
                    Kind = TestKind, ItemKey = TestKey, DatasetTitle = "Route test dataset", Label = "Route test 2030", TableJson = json,
                    Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))),
                    PublishedAtUtc = DateTime.UtcNow, PublishedBy = "coordinator",
                });
                await db.SaveChangesAsync();
            });
            app.Services.GetRequiredService<PublicCatalog>().Changed();
            publicData.AddOrUpdate(app, new object());
        }
        return url;
    }

    /// <summary>A published PAR round of its own, offered by the par-index dataset under its year.</summary>
    static async Task<string> PublishedRoundYear(TestApp app)
    {
        var id = await NewParRound(app, RoundStage.Published);
        return await app.Db(db => db.Set<ParRound>().Where(r => r.Id == id).Select(r => r.Year.ToString()).SingleAsync());
    }

    /// <summary>Routes of Features/Publishing: the public site is open to everyone, publishing to coordinators.</summary>
    static IEnumerable<RouteCase> Publishing() =>
    [
        RouteCase.Get("public: home", "/cong-khai", Who.Everyone),
        RouteCase.Get("public: home in English", "/public", Who.Everyone),
        RouteCase.Get("public: item page", app => Published(app, $"/cong-khai/{TestKind}/{TestKey}"), Who.Everyone),
        RouteCase.Get("public: item page in English", app => Published(app, $"/public/{TestKind}/{TestKey}"), Who.Everyone),
        RouteCase.Get("public: embeddable chart", app => Published(app, $"/cong-khai/nhung/{TestKind}/{TestKey}"), Who.Everyone),
        RouteCase.Get("public: embeddable chart in English", app => Published(app, $"/public/embed/{TestKind}/{TestKey}"), Who.Everyone),
        RouteCase.Get("public: csv", app => Published(app, $"/cong-khai/tai-ve/{TestKind}/{TestKey}.csv"), Who.Everyone),
        RouteCase.Get("public: json", app => Published(app, $"/cong-khai/tai-ve/{TestKind}/{TestKey}.json"), Who.Everyone),
        RouteCase.Get("public: data package", app => Published(app, "/cong-khai/datapackage.json"), Who.Everyone),
        RouteCase.Get("public: data package (English address)", app => Published(app, "/public/datapackage.json"), Who.Everyone),
        RouteCase.Get("public api: datasets", app => Published(app, "/api/public/datasets?page=1&pageSize=10"), Who.Everyone),
        RouteCase.Get("public api: rows", app => Published(app, $"/api/public/datasets/{TestKind}/{TestKey}?pageSize=1"), Who.Everyone),
        RouteCase.Get("publishing: coordinator page", "/Publishing", Who.Coordinators),
        RouteCase.Get("publishing: confirmation", async app => $"/Publishing?confirm=publish&kind=par-index&key={await PublishedRoundYear(app)}", Who.Coordinators),
        new RouteCase("publishing: publish", "POST", async app => $"/Publishing?handler=Publish&kind=par-index&key={await PublishedRoundYear(app)}", Who.Coordinators),
        new RouteCase("publishing: withdraw", "POST", async app =>
        {
            var year = await PublishedRoundYear(app);
            using (var scope = app.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<Publications>().PublishAsync("par-index", year, "coordinator");
            return $"/Publishing?handler=Withdraw&kind=par-index&key={year}";
        }, Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Reason"] = "Kiểm tra quyền" }),
        },
    ];
}
