using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ParTrack.Tests.Infrastructure;

/// <summary>Unhandled errors: problem details for /api, a friendly page otherwise, never internals.</summary>
public sealed class ErrorHandlingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>Appends, behind the real pipeline, a middleware that throws for paths ending in /__throw.</summary>
    sealed class Thrower : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(ctx => ctx.Request.Path.Value!.EndsWith("/__throw")
                ? throw (ctx.Request.Query["kind"] == "concurrency"
                    ? new DbUpdateConcurrencyException("secret-internal-detail")
                    : new InvalidOperationException("secret-internal-detail"))
                : Task.CompletedTask);
        };
    }

    async Task<HttpClient> ClientAsync()
    {
        var app = fx.App().WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, Thrower>()));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.LoginAsync("leader", "Demo@2025");
        return client;
    }

    [Fact]
    public async Task Api_Concurrency_Is409ProblemWithAdvice_AndOtherErrors500WithoutDetails()
    {
        var client = await ClientAsync();
        var conflict = await client.GetAsync("/api/x/__throw?kind=concurrency");
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var body = await conflict.Content.ReadAsStringAsync();
        conflict.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.Should().Contain("vừa được người khác thay đổi").And.NotContain("secret-internal-detail");

        var crash = await client.GetAsync("/api/x/__throw");
        crash.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await crash.Content.ReadAsStringAsync()).Should().NotContain("secret-internal-detail").And.NotContain("   at ");
    }

    [Fact]
    public async Task Page_Concurrency_Is409PageWithAdvice_AndOtherErrorsAFriendlyPage()
    {
        var client = await ClientAsync();
        var conflict = await client.GetAsync("/x/__throw?kind=concurrency");
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await conflict.ParseAsync()).QuerySelector("main")!.TextContent.Should().Contain("Dữ liệu đã bị thay đổi").And.Contain("tải lại trang");

        var crash = await client.GetAsync("/x/__throw");
        crash.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var html = await crash.Content.ReadAsStringAsync();
        html.Should().Contain("Đã xảy ra lỗi").And.NotContain("secret-internal-detail");
    }

    [Fact]
    public async Task UnknownPage_Is404PageInVietnamese()
    {
        var client = await fx.App().As("leader");
        var response = await client.GetAsync("/khong-co-trang-nay");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ParseAsync()).QuerySelector("h1")!.TextContent.Should().Be("Không tìm thấy trang");
    }
}
