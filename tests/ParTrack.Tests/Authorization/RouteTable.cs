using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

/// <summary>Who may use a route: demo user names (see DemoData.Accounts) plus "anonymous".</summary>
public static class Who
{
    public const string Anonymous = "anonymous";
    public static readonly string[] Users = ["admin", "coordinator", "leader", "appraiser", "snv", "stp", "tphatinh"];
    public static readonly string[] Everyone = [Anonymous, .. Users];
    /// <summary>Any signed-in user.</summary>
    public static readonly string[] Staff = Users;
    public static readonly string[] Coordinators = ["admin", "coordinator"];
    public static readonly string[] Admin = ["admin"];
    /// <summary>Coordinators plus the given officers (snv = Sở Nội vụ, stp = Sở Tư pháp, tphatinh = UBND thành phố Hà Tĩnh).</summary>
    public static string[] CoordinatorsAnd(params string[] officers) => [.. Coordinators, .. officers];
    /// <summary>Every signed-in user except the officers not listed (an officer sees only its own agency).</summary>
    public static string[] StaffExceptOfficersBut(params string[] officers) =>
        [.. Coordinators, "leader", "appraiser", .. officers];
}

/// <summary>
/// One route as a user would call it. <see cref="Url"/> may create the data it needs (unique names);
/// POST pages send <see cref="Form"/> with a valid antiforgery token; API calls send <see cref="Json"/>.
/// Allowed users must not get 401/403/404 or the login page; everyone else must (anonymous: login
/// redirect for pages, 401 for /api; signed-in: 403 or 404).
/// </summary>
public sealed record RouteCase(string Name, string Method, Func<TestApp, Task<string>> Url, string[] Allowed)
{
    public Func<TestApp, Task<Dictionary<string, string?>>>? Form { get; init; }
    public Func<TestApp, Task<object>>? Json { get; init; }

    public static RouteCase Get(string name, string url, string[] allowed) => new(name, "GET", _ => Task.FromResult(url), allowed);
    public static RouteCase Get(string name, Func<TestApp, Task<string>> url, string[] allowed) => new(name, "GET", url, allowed);
}

/// <summary>
/// Every route of the app with who may use it; RouteAuthorizationTests runs each against every demo
/// user. Add new routes here (core) or in RouteTable.Plans.cs (plans, my work).
/// </summary>
public static partial class RouteTable
{
    static IEnumerable<RouteCase> Core() =>
    [
        RouteCase.Get("home", "/", Who.Staff),
        RouteCase.Get("login page", "/Accounts/Login", Who.Everyone),
        RouteCase.Get("health", "/health", Who.Everyone),
        RouteCase.Get("openapi", "/openapi/v1.json", Who.Everyone),
    ];

    public static IReadOnlyList<RouteCase> All => [.. Core(), .. Plans(), .. ParIndex()];

    public static RouteCase Find(string name) => All.Single(c => c.Name == name);

    /// <summary>Each route × each user (and anonymous).</summary>
    public static TheoryData<string, string> Matrix
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in All)
                foreach (var user in Who.Everyone)
                    data.Add(c.Name, user);
            return data;
        }
    }
}
