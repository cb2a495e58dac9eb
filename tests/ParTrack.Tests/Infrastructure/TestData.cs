using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Agencies;

namespace ParTrack.Tests.Infrastructure;

/// <summary>Test data builders: each test states only what matters and gets unique names.</summary>
public static class TestData
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";

    public static Agency Agency(string? name = null, AgencyKind kind = AgencyKind.Department, AdminLevel level = AdminLevel.Province,
        string? shortName = null, params string[] aliases) => new()
        {
            Name = name ?? Unique("Sở Thử nghiệm"),
            ShortName = shortName,
            Kind = kind,
            Level = level,
            Aliases = aliases.Select(a => new AgencyAlias { Text = a, Key = AliasKey.Of(a) }).ToList(),
        };

    public static async Task<Agency> AddAgencyAsync(this TestApp app, Agency agency)
    {
        await app.Db(async db => { db.Agencies.Add(agency); await db.SaveChangesAsync(); });
        return agency;
    }

    public static Task<int> AgencyIdAsync(this TestApp app, string name) =>
        app.Db(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<int> UserIdAsync(this TestApp app, string userName) =>
        app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
