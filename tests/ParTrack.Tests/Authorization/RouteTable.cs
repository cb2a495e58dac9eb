using Microsoft.EntityFrameworkCore;
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
        RouteCase.Get("health live", "/health/live", Who.Everyone),
        RouteCase.Get("health ready", "/health/ready", Who.Everyone),
        RouteCase.Get("openapi", "/openapi/v1.json", Who.Everyone),

        // Agencies: the registry is readable by all staff; only coordinators change it.
        RouteCase.Get("agencies list", "/Agencies?q=n%E1%BB%99i+v%E1%BB%A5&kind=Department&validity=all", Who.Staff),
        RouteCase.Get("agency groups", "/Agencies/Groups?day=2025-05-01", Who.Staff),
        RouteCase.Get("agencies csv export", "/Agencies/Export", Who.Staff),
        RouteCase.Get("agencies: learned names", "/Agencies/LearnedNames", Who.Staff),
        new("agencies: forget a learned name", "POST", _ => Task.FromResult("/Agencies/LearnedNames?handler=Remove&kind=s&id=999999"), Who.Coordinators),
        RouteCase.Get("agency create form", "/Agencies/Edit", Who.Coordinators),
        RouteCase.Get("agency edit form", async app => $"/Agencies/Edit/{await app.AgencyIdAsync("Sở Tư pháp")}", Who.Coordinators),
        new("agency edit post", "POST", async app => $"/Agencies/Edit/{(await app.AddAgencyAsync(TestData.Agency())).Id}", Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?>
                { ["Input.Name"] = TestData.Unique("Sở Sửa"), ["Input.Kind"] = "Department", ["Input.Level"] = "Province" }),
        },
        new("agency create post", "POST", _ => Task.FromResult("/Agencies/Edit"), Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?>
                { ["Input.Name"] = TestData.Unique("Sở Mới"), ["Input.Kind"] = "Department", ["Input.Level"] = "Province" }),
        },
        RouteCase.Get("agency csv import form", "/Agencies/Csv", Who.Coordinators),
        new("agency csv import post", "POST", _ => Task.FromResult("/Agencies/Csv"), Who.Coordinators),
        RouteCase.Get("group create form", "/Agencies/GroupEdit", Who.Coordinators),
        RouteCase.Get("reorganise form", "/Agencies/Reorganise?kind=Merge", Who.Coordinators),
        new("reorganise preview post", "POST", _ => Task.FromResult("/Agencies/Reorganise?handler=Preview"), Who.Coordinators) { Form = MergeForm },
        new("reorganise apply post", "POST", _ => Task.FromResult("/Agencies/Reorganise?handler=Apply"), Who.Coordinators) { Form = MergeForm },
        new("api reorganisation preview", "POST", _ => Task.FromResult("/api/agencies/reorganisations/preview"), Who.Coordinators) { Json = MergeJson },
        new("api reorganisation apply", "POST", _ => Task.FromResult("/api/agencies/reorganisations"), Who.Coordinators) { Json = MergeJson },
        RouteCase.Get("api agencies", "/api/agencies?kind=Department", Who.Staff),
        RouteCase.Get("api agency", async app => $"/api/agencies/{await app.AgencyIdAsync("Sở Nội vụ")}", Who.Staff),
        RouteCase.Get("api resolve", "/api/agencies/resolve?name=S%E1%BB%9F+TTTT", Who.Staff),
        RouteCase.Get("api groups", "/api/agency-groups", Who.Staff),
        new("api agency create", "POST", _ => Task.FromResult("/api/agencies"), Who.Coordinators)
        {
            Json = _ => Task.FromResult<object>(new { name = TestData.Unique("Sở API"), kind = "Department", level = "Province" }),
        },
        new("api agency update", "PUT", async app => $"/api/agencies/{(await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở API cũ")))).Id}", Who.Coordinators)
        {
            Json = async app => new { name = TestData.Unique("Sở API sửa"), kind = "Department", level = "Province",
                version = await app.Db(db => db.Agencies.Where(a => a.Name.StartsWith("Sở API cũ")).OrderByDescending(a => a.Id).Select(a => a.Version).FirstAsync()) },
        },
        new("api group update", "PUT", async app => $"/api/agency-groups/{await NewGroupAsync(app)}", Who.Coordinators)
        {
            Json = async app => new { name = TestData.Unique("Nhóm API sửa"), memberKinds = new[] { "Department" },
                version = await app.Db(db => db.AgencyGroups.OrderByDescending(g => g.Id).Select(g => g.Version).FirstAsync()) },
        },
        new("api group create", "POST", _ => Task.FromResult("/api/agency-groups"), Who.Coordinators)
        {
            Json = _ => Task.FromResult<object>(new { name = TestData.Unique("Nhóm API"), memberKinds = new[] { "Department" } }),
        },

        // Accounts and audit: administrators only.
        RouteCase.Get("users list", "/Accounts/Users", Who.Admin),
        RouteCase.Get("integration tokens", "/Accounts/Tokens", Who.Admin),
        new("integration token issue post", "POST", _ => Task.FromResult("/Accounts/Tokens?handler=Issue"), Who.Admin)
            { Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Input.Name"] = "Ma tran " + Guid.NewGuid().ToString("N")[..6], ["Input.Role"] = "Leader", ["Input.Expires"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") }) },
        new("integration token revoke post", "POST", _ => Task.FromResult("/Accounts/Tokens?handler=Revoke&id=999999"), Who.Admin),
        RouteCase.Get("user create form", "/Accounts/UserEdit", Who.Admin),
        RouteCase.Get("user edit form", async app => $"/Accounts/UserEdit/{await app.UserIdAsync("snv")}", Who.Admin),
        new("user unlock post", "POST", async app => $"/Accounts/UserEdit/{await app.UserIdAsync("stp")}?handler=Unlock", Who.Admin),
        RouteCase.Get("audit log", "/Accounts/Audit?entity=Agency", Who.Admin),
        RouteCase.Get("audit log: sign-ins", "/Accounts/Audit?entity=SignIn", Who.Admin),
        // A fresh account each time: resetting 2FA ends that account's sessions.
        new("user 2fa reset post", "POST", async app => $"/Accounts/UserEdit/{await app.UserIdAsync(await Accounts.AccountTestData.AddUserAsync(app))}?handler=ResetTwoFactor", Who.Admin),

        // Every signed-in user: their own password and two-factor sign-in (the posts here fail validation,
        // so no demo account's password or sessions change).
        RouteCase.Get("change password form", "/Accounts/Password", Who.Staff),
        new("change password post", "POST", _ => Task.FromResult("/Accounts/Password"), Who.Staff)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["CurrentPassword"] = "sai-mat-khau-123", ["NewPassword"] = "x", ["ConfirmPassword"] = "y" }),
        },
        RouteCase.Get("two-factor page", "/Accounts/TwoFactor", Who.Staff),
        new("two-factor enable post", "POST", _ => Task.FromResult("/Accounts/TwoFactor?handler=Enable"), Who.Staff)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Code"] = "000000", ["SealedKey"] = "hong" }),
        },
        new("two-factor disable post", "POST", _ => Task.FromResult("/Accounts/TwoFactor?handler=Disable"), Who.Staff)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Code"] = "000000" }),
        },
        RouteCase.Get("sign-in code page", "/Accounts/LoginCode", Who.Everyone),
        new("sign-in code post", "POST", _ => Task.FromResult("/Accounts/LoginCode"), Who.Everyone)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Code"] = "000000" }),
        },
    ];

    /// <summary>A fresh department merged into a new one (each allowed call merges its own).</summary>
    static async Task<Dictionary<string, string?>> MergeForm(TestApp app) => new()
    {
        ["Input.Kind"] = "Merge", ["Input.FromIds"] = (await app.AddAgencyAsync(TestData.Agency())).Id.ToString(),
        ["Input.NewName"] = TestData.Unique("Sở Hợp nhất"), ["Input.EffectiveOn"] = "2025-03-01",
    };

    static async Task<object> MergeJson(TestApp app) =>
        new { kind = "Merge", fromIds = new[] { (await app.AddAgencyAsync(TestData.Agency())).Id }, newName = TestData.Unique("Sở Hợp nhất API"), effectiveOn = "2025-03-01" };

    static Task<int> NewGroupAsync(TestApp app) => app.Db(async db =>
    {
        var group = new ParTrack.Data.AgencyGroup { Name = TestData.Unique("Nhóm cũ"), MemberKinds = "Department" };
        db.AgencyGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    public static IReadOnlyList<RouteCase> All => [.. Core(), .. Plans(), .. PlanLifecycle(), .. Reporting(), .. ParIndex(), .. Publishing(), .. Guide(), .. Dossiers(), .. Satisfaction(), .. ReportDocuments(), .. Inspections(), .. Confirmations(), .. Coverage()];

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
