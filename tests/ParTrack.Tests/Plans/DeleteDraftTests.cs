using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>A wrong import is one click from gone: drafts are deleted (asked first, with counts), issued plans are not.</summary>
public sealed class DeleteDraftTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Draft_DeletedWithItsActivities_Audited(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync(PlanStatus.Draft);
        var client = await app.As("coordinator");

        var page = await client.GetPageAsync($"/Plans/{id}");
        page.QuerySelector("form.delete-draft")!.GetAttribute("data-confirm").Should().Contain("4 hoạt động");
        var response = await client.SubmitFormAsync($"/Plans/{id}", formSelector: "form.delete-draft");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Plans.AnyAsync(p => p.Id == id))).Should().BeFalse();
        (await app.Db(db => db.Activities.AnyAsync(a => a.PlanId == id))).Should().BeFalse();
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Plan) && a.EntityId == id.ToString() && a.Action == "Deleted"))).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task IssuedPlan_IsNotDeleted_SaysToWithdraw(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync(PlanStatus.Issued);
        var client = await app.As("coordinator");

        var response = await client.PostWithTokenAsync($"/Plans/{id}?handler=Delete", new Dictionary<string, string?>(), tokenFrom: $"/Plans/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Plans.AnyAsync(p => p.Id == id))).Should().BeTrue();
        (await client.GetPageAsync($"/Plans/{id}")).Messages().Should().Contain("thu hồi");
    }
}
