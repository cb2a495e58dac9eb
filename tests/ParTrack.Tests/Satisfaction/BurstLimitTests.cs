using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>The public form's posts are limited per client (ASP.NET rate limiting); the refusal is a page of its own.</summary>
public sealed class BurstLimitTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MorePostsThanTheLimitInAMinute_AreRefusedWith429_AndNotStored(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        // The same database, served with a limit of 3 posts per client per minute.
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Satisfaction:PostsPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
            statuses.Add((await client.SubmitFormAsync($"/ks/{data.NoiVuDesk}", SurveyTestData.Answers(4, $"HS-BURST-{i}"))).StatusCode);

        statuses.Should().Equal(HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        var refused = await client.SubmitFormAsync($"/ks/{data.NoiVuDesk}", SurveyTestData.Answers(4, "HS-BURST-9"));
        var page = await refused.ParseAsync();
        page.Body!.TextContent.Should().Contain("Xin thử lại sau");
        page.QuerySelectorAll("a[href]").Should().BeEmpty();
        refused.Headers.RetryAfter.Should().NotBeNull();
        // Reading the form is not limited.
        (await client.GetAsync($"/ks/{data.NoiVuDesk}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId))).Should().Be(3);
    }
}
