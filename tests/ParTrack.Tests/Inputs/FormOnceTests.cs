using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Notifications;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>
/// Finding 8: every create form posted twice in a row, or five times at the same moment (a double click, a
/// retried request), creates one record and lands every post on it.
/// </summary>
public sealed class FormOnceTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>A create form: where it is, who posts it, the fields for a new record named <c>name</c>, and how many such records exist.</summary>
    sealed record CreateForm(string User, Func<TestApp, Task<string>> Url, Func<TestApp, string, Task<Dictionary<string, string?>>> Fields,
        Func<AppDbContext, string, Task<int>> Count);

    static readonly Dictionary<string, CreateForm> Forms = new()
    {
        ["plan"] = new("coordinator", _ => Task.FromResult("/Plans/Create"),
            (_, name) => Task.FromResult(new Dictionary<string, string?> { ["Form.Title"] = name }),
            (db, name) => db.Plans.CountAsync(p => p.Title == name)),
        ["activity"] = new("coordinator", async app => $"/Plans/{await app.ProvincePlanAsync(PlanStatus.Draft)}/Activities",
            (_, name) => Task.FromResult(new Dictionary<string, string?> { ["Form.Text"] = name, ["Form.Lead"] = "Sở Nội vụ", ["Form.DueKind"] = "by", ["Form.DueEnd"] = "2025-06-30" }),
            (db, name) => db.Activities.CountAsync(a => a.Text == name)),
        ["agency"] = new("coordinator", _ => Task.FromResult("/Agencies/Edit"),
            (_, name) => Task.FromResult(new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.Kind"] = "Department", ["Input.Level"] = "Province" }),
            (db, name) => db.Agencies.CountAsync(a => a.Name == name)),
        ["group"] = new("coordinator", _ => Task.FromResult("/Agencies/GroupEdit"),
            (_, name) => Task.FromResult(new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.MemberKinds"] = "PublicServiceUnit" }),
            (db, name) => db.AgencyGroups.CountAsync(g => g.Name == name)),
        ["user"] = new("admin", _ => Task.FromResult("/Accounts/UserEdit"),
            (_, name) => Task.FromResult(new Dictionary<string, string?>
            {
                ["Input.UserName"] = UserName(name), ["Input.DisplayName"] = name, ["Input.Role"] = "Leader",
                ["Input.NewPassword"] = "MatKhau@2025x", ["Input.Active"] = "true",
            }),
            (db, name) => db.Users.CountAsync(u => u.UserName == UserName(name))),
        ["round"] = new("coordinator", _ => Task.FromResult("/ParIndex/Rounds/Create"),
            (_, name) => Task.FromResult(new Dictionary<string, string?>
            {
                ["Form.Year"] = "2033", ["Form.Title"] = name, ["Form.Groups"] = "Department",
                ["Form.SelfAssessmentDeadline"] = Today.AddDays(10).ToString("yyyy-MM-dd"), ["Form.AppraisalStart"] = Today.AddDays(11).ToString("yyyy-MM-dd"),
                ["Form.AppraisalEnd"] = Today.AddDays(20).ToString("yyyy-MM-dd"), ["Form.ClarificationStart"] = Today.AddDays(21).ToString("yyyy-MM-dd"),
                ["Form.ClarificationEnd"] = Today.AddDays(25).ToString("yyyy-MM-dd"), ["Form.PublishOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
            }),
            (db, name) => db.Set<ParRound>().CountAsync(r => r.Title == name)),
        ["ad-hoc request"] = new("coordinator", _ => Task.FromResult("/Reports/AdHoc"),
            async (app, name) => new Dictionary<string, string?>
            {
                ["PlanId"] = (await app.OpenQ1Async()).PlanId.ToString(), ["Title"] = name, ["Questions"] = "Số hồ sơ đã số hóa?",
                ["DataFrom"] = "2026-01-01", ["DataTo"] = "2026-11-30", ["Deadline"] = "2026-12-05",
                ["AgencyIds"] = (await app.AgencyIdAsync("Sở Tư pháp")).ToString(),
            },
            // One request, and the agency told once.
            async (db, name) => Math.Max(await db.Set<ReportPeriod>().CountAsync(p => p.Title == name),
                await db.Set<Notification>().CountAsync(n => n.Text.Contains(name)))),
    };

    static string UserName(string name) => "u" + name[^6..];   // TestData.Unique ends in six hex digits

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres }.Where(p => p == Databases.Sqlite || Databases.PostgresServer is not null))
            foreach (var form in Forms.Keys) data.Add(provider, form);
        return data;
    }

    async Task<(HttpClient Client, string Url, IHtmlFormElement Form, Dictionary<string, string?> Fields, string Name)> OpenAsync(TestApp app, CreateForm f)
    {
        var client = await app.As(f.User);
        var url = await f.Url(app);
        var name = TestData.Unique("Bản ghi tạo một lần");
        var fields = await f.Fields(app, name);
        var form = (IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        form.QuerySelector("input[name=__FormKey]").Should().NotBeNull("a create form carries its one-time key");
        return (client, url, form, fields, name);
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task CreateForm_PostedTwiceInARow_CreatesOneRecord(string provider, string formName)
    {
        var app = fx.App(provider);
        var f = Forms[formName];
        var (client, url, form, fields, name) = await OpenAsync(app, f);

        var first = await client.SubmitAsync(form, url, fields);
        var second = await client.SubmitAsync(form, url, fields);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location.Should().Be(first.Headers.Location);
        (await app.Db(db => f.Count(db, name))).Should().Be(1);
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task CreateForm_PostedFiveTimesAtOnce_CreatesOneRecord(string provider, string formName)
    {
        var app = fx.App(provider);
        var f = Forms[formName];
        var (client, url, form, fields, name) = await OpenAsync(app, f);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SubmitAsync(form, url, fields)));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Redirect);
        responses.Select(r => r.Headers.Location).Distinct().Should().ContainSingle("every post lands on the one record");
        (await app.Db(db => f.Count(db, name))).Should().Be(1);
    }
}
